package org.gawahi.storage.testimony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestimonyContentTest {
    private static final TestimonyContent SUBMITTED = new TestimonyContent("raid", 1, "hi",
            Map.of("u1", List.of("aggregate", "quote")), Map.of("q29", "पुलिस ने मारा", "q28", "other words"));

    @Test
    void contentSealedBeforeTheRedactionMarkExistedOpensWithNothingRedacted() {
        byte[] old = ("{\"answers\":{\"u1\":[\"aggregate\",\"quote\"]},\"language\":\"en\",\"questionnaire\":\"raid\","
                + "\"texts\":{\"q29\":\"they came at night\"},\"version\":1}").getBytes(StandardCharsets.UTF_8);

        TestimonyContent content = TestimonyContent.fromJson(SecretBytes.adopt(old));

        assertThat(content.texts()).containsEntry("q29", "they came at night");
        assertThat(content.redacted()).isEmpty();
    }

    @Test
    void unredactedContentIsWrittenWithoutTheMark() {
        try (SecretBytes json = SUBMITTED.toJson()) {
            assertThat(new String(json.bytes(), StandardCharsets.UTF_8)).doesNotContain("redacted");
        }
    }

    @Test
    void aRedactionReplacesTheTextAndIsMarkedAndTheMarkSurvivesARoundTrip() {
        TestimonyContent redacted = SUBMITTED.withRedaction("q29", "पुलिस").withRedaction("q28", "other");

        TestimonyContent read;
        try (SecretBytes json = redacted.toJson()) {
            read = TestimonyContent.fromJson(json);
        }

        assertThat(read.texts()).containsEntry("q29", "पुलिस").containsEntry("q28", "other");
        assertThat(read.redacted()).containsExactlyInAnyOrder("q29", "q28");
        assertThat(read).isEqualTo(redacted);
    }

    @Test
    void onlyAFreeTextAnswerCanBeMarkedRedacted() {
        assertThatThrownBy(() -> SUBMITTED.withRedaction("q1", "x")).isInstanceOf(IllegalArgumentException.class);
        byte[] forged = ("{\"answers\":{},\"language\":\"en\",\"questionnaire\":\"raid\",\"redacted\":[\"q9\"],"
                + "\"texts\":{},\"version\":1}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TestimonyContent.fromJson(SecretBytes.adopt(forged)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reSealingToANewKeyKeepsTheRedactionMark(@TempDir Path data) throws Exception {
        try (TestStorage storage = TestStorage.create(data)) {
            storage.submissions.submit(ChatRef.of(1), SUBMITTED.withRedaction("q29", "पुलिस").toJson());
            storage.keys.rotate(TestStorage.PASSPHRASE, Argon2Profile.TEST);
            TestimonyTable table = new TestimonyTable(storage.db);
            try (Opener opener = storage.unlock()) {
                new Resealing(storage.db).resealAll(opener, storage.keys.sealer(), (done, total) -> { });
                TestimonyTable.Row row = table.sealedRows().get(0);
                assertThat(row.keyId()).isEqualTo(storage.keys.sealer().keyId());
                try (SecretBytes plain = opener.open(row.sealed(),
                        SealedSubmissions.associatedData(row.id(), row.schemaVersion(), row.keyId()))) {
                    assertThat(TestimonyContent.fromJson(plain).redacted()).containsExactly("q29");
                }
            }
        }
    }
}
