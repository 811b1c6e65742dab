package org.gawahi.bot.telegram;

import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Screen;
import org.gawahi.storage.drafts.ChatRef;

/** The interview as the adapter sees it: {@code interview::handle}. */
@FunctionalInterface
public interface Engine {
    Screen handle(ChatRef chat, String languageCode, Input input);
}
