package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.bot.fixtures.FaultyDrafts;
import org.gawahi.bot.fixtures.TestimonyDriver;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.gawahi.storage.updates.UpdateOffsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submission that fails halfway, driven through the real engine inside an outer transaction,
 * as the Telegram adapter runs a batch ({@code db.run(...)} around the engine, the offset
 * committed with it): the outer transaction must not commit half a submission.
 */
class SubmissionInsideATransactionTest {
    private static final ChatRef HER = ChatRef.of(5_551_234_567L);
    private static final String SUBMIT = "r:review:submit";

    @TempDir
    static Path folder;
    static Questionnaire questionnaire;

    @TempDir
    Path data;
    private final Clock clock = Clock.systemUTC();
    private TestStorage storage;
    private FaultyDrafts drafts;
    private SealedSubmissions submissions;
    private Interview interview;
    private TestimonyTable table;
    private UpdateOffsets offsets;

    @BeforeAll
    static void loadQuestionnaire() {
        questionnaire = RaidQuestionnaire.load(folder);
    }

    @BeforeEach
    void open() throws Exception {
        storage = TestStorage.create(data, clock);
        drafts = new FaultyDrafts(storage.drafts);
        submissions = new SealedSubmissions(storage.db, storage.keys.sealer(), storage.pseudonyms, drafts,
                TestStorage.RANDOM, clock);
        interview = new Interview(questionnaire, drafts, submissions, clock);
        table = new TestimonyTable(storage.db);
        offsets = new UpdateOffsets(storage.db);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    /** Answers everything, up to the review screen with its send button. */
    private void answerUpToTheReview() {
        TestimonyDriver driver = new TestimonyDriver(questionnaire, "they came at night");
        Screen screen = interview.handle(HER, "en", new Input.Start()).screen();
        for (int step = 0; screen.buttons().stream().noneMatch(b -> b.id().equals(SUBMIT)); step++) {
            assertThat(step).as("steps to the review").isLessThan(500);
            screen = interview.handle(HER, "en", driver.next(screen)).screen();
        }
    }

    /** One update of a batch: the engine and the offset in one outer transaction. */
    private Screen pressInsideABatch(long updateId, String data) {
        return storage.db.inTransaction(c -> {
            Screen screen = interview.handle(HER, "en", new Input.Press(data)).screen();
            offsets.commit(updateId);
            return screen;
        });
    }

    private byte[] draftBytes() {
        try (SecretBytes draft = storage.drafts.load(HER).orElseThrow()) {
            return draft.bytes().clone();
        }
    }

    @Test
    void aSubmissionThatFailsInsideABatchStoresNothingKeepsHerDraftAndTheBatchGoesOn() {
        answerUpToTheReview();
        byte[] before = draftBytes();
        drafts.failNextEraseOf(HER);

        Screen failed = pressInsideABatch(1, SUBMIT);

        assertThat(failed.text()).startsWith(questionnaire.texts("en").message("submit_failed"));
        assertThat(failed.receipt()).isEmpty();
        assertThat(offsets.lastCommitted()).as("the batch itself committed").hasValue(1);
        assertThat(table.count()).as("no sealed row").isZero();
        assertThat(Arrays.equals(draftBytes(), before)).as("her draft as it was").isTrue();
    }

    @Test
    void sendingAgainAfterAFailedSubmissionStoresExactlyOneRowWithAWorkingReceipt() {
        answerUpToTheReview();
        drafts.failNextEraseOf(HER);
        pressInsideABatch(1, SUBMIT);

        Screen sent = pressInsideABatch(2, SUBMIT);

        assertThat(sent.ending()).isEqualTo(Screen.Ending.SUBMITTED);
        assertThat(table.count()).isEqualTo(1);
        assertThat(storage.drafts.load(HER)).isEmpty();
        ReceiptCode receipt = ReceiptCode.parse(sent.receipt().orElseThrow()).orElseThrow();
        assertThat(submissions.status(receipt)).contains(TestimonyStatus.PENDING);
        assertThat(submissions.withdraw(receipt)).isTrue();
        assertThat(table.sealedRows()).as("nothing left that her receipt cannot reach").isEmpty();
    }
}
