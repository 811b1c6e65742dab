package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.QuestionKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code info}: words and Continue; nothing to answer, nothing to type. */
class InfoNoteTest {
    private static final Question NOTE = new Question("note", "start", QuestionKind.INFO, false, false, false,
            Optional.empty(), List.of(), 0, 0);

    @TempDir
    static Path folder;
    static KindFixture kinds;
    static AnswerKind info;

    @BeforeAll
    static void load() {
        kinds = new KindFixture(folder);
        info = kinds.kinds.of(NOTE);
    }

    @Test
    void continueIsReadAndAnyOtherPressIsRefused() {
        Draft d = kinds.onQuestion("c1");

        assertThat(info.press(d, NOTE, new ButtonId(ButtonId.NAV, "note", "continue"), kinds.english))
                .contains(new Move.Read());
        assertThat(info.press(d, NOTE, new ButtonId(ButtonId.ANSWER, "note", "continue"), kinds.english)).isEmpty();
        assertThat(info.press(d, NOTE, new ButtonId(ButtonId.NAV, "note", "done"), kinds.english)).isEmpty();
    }

    @Test
    void typingIsRefusedWithTheWordsForButtons() {
        assertThat(info.type(kinds.onQuestion("c1"), NOTE, "ok", kinds.english))
                .isEqualTo(new Move.Notice(kinds.english.message("use_buttons")));
    }

    @Test
    void drawsOnlyContinue() {
        AnswerKind.Part part = info.render(kinds.onQuestion("c1"), NOTE, kinds.english);

        assertThat(KindFixture.buttonIds(part)).containsExactly("n:note:continue");
        assertThat(KindFixture.buttonLabels(part)).containsExactly(kinds.english.message("button_continue"));
    }

    @Test
    void labelNamesNothing() {
        assertThat(info.label(NOTE, List.of("x"), kinds.english)).isEqualTo(kinds.english.message("answer_none"));
    }
}
