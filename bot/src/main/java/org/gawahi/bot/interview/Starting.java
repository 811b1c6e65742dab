package org.gawahi.bot.interview;

import org.gawahi.config.questionnaire.Questionnaire;

/**
 * How a conversation begins and picks up again: {@code /start}, her language (chosen first or
 * changed later with {@code /language}), and "continue" or "start over" after a pause.
 */
final class Starting {
    private final Questionnaire questionnaire;
    private final Screens screens;
    private final Answering answering;
    private final OnScreen onScreen;

    Starting(Questionnaire questionnaire, Screens screens, Answering answering, OnScreen onScreen) {
        this.questionnaire = questionnaire;
        this.screens = screens;
        this.answering = answering;
        this.onScreen = onScreen;
    }

    Screen start(Turn turn) {
        if (turn.draft == null) {
            turn.draft = fresh();
            turn.draft.stage = Draft.Stage.LANGUAGE;
            return screens.language(turn.guess);
        }
        Draft d = turn.draft;
        if (d.stage == Draft.Stage.LANGUAGE) {
            return screens.language(turn.guess);
        }
        if (d.stage != Draft.Stage.RESUME) {
            d.returnStage = d.stage == Draft.Stage.PAUSED ? d.returnStage : d.stage;
            d.stage = Draft.Stage.RESUME;
        }
        return onScreen.render(turn);
    }

    /** {@code /language}: the prompt again; her choice brings her back where she was. */
    Screen askLanguage(Turn turn) {
        Draft d = turn.draft;
        d.returnStage = d.stage == Draft.Stage.LANGUAGE ? d.returnStage : d.stage;
        d.stage = Draft.Stage.LANGUAGE;
        return screens.language(d.language == null ? turn.guess : d.language);
    }

    Screen chooseLanguage(Turn turn, String language) {
        Draft d = turn.draft;
        if (!questionnaire.supports(language)) {
            return screens.language(turn.guess).withNotice(onScreen.texts(turn).message("stale_button"));
        }
        boolean first = d.language == null;
        d.language = language;
        if (first || d.returnStage == null) {
            return answering.begin(d);
        }
        d.stage = d.returnStage;
        d.returnStage = null;
        return onScreen.render(turn).withNotice(questionnaire.texts(language).message("language_changed"));
    }

    Screen resumeChoice(Turn turn, String choice) {
        Draft d = turn.draft;
        return switch (choice) {
            case "continue" -> answering.resume(d);
            case "over" -> {
                Draft fresh = fresh();
                fresh.language = d.language;
                turn.draft = fresh;
                yield answering.begin(fresh);
            }
            case "erase" -> answering.askErase(d);
            default -> onScreen.notice(turn, "stale_button");
        };
    }

    private Draft fresh() {
        Draft draft = new Draft();
        draft.questionnaire = questionnaire.id();
        draft.version = questionnaire.version();
        return draft;
    }
}
