package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.gawahi.config.secret.SecretBytes;
import org.junit.jupiter.api.Test;

class DraftCodecTest {
    private final DraftCodec codec = new DraftCodec();

    private static Draft full() {
        Draft d = new Draft();
        d.questionnaire = "raid";
        d.version = 3;
        d.language = "bn";
        d.stage = Draft.Stage.QUESTION;
        d.current = "q7";
        d.answers.put("q1", new ArrayList<>(List.of("night")));
        d.answers.put("q5", new ArrayList<>(List.of("2025-03")));
        d.answers.put("q9", new ArrayList<>(List.of("slapped", "dragged", Draft.SKIP)));
        d.texts.put("q12", "তারা রাতে এসেছিল, দরজা ভেঙে — \"two vans\"\n😢");
        d.history = new ArrayList<>(List.of("q1", "q5", "q9", "q12"));
        d.pending = new LinkedHashSet<>(List.of("kicked", "phone_taken"));
        d.pendingYear = 2024;
        d.editing = true;
        d.returnStage = Draft.Stage.REVIEW;
        return d;
    }

    private static void assertSame(Draft actual, Draft expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("effective").isEqualTo(expected);
        assertThat(actual.answers.keySet()).containsExactlyElementsOf(expected.answers.keySet());
        assertThat(actual.pending).containsExactlyElementsOf(expected.pending);
    }

    @Test
    void everyFieldOfADraftComesBackAsItWasInOrder() {
        Draft d = full();
        Optional<Draft> back = codec.decode(codec.encode(d));
        assertThat(back).isPresent();
        assertSame(back.get(), d);
        assertThat(back.get().answers.get("q9")).isInstanceOf(ArrayList.class);
    }

    @Test
    void aDraftWithNothingChosenYetComesBackAsItWas() {
        Draft d = new Draft();
        d.questionnaire = "raid";
        Optional<Draft> back = codec.decode(codec.encode(d));
        assertThat(back).isPresent();
        assertSame(back.get(), d);
        assertThat(back.get().language).isNull();
        assertThat(back.get().pendingYear).isNull();
        assertThat(back.get().returnStage).isNull();
    }

    @Test
    void theEncodingNamesNoFieldAndIsNotJson() {
        byte[] bytes = codec.encode(full()).bytes();
        assertThat(bytes[0]).isEqualTo(DraftFormats.NEWEST);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("answers", "pendingYear", "{");
    }

    @Test
    void aDraftWrittenAsJsonByAnEarlierVersionIsStillRead() {
        String json = "{\"format\":1,\"questionnaire\":\"raid\",\"version\":3,\"language\":\"hi\",\"stage\":\"QUESTION\","
                + "\"current\":\"q5\",\"answers\":{\"q1\":[\"night\"],\"q3\":[\"_skip\"]},\"texts\":{\"q12\":\"दो गाड़ियाँ\"},"
                + "\"history\":[\"q1\",\"q3\"],\"pending\":[\"a\"],\"pendingYear\":2025,\"editing\":false,\"returnStage\":null}";
        Optional<Draft> back = codec.decode(SecretBytes.utf8(json));
        assertThat(back).isPresent();
        Draft d = back.get();
        assertThat(d.language).isEqualTo("hi");
        assertThat(d.stage).isEqualTo(Draft.Stage.QUESTION);
        assertThat(d.answers).containsEntry("q1", List.of("night")).containsEntry("q3", List.of("_skip"));
        assertThat(d.texts).containsEntry("q12", "दो गाड़ियाँ");
        assertThat(d.history).containsExactly("q1", "q3");
        assertThat(d.pending).containsExactly("a");
        assertThat(d.pendingYear).isEqualTo(2025);
    }

    @Test
    void everyTruncationOfADraftIsNoDraftRatherThanAnError() {
        byte[] bytes = codec.encode(full()).bytes();
        for (int length = 0; length < bytes.length; length++) {
            assertThat(codec.decode(SecretBytes.copyOf(Arrays.copyOf(bytes, length)))).as("cut to %d", length).isEmpty();
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThat(codec.decode(SecretBytes.copyOf(longer))).as("a byte too many").isEmpty();
    }

    @Test
    void randomAndDamagedBytesAreNoDraftRatherThanAnError() {
        Random random = new Random(20261123);
        byte[] good = codec.encode(full()).bytes();
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes;
            if (i % 2 == 0) {
                bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
            } else {
                bytes = good.clone();
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
            }
            // A flip inside a string's bytes can still be a draft; a flip anywhere must not throw.
            Optional<Draft> decoded = codec.decode(SecretBytes.copyOf(bytes));
            decoded.ifPresent(d -> assertThat(d.stage).isNotNull());
        }
        byte[] huge = good.clone();
        // the count of answers, right after the current question's id: claims two billion
        int at = 1 + (4 + 4) + 4 + (4 + 2) + (4 + "QUESTION".length()) + (4 + 2);
        huge[at] = 0x7f;
        assertThat(codec.decode(SecretBytes.copyOf(huge))).isEmpty();
    }
}
