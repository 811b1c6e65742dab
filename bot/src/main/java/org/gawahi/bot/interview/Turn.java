package org.gawahi.bot.interview;

import java.util.ArrayList;
import java.util.List;

import org.gawahi.storage.drafts.ChatRef;

/** The state of one call: the draft (null when none), and what to do with it afterwards. */
final class Turn {
    final ChatRef chat;
    Draft draft;
    final String guess;
    boolean save = true;
    boolean erase;
    /** What this call causes after the commit: an urgent arrival. */
    final List<AfterCommit> afterCommit = new ArrayList<>();

    Turn(ChatRef chat, Draft draft, String guess) {
        this.chat = chat;
        this.draft = draft;
        this.guess = guess;
    }

    String language() {
        return draft != null && draft.language != null ? draft.language : guess;
    }

    /** Nothing chosen yet: the language prompt is the screen, in her guessed language. */
    boolean choosingLanguage() {
        return draft.stage == Draft.Stage.LANGUAGE && draft.language == null;
    }
}
