package org.gawahi.bot.telegram;

import java.time.Duration;
import java.util.Optional;

import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Screen;
import org.gawahi.storage.drafts.ChatRef;

/** The interview as the adapter sees it: {@code interview::handle}. */
@FunctionalInterface
public interface Engine {
    Screen handle(ChatRef chat, String languageCode, Input input);

    /**
     * How long the screen just returned for {@code chat} may stay on the phone: review screens
     * are deleted after a while, so a moderator's phone does not become a second archive.
     * Empty (the default) keeps the usual conversation rules.
     */
    default Optional<Duration> expiresAfter(ChatRef chat) {
        return Optional.empty();
    }

    /**
     * Short notices due to other chats (by chat id) because of the input just handled, such as
     * the content-free word to moderators that an urgent testimony arrived; sent after the
     * commit. Empty by default.
     */
    default java.util.Map<Long, String> notices() {
        return java.util.Map.of();
    }

    /**
     * A report accepted with the input just handled for {@code chat}: made and sent after the
     * commit, on the sender's thread, so the seconds it takes hold up neither the transaction
     * nor the reading of new updates. Empty by default.
     */
    default Optional<org.gawahi.bot.reports.ReportJob> report(ChatRef chat) {
        return Optional.empty();
    }
}
