package org.gawahi.bot.moderation;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.gawahi.bot.interview.Input;
import org.gawahi.config.questionnaire.DeskTexts;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;
import org.gawahi.storage.contact.ContactHandle;
import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.conversation.TelegramIds;
import org.gawahi.storage.crypto.CannotOpenException;

/**
 * The desk's side of contact back: which moderators are writing a message and to which
 * testimony (in memory, forgotten on restart), and the messages due to respondents' chats
 * after the commit, each under the questionnaire's line in her language.
 */
final class ContactDesk {
    /** The note under a testimony whose respondent asked for a message back. */
    static String note(DeskTexts words) {
        return words.message("contact_note");
    }

    /** What the moderator is asked once she pressed "Contact her". */
    static String ask(DeskTexts words) {
        return words.message("contact_ask", "max", ContactBack.MAX_MESSAGE);
    }

    /** A moderator's message for a respondent's chat, to go out after the commit. */
    private record Delivery(long chatId, String text) {
        @Override
        public String toString() {
            return "Delivery[REDACTED]";
        }
    }

    private final Questionnaire questionnaire;
    private final Map<ConversationId, String> writing = new ConcurrentHashMap<>();
    private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();

    ContactDesk(Questionnaire questionnaire) {
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
    }

    boolean isWriting(ConversationId user) {
        return writing.containsKey(user);
    }

    /** The testimony this moderator was writing to, which she stops writing to. */
    Optional<String> take(ConversationId user) {
        return Optional.ofNullable(writing.remove(user));
    }

    /** DONE when her next text is the message; otherwise why not (refused and audited). */
    Outcome ask(ContactBack contact, String actor, ConversationId user, String testimonyId) {
        Outcome outcome = contact.begin(actor, testimonyId);
        if (outcome == Outcome.DONE) {
            writing.put(user, testimonyId);
        }
        return outcome;
    }

    /**
     * The moderator's input while writing: sent (queued for after the commit), refused, or
     * bad input, after which she is still writing and nothing is lost.
     */
    Outcome write(ContactBack contact, String actor, ConversationId user, String testimonyId, Input input)
            throws CannotOpenException {
        if (!(input instanceof Input.Text text)) {
            writing.put(user, testimonyId);
            return Outcome.CONTACT_NOT_TEXT;
        }
        ContactBack.Sending sending = contact.send(actor, testimonyId, text.text());
        if (sending.outcome() == Outcome.CONTACT_EMPTY || sending.outcome() == Outcome.CONTACT_TOO_LONG) {
            writing.put(user, testimonyId);
        }
        sending.to().ifPresent(h -> deliveries.add(new Delivery(TelegramIds.id(h.chat().conversation()), toRespondent(h, text.text()))));
        return sending.outcome();
    }

    /** The messages due since the last call, by chat id; the caller merges them with its own notices. */
    void drainInto(Map<Long, String> notices) {
        for (Delivery d = deliveries.poll(); d != null; d = deliveries.poll()) {
            notices.merge(d.chatId(), d.text(), (a, b) -> a + "\n\n" + b);
        }
    }

    private String toRespondent(ContactHandle handle, String message) {
        String language = questionnaire.supports(handle.language()) ? handle.language() : questionnaire.defaultLanguage();
        Texts texts = questionnaire.texts(language);
        return texts.hasMessage(Questionnaire.CONTACT_MESSAGE)
                ? texts.message(Questionnaire.CONTACT_MESSAGE) + "\n\n" + message.strip() : message.strip();
    }
}
