package org.gawahi.bot.moderation;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A moderator's redaction is marked inside the sealed content: the mark reports need before they quote. */
class RedactionMarkTest {
    private static final String ALICE = ReviewTest.ALICE;

    @TempDir
    Path dir;

    private TestStorage storage;
    private Opener opener;
    private Review review;
    private String id;

    @BeforeEach
    void open() throws Exception {
        storage = TestStorage.create(dir);
        opener = storage.unlock();
        review = StorePorts.review(storage.db, opener, storage.keys.sealer(), Clock.systemUTC(), TestStorage.RANDOM);
        storage.submissions.submit(ChatRef.of(1), new TestimonyContent("raid", 1, "en",
                Map.of("u1", List.of("aggregate", "quote")),
                Map.of("q29", "They came at night, Sunita saw it", "q28", "other words")).toJson(), false);
        id = new TestimonyTable(storage.db).pendingIds().get(0);
    }

    @AfterEach
    void close() {
        opener.close();
        storage.close();
    }

    private TestimonyContent content() throws Exception {
        return review.open(ALICE, id).orElseThrow().content();
    }

    @Test
    void aSubmittedTestimonyHasNothingMarked() throws Exception {
        assertThat(content().redacted()).isEmpty();
    }

    @Test
    void aRedactionMarksItsAnswerAndALaterOneKeepsTheEarlierMark() throws Exception {
        assertThat(review.redact(ALICE, id, "q29", "They came at night")).isEqualTo(Outcome.DONE);
        assertThat(content().redacted()).containsExactly("q29");

        assertThat(review.redact(ALICE, id, "q28", "other")).isEqualTo(Outcome.DONE);
        assertThat(content().redacted()).containsExactlyInAnyOrder("q29", "q28");
        assertThat(content().texts()).containsEntry("q29", "They came at night").containsEntry("q28", "other");
    }

    @Test
    void sendingTheAnswerBackUnchangedClearsItAsItStands() throws Exception {
        assertThat(review.redact(ALICE, id, "q28", "other words")).isEqualTo(Outcome.DONE);

        assertThat(content().texts()).containsEntry("q28", "other words");
        assertThat(content().redacted()).containsExactly("q28");
    }

    @Test
    void aRefusedRedactionMarksNothing() throws Exception {
        assertThat(review.redact(ALICE, id, "q28", "   ")).isEqualTo(Outcome.REDACTION_EMPTY);
        assertThat(review.redact(ALICE, id, "q28", "far longer than the original answer")).isEqualTo(Outcome.REDACTION_TOO_LONG);

        assertThat(content().redacted()).isEmpty();
    }
}
