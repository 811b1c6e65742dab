package org.gawahi.bot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Screen;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.Test;

class SimulatorTypedInputTest {
    static final Questionnaire RAID = QuestionnaireLoader.loadDefault();

    private static Screen screen(String question, String... options) {
        List<Screen.Button> buttons = java.util.Arrays.stream(options)
                .map(o -> new Screen.Button("a:" + question + ":" + o, o)).toList();
        return new Screen("?", List.of(buttons), false, Optional.empty(), Screen.Ending.NONE);
    }

    @Test
    void aNumberTypedOnAboutHowManyPeopleIsTheAnswerNotButtonThree() {
        Screen howMany = screen("q9", "only_me", "n2_5", "n6_20", "over_20");

        assertThat(Simulator.fromTyped("3", howMany, RAID)).contains(new Input.Text("3"));
        assertThat(Simulator.fromTyped("12", howMany, RAID)).contains(new Input.Text("12"));
    }

    @Test
    void aHashPressesTheButtonOnAnyQuestion() {
        assertThat(Simulator.fromTyped("#3", screen("q9", "only_me", "n2_5", "n6_20", "over_20"), RAID))
                .contains(new Input.Press("a:q9:n6_20"));
        assertThat(Simulator.fromTyped("#2", screen("q8", "showed_paper", "told", "said_nothing"), RAID))
                .contains(new Input.Press("a:q8:told"));
    }

    @Test
    void aPlainNumberStillPressesTheButtonWhereNoNumberIsAsked() {
        assertThat(Simulator.fromTyped("2", screen("q8", "showed_paper", "told", "said_nothing"), RAID))
                .contains(new Input.Press("a:q8:told"));
        assertThat(Simulator.fromTyped("9", screen("q8", "showed_paper", "told", "said_nothing"), RAID))
                .contains(new Input.Text("9"));
    }
}
