package org.gawahi.bot.buttons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ButtonCodecTest {
    private static final String ID = "0123456789abcdef0123456789abcdef";
    /** Every action the desks have written, old and new: none makes a month press the desk's. */
    private static final List<String> DESK_ACTIONS = List.of("n", "a", "r", "rr", "b", "u", "e", "eq", "l", "ln", "ll",
            "s", "c", "x", "xx");

    private static Namespace namespaceOf(String data) {
        return ButtonCodec.decode(data).orElseThrow(() -> new AssertionError("not read: " + data)).namespace();
    }

    @Test
    void aMonthPressIsTheInterviewsEvenWhenItsQuestionIsNamedLikeADeskAction() {
        List<String> questions = new ArrayList<>(DESK_ACTIONS);
        questions.addAll(List.of("q1", "q5", "when", ID));
        for (String question : questions) {
            for (int month = 0; month <= 12; month++) {
                String data = "m:" + question + ":" + month;
                assertThat(namespaceOf(data)).as(data).isEqualTo(Namespace.RESPONDENT);
                assertThat(namespaceOf("m:" + question + ":0" + month % 10)).isEqualTo(Namespace.RESPONDENT);
            }
        }
    }

    @Test
    void theDesksOldDataAreStillTheDesksSoAScreenOnAPhoneAcrossTheUpgradeWorks() {
        assertThat(ButtonCodec.decode("m:n")).contains(ButtonData.of(Namespace.MODERATION, "n"));
        assertThat(ButtonCodec.decode("m:a:" + ID)).contains(ButtonData.of(Namespace.MODERATION, "a", ID));
        assertThat(ButtonCodec.decode("m:rr:1:" + ID)).contains(ButtonData.of(Namespace.MODERATION, "rr", "1", ID));
        assertThat(ButtonCodec.decode("m:ll:0123456789abcdef:" + ID))
                .contains(ButtonData.of(Namespace.MODERATION, "ll", "0123456789abcdef", ID));
        for (String contact : List.of("c", "x", "xx")) {
            assertThat(ButtonCodec.decode("m:" + contact + ":" + ID)).contains(ButtonData.of(Namespace.CONTACT, contact, ID));
        }
    }

    @Test
    void theDesksNewDataShareNoLetterWithTheInterview() {
        assertThat(ButtonData.of(Namespace.MODERATION, "a", ID).data()).isEqualTo("v:a:" + ID);
        assertThat(ButtonData.of(Namespace.CONTACT, "xx", ID).data()).isEqualTo("c:xx:" + ID);
        for (Namespace desk : List.of(Namespace.MODERATION, Namespace.CONTACT, Namespace.REPORT, Namespace.WITHDRAWAL,
                Namespace.CHAT)) {
            assertThat(Namespace.RESPONDENT.heads()).doesNotContainAnyElementsOf(desk.heads());
        }
    }

    @Test
    void theAdaptersAndTheWithdrawalsDataAreWhatTheyWere() {
        assertThat(ButtonData.of(Namespace.CHAT, "clear", "now").data()).isEqualTo("z:clear:now");
        assertThat(ButtonData.of(Namespace.WITHDRAWAL, "withdraw", "yes").data()).isEqualTo("w:withdraw:yes");
        assertThat(ButtonData.of(Namespace.RESPONDENT, "a", "q5", "night").data()).isEqualTo("a:q5:night");
    }

    /** Property: whatever a desk can write, within the limit, reads back as it was and as no other namespace's. */
    @Test
    void everyButtonWrittenReadsBackTheSameInItsOwnNamespace() {
        Random random = new Random(20261206);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_-ऀअकখ";
        int written = 0;
        for (int i = 0; i < 20_000; i++) {
            Namespace namespace = Namespace.values()[random.nextInt(Namespace.values().length)];
            String action = namespace == Namespace.RESPONDENT
                    ? namespace.heads().get(random.nextInt(namespace.heads().size()))
                    : word(random, alphabet, 1 + random.nextInt(4));
            List<String> arguments = new ArrayList<>();
            int count = namespace == Namespace.RESPONDENT ? 2 : random.nextInt(4);
            for (int a = 0; a < count; a++) {
                arguments.add(word(random, alphabet, 1 + random.nextInt(random.nextBoolean() ? 8 : 40)));
            }
            if (namespace == Namespace.RESPONDENT && action.equals("m")) {
                arguments.set(1, Integer.toString(random.nextInt(13))); // a month, as the interview writes it
            }
            ButtonData button = new ButtonData(namespace, action, arguments);
            List<String> parts = new ArrayList<>();
            if (namespace != Namespace.RESPONDENT) {
                parts.add(namespace.heads().get(0));
            }
            parts.add(action);
            parts.addAll(arguments);
            String expected = String.join(":", parts);
            if (expected.getBytes(StandardCharsets.UTF_8).length > ButtonCodec.MAX_BYTES) {
                assertThatThrownBy(button::data).isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            written++;
            assertThat(button.data()).isEqualTo(expected);
            assertThat(ButtonCodec.decode(expected)).as(expected).contains(button);
        }
        assertThat(written).isGreaterThan(10_000);
    }

    private static String word(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Test
    void sixtyFourBytesAreWrittenAndSixtyFiveAreNot() {
        String fits = ButtonData.of(Namespace.RESPONDENT, "a", "q", "x".repeat(60)).data();
        assertThat(fits.getBytes(StandardCharsets.UTF_8)).hasSize(64);
        assertThat(ButtonCodec.decode(fits)).isPresent();

        assertThatThrownBy(() -> ButtonData.of(Namespace.RESPONDENT, "a", "q", "x".repeat(61)).data())
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("xxx");
        assertThat(ButtonCodec.decode(fits + "x")).isEmpty();
        // counted in bytes, not characters: 21 Devanagari letters are 63 bytes
        assertThat(ButtonCodec.decode("a:q:" + "क".repeat(20))).isPresent();
        assertThat(ButtonCodec.decode("a:q:" + "क".repeat(21))).isEmpty();
    }

    @Test
    void aPartThatIsEmptyOrHoldsTheSeparatorIsNeverWritten() {
        assertThatThrownBy(() -> ButtonData.of(Namespace.MODERATION, "a", "x:y").data())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ButtonData.of(Namespace.MODERATION, "", ID).data())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ButtonData.of(Namespace.RESPONDENT, "v", "q1", "x").data())
                .as("a kind the interview does not have").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ButtonData.of(Namespace.RESPONDENT, "m", "q1", ID).data())
                .as("a month button without a month: it would read as the desk's").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataOfNoNamespaceOrOfTheWrongShapeIsNobodys() {
        for (String data : List.of("", "garbage", "v", "q:a:b", "A:q5:night", "a:q5", "a:q5:night:extra", "a::x", "::")) {
            assertThat(ButtonCodec.decode(data)).as(data).isEmpty();
        }
        assertThat(ButtonCodec.decode(null)).isEmpty();
    }

    @Test
    void aDesksMalformedDataIsStillTheDesksForItToRefuseInItsOwnWords() {
        assertThat(namespaceOf("v:")).isEqualTo(Namespace.MODERATION);
        assertThat(namespaceOf("m:")).isEqualTo(Namespace.MODERATION);
        assertThat(namespaceOf("m:x:y:z")).isEqualTo(Namespace.CONTACT);
        assertThat(namespaceOf("c:zz")).isEqualTo(Namespace.CONTACT);
    }
}
