package org.gawahi.bot.moderation;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gawahi.bot.fixtures.RaidQuestionnaire;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.LeakScan;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditEntry;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewTest {
    static final String ALICE = "a1".repeat(32);
    static final String BOB = "b2".repeat(32);
    static final String CANARY = "CANARY-7f3a-phone-of-the-landlord";
    static final String ORIGINAL = "They came at night. " + CANARY + " was there.";

    @TempDir
    Path dir;

    private TestStorage storage;
    private Opener opener;
    private Review review;
    private TestimonyTable table;
    private Questionnaire questionnaire;

    @BeforeEach
    void setUp() throws Exception {
        storage = TestStorage.create(dir.resolve("data"));
        opener = storage.unlock();
        review = StorePorts.review(storage.db, opener, storage.keys.sealer(), Clock.systemUTC(), TestStorage.RANDOM);
        table = new TestimonyTable(storage.db);
        questionnaire = RaidQuestionnaire.load(dir.resolve("q"));
    }

    @AfterEach
    void tearDown() {
        opener.close();
        storage.close();
    }

    private ReceiptCode submit(int chat, Map<String, List<String>> answers, String text, boolean urgent) {
        return storage.submissions.submit(ChatRef.of(chat),
                new TestimonyContent("raid", 1, "en", answers, text == null ? Map.of() : Map.of("q29", text)).toJson(),
                urgent);
    }

    private String onlyId() {
        return table.pendingIds().get(0);
    }

    private List<AuditAction> auditActions() {
        return new AuditLog(storage.db, Clock.systemUTC()).entries(1, 1000).stream().map(AuditEntry::action).toList();
    }

    @Test
    void nextOpensUrgentFirstThenOldestAndAuditsTheReading() throws Exception {
        submit(1, Map.of(), "ordinary", false);
        submit(2, Map.of("q24", List.of("not_returned")), "urgent one", true);
        OpenedTestimony first = review.next(ALICE, Set.of()).orElseThrow();
        assertThat(first.urgent()).isTrue();
        assertThat(first.content().texts()).containsEntry("q29", "urgent one");
        OpenedTestimony second = review.next(ALICE, Set.of(first.id())).orElseThrow();
        assertThat(second.content().texts()).containsEntry("q29", "ordinary");
        assertThat(review.next(ALICE, Set.of(first.id(), second.id()))).isEmpty();
        assertThat(auditActions()).containsExactly(AuditAction.TESTIMONY_VIEWED, AuditAction.TESTIMONY_VIEWED);
    }

    @Test
    void queuePutsUrgentFirstThoughNoColumnOnDiskSaysWhichIsUrgent() throws Exception {
        for (int i = 0; i < 6; i++) {
            submit(10 + i, Map.of(), "ordinary " + i, false);
        }
        submit(2, Map.of("q24", List.of("not_returned")), "urgent one", true);
        assertThat(storage.db.strings("SELECT name FROM pragma_table_info('testimonies')")).doesNotContain("urgent");
        assertThat(review.queue().urgentPending()).isEqualTo(1);
        assertThat(review.next(ALICE, Set.of()).orElseThrow().content().texts()).containsEntry("q29", "urgent one");
    }

    @Test
    void queueCountsByStatusUrgentFirstAndReportsOverdue() throws Exception {
        Clock past = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
        try (TestStorage old = TestStorage.create(dir.resolve("old"), past); Opener o = old.unlock()) {
            old.submissions.submit(ChatRef.of(2), new TestimonyContent("raid", 1, "en", Map.of(), Map.of()).toJson());
            String id = new TestimonyTable(old.db).pendingIds().get(0); // the one not urgent
            old.submissions.submit(ChatRef.of(1), new TestimonyContent("raid", 1, "en", Map.of(), Map.of()).toJson(), true);
            Review later = StorePorts.review(old.db, o, old.keys.sealer(),
                    Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC), TestStorage.RANDOM);
            later.approve(ALICE, id);
            QueueCounts counts = later.queue();
            assertThat(counts).isEqualTo(new QueueCounts(1, 1, 1, 1, 0, 0));
            assertThat(counts.describe()).startsWith("Urgent, waiting: 1").contains("Waiting more than 30 days: 1");
        }
    }

    @Test
    void approveAndRejectAreAuditedAndStored() {
        submit(1, Map.of(), "a", false);
        submit(2, Map.of(), "b", false);
        List<String> ids = table.pendingIds();
        assertThat(review.approve(ALICE, ids.get(0))).isEqualTo(Outcome.DONE);
        assertThat(review.reject(ALICE, ids.get(1), RejectReason.DUPLICATE)).isEqualTo(Outcome.DONE);
        assertThat(table.find(ids.get(0)).orElseThrow().status()).isEqualTo(TestimonyStatus.APPROVED);
        assertThat(table.find(ids.get(1)).orElseThrow().status()).isEqualTo(TestimonyStatus.REJECTED);
        assertThat(auditActions()).containsExactly(AuditAction.TESTIMONY_APPROVED, AuditAction.TESTIMONY_REJECTED);
    }

    @Test
    void secondDecisionIsRefusedAndBothTriesAreAudited() {
        submit(1, Map.of(), "a", false);
        String id = onlyId();
        assertThat(review.approve(ALICE, id)).isEqualTo(Outcome.DONE);
        assertThat(review.reject(BOB, id, RejectReason.NOT_A_RAID)).isEqualTo(Outcome.ALREADY_DECIDED);
        assertThat(table.find(id).orElseThrow().status()).isEqualTo(TestimonyStatus.APPROVED);
        List<AuditEntry> entries = new AuditLog(storage.db, Clock.systemUTC()).entries(1, 10);
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly(AuditAction.TESTIMONY_APPROVED, AuditAction.TESTIMONY_DECISION_REFUSED);
        assertThat(entries).extracting(AuditEntry::actor).containsExactly(ALICE, BOB);
    }

    @Test
    void twoModeratorsDecidingAtOnceOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            submit(round, Map.of(), "t" + round, false);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String id : table.pendingIds()) {
                CountDownLatch start = new CountDownLatch(1);
                Future<Outcome> a = pool.submit(() -> {
                    start.await();
                    return review.approve(ALICE, id);
                });
                Future<Outcome> b = pool.submit(() -> {
                    start.await();
                    return review.reject(BOB, id, RejectReason.TOO_LITTLE);
                });
                start.countDown();
                assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(Outcome.DONE, Outcome.ALREADY_DECIDED);
            }
        } finally {
            pool.shutdownNow();
        }
        List<AuditAction> actions = auditActions();
        assertThat(actions).hasSize(40);
        assertThat(actions.stream().filter(a -> a == AuditAction.TESTIMONY_DECISION_REFUSED)).hasSize(20);
        assertThat(new AuditLog(storage.db, Clock.systemUTC()).verify().ok()).isTrue();
    }

    @Test
    void decidingAWithdrawnTestimonyIsRefused() {
        ReceiptCode receipt = submit(1, Map.of(), "a", false);
        String id = onlyId();
        storage.submissions.withdraw(receipt);
        assertThat(review.approve(ALICE, id)).isEqualTo(Outcome.GONE);
        assertThat(auditActions()).containsExactly(AuditAction.TESTIMONY_DECISION_REFUSED);
    }

    @Test
    void redactionReplacesTheTextAndTheOriginalIsGoneFromDisk() throws Exception {
        submit(1, Map.of(), ORIGINAL, false);
        String id = onlyId();
        byte[] oldSealed = table.find(id).orElseThrow().sealed();
        assertThat(review.redact(ALICE, id, "q29", "They came at night. [name removed] was there."))
                .isEqualTo(Outcome.DONE);
        OpenedTestimony after = review.open(ALICE, id).orElseThrow();
        assertThat(after.content().texts().get("q29")).isEqualTo("They came at night. [name removed] was there.");
        assertThat(auditActions()).containsExactly(AuditAction.TESTIMONY_REDACTED, AuditAction.TESTIMONY_VIEWED);
        // And with the keys: no ciphertext of the original is left to open either.
        assertThat(storage.db.pragma("secure_delete")).isEqualTo("1");
        LeakScan scan = new LeakScan().text("canary", CANARY);
        assertThat(scan.findIn(LeakScan.filesUnder(dir.resolve("data")))).isEmpty();
        byte[] oldCiphertext = Arrays.copyOfRange(oldSealed, oldSealed.length - 200, oldSealed.length - 100);
        for (Path file : LeakScan.filesUnder(dir.resolve("data"))) {
            assertThat(LeakScan.indexOf(LeakScan.read(file), oldCiphertext)).as(file.toString()).isEqualTo(-1);
        }
    }

    @Test
    void redactionInsideACallersTransactionCommitsWithIt() throws Exception {
        // As in Telegram, where the review runs inside the batch's transaction.
        submit(1, Map.of(), ORIGINAL, false);
        String id = onlyId();
        Outcome outcome = storage.db.inTransaction(c -> {
            try {
                return review.redact(ALICE, id, "q29", "They came at night.");
            } catch (org.gawahi.storage.crypto.CannotOpenException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(outcome).isEqualTo(Outcome.DONE);
        assertThat(review.open(ALICE, id).orElseThrow().content().texts().get("q29")).isEqualTo("They came at night.");
    }

    @Test
    void redactionLongerThanTheOriginalIsRefused() throws Exception {
        submit(1, Map.of(), "short", false);
        assertThat(review.redact(ALICE, onlyId(), "q29", "much longer than before")).isEqualTo(Outcome.REDACTION_TOO_LONG);
        assertThat(review.open(ALICE, onlyId()).orElseThrow().content().texts().get("q29")).isEqualTo("short");
    }

    @Test
    void emptyRedactionIsRefused() throws Exception {
        submit(1, Map.of(), "short", false);
        assertThat(review.redact(ALICE, onlyId(), "q29", "   ")).isEqualTo(Outcome.REDACTION_EMPTY);
        assertThat(auditActions()).isEmpty();
    }

    @Test
    void redactingAQuestionWithoutFreeTextIsRefused() throws Exception {
        submit(1, Map.of(), "short", false);
        assertThat(review.redact(ALICE, onlyId(), "q1", "x")).isEqualTo(Outcome.NOT_A_TEXT_ANSWER);
    }

    @Test
    void flagUrgentMovesItToTheFrontOnce() throws Exception {
        submit(1, Map.of(), "first", false);
        submit(2, Map.of(), "second", false);
        String second = table.pendingIds().get(1);
        assertThat(review.flagUrgent(ALICE, second)).isEqualTo(Outcome.DONE);
        assertThat(review.flagUrgent(ALICE, second)).isEqualTo(Outcome.DONE);
        assertThat(review.next(ALICE, Set.of()).orElseThrow().id()).isEqualTo(second);
        assertThat(auditActions()).containsExactly(AuditAction.TESTIMONY_FLAGGED_URGENT, AuditAction.TESTIMONY_VIEWED);
    }

    @Test
    void linkToANewOrRecentEvent() {
        submit(1, Map.of(), "a", false);
        submit(2, Map.of(), "b", false);
        List<String> ids = table.pendingIds();
        String event = review.startEvent(ALICE);
        assertThat(review.link(ALICE, ids.get(0), event)).isEqualTo(Outcome.DONE);
        assertThat(review.recentEvents()).extracting(e -> e.id()).containsExactly(event);
        assertThat(review.link(ALICE, ids.get(1), review.recentEvents().get(0).id())).isEqualTo(Outcome.DONE);
        assertThat(review.recentEvents().get(0).testimonies()).isEqualTo(2);
        assertThat(review.link(ALICE, ids.get(1), "ff".repeat(16))).isEqualTo(Outcome.NO_SUCH_EVENT);
        assertThat(auditActions()).containsExactly(AuditAction.EVENT_CREATED, AuditAction.EVENT_LINKED,
                AuditAction.EVENT_LINKED);
    }

    @Test
    void auditVerifiesAfterAReviewSession() throws Exception {
        submit(1, Map.of(), ORIGINAL, false);
        submit(2, Map.of(), "b", false);
        OpenedTestimony t = review.next(ALICE, Set.of()).orElseThrow();
        review.redact(ALICE, t.id(), "q29", "They came at night.");
        review.link(ALICE, t.id(), review.startEvent(ALICE));
        review.approve(ALICE, t.id());
        OpenedTestimony u = review.next(BOB, Set.of()).orElseThrow();
        review.reject(BOB, u.id(), RejectReason.NOT_CREDIBLE);
        assertThat(new AuditLog(storage.db, Clock.systemUTC()).verify().ok()).isTrue();
        assertThat(review.queue()).isEqualTo(new QueueCounts(0, 0, 0, 1, 1, 0));
    }

    @Test
    void rendersQuestionLabelsInTheModeratorsLanguageWithMaskedPartsVisible() throws Exception {
        submit(1, Map.of("q24", List.of("not_returned")), "call me on [#phone]", true);
        OpenedTestimony t = review.next(ALICE, Set.of()).orElseThrow();
        TestimonyRenderer renderer = new TestimonyRenderer(questionnaire);
        String english = renderer.render(t, "en");
        assertThat(english).contains("URGENT").contains("✎ call me on [#phone]")
                .contains(questionnaire.texts("en").shortLabel("q24"))
                .contains(questionnaire.texts("en").optionLabel("q24", "not_returned"));
        if (questionnaire.supports("hi")) {
            assertThat(renderer.render(t, "hi")).contains(questionnaire.texts("hi").shortLabel("q24"));
        }
        assertThat(renderer.textQuestions(t)).containsExactly("q29");
    }

    @Test
    void urgentAnswersAreRecognisedFromTheQuestionnaire() {
        assertThat(questionnaire.isUrgent(Map.of("q24", List.of("not_returned")))).isTrue();
        assertThat(questionnaire.isUrgent(Map.of("q24", List.of("same_day")))).isFalse();
        assertThat(questionnaire.isUrgent(Map.of())).isFalse();
    }

    @Test
    void submissionFlaggedUrgentIsStoredUrgentInsideTheSealedContent() throws Exception {
        submit(1, Map.of(), "x", true);
        try (var plain = opener.open(table.find(onlyId()).orElseThrow().sealed(),
                org.gawahi.storage.testimony.SealedSubmissions.associatedData(onlyId(), 1,
                        table.find(onlyId()).orElseThrow().keyId()))) {
            assertThat(TestimonyContent.fromJson(plain).urgent()).isTrue();
        }
    }
}
