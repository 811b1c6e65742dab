package org.gawahi.bot.interview;

import java.util.List;

import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;

/** What she sees now, and her words: the screen a reply falls back on or adds a notice to. */
final class OnScreen {
    private final Questionnaire questionnaire;
    private final Screens screens;

    OnScreen(Questionnaire questionnaire, Screens screens) {
        this.questionnaire = questionnaire;
        this.screens = screens;
    }

    /**
     * The screen of the draft's stage. Before she has chosen a language it is the prompt in her
     * client's language (or the default), as at {@code /start}: the draft knows no language yet.
     */
    Screen render(Turn turn) {
        return turn.choosingLanguage() ? screens.language(turn.guess) : screens.render(turn.draft);
    }

    Texts texts(Turn turn) {
        return questionnaire.texts(turn.language());
    }

    /** Her current screen with the message of that key above it. */
    Screen notice(Turn turn, String key) {
        return render(turn).withNotice(texts(turn).message(key));
    }

    /** A reply that leaves the person where she was, with her current screen below it. */
    Screen withCurrent(Turn turn, String message) {
        return turn.draft == null ? Screen.of(message, List.of()) : render(turn).withNotice(message);
    }
}
