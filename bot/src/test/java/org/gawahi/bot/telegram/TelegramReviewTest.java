package org.gawahi.bot.telegram;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.gawahi.bot.interview.Desk;
import org.gawahi.bot.interview.Reply;
import org.gawahi.bot.moderation.ModerationDesk;
import org.gawahi.bot.moderation.Review;
import org.gawahi.bot.reports.ReportDesk;
import org.gawahi.storage.LeakScan;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditEntry;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.gawahi.storage.roles.Roles;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review through the real client and the local Bot API emulator. */
class TelegramReviewTest {
    static final Duration LIFETIME = Duration.ofSeconds(2);
    static final String CANARY = "CANARY-5e1d-officer-mobile";
    static final String URGENT_NOTICE = "An urgent testimony has arrived. Send /queue.";

    @TempDir
    Path dir;

    private BotHarness harness;
    private TestStorage storage;
    private Opener opener;
    private AuditLog audit;
    private Person moderator;
    private Person stranger;
    /** The desks the application runs, in front of the harness's interview. */
    private UnaryOperator<Desk> desks;

    @BeforeEach
    void start() throws Exception {
        storage = TestStorage.create(dir.resolve("sealed"));
        opener = storage.unlock();
        Roles roles = new Roles(storage.db, TestStorage.RANDOM);
        try (RoleBook book = roles.open(opener)) {
            book.grant(TelegramChats.conversation(9001), Role.MODERATOR);
            roles.save(book, storage.keys.sealer(), opener);
        }
        audit = new AuditLog(storage.db, Clock.systemUTC());
        storage.submissions.submit(ChatRef.of(55), new TestimonyContent("raid", 1, "en",
                Map.of("q24", List.of("not_returned")), Map.of("q29", "He said " + CANARY + " and left")).toJson(), true);
        Review review = StorePorts.review(storage.db, opener, storage.keys.sealer(), Clock.systemUTC(), TestStorage.RANDOM);
        harness = BotHarness.withoutBot(java.nio.file.Files.createDirectories(dir.resolve("bot")));
        desks = interview -> {
            ModerationDesk desk = new ModerationDesk(interview, BotHarness.questionnaire(),
                    Optional.of(new ModerationDesk.Unlocked(review, roles, opener, audit)), LIFETIME);
            // The composition the application runs, so a slip in its wiring fails here too.
            return new ReportDesk(desk, BotHarness.questionnaire(), Optional.empty(), Clock.systemUTC());
        };
        harness.startBot(desks);
        moderator = new Person(harness, 9001, "Rani", "rani_mod", "en");
        stranger = new Person(harness, 9002, "Someone", "someone", "en");
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        opener.close();
        storage.close();
    }

    private List<AuditAction> actions() {
        return audit.entries(1, 1000).stream().map(AuditEntry::action).toList();
    }

    @Test
    void moderatorReviewsRedactsLinksAndApprovesInTheChat() throws Exception {
        moderator.types("/queue");
        assertThat(moderator.screen().text()).startsWith("Urgent, waiting: 1");
        moderator.presses("v:n");
        assertThat(moderator.screen().text()).contains("URGENT").contains(CANARY);
        assertThat(moderator.screen().protectContent()).isTrue();

        moderator.presses("v:e:");
        moderator.presses("v:eq:0:");
        moderator.types("He said something and left");
        assertThat(moderator.screen().text()).startsWith("Done.").doesNotContain(CANARY);

        moderator.presses("v:l:");
        moderator.presses("v:ln:");
        assertThat(moderator.screen().text()).startsWith("Done.").contains("event ");

        moderator.presses("v:a:");
        assertThat(moderator.screen().text()).contains("Done.").contains("Nothing is waiting for review.");

        String id = new TestimonyTable(storage.db).approvedRows().get(0).id();
        assertThat(new TestimonyTable(storage.db).eventOf(id)).isPresent();
        assertThat(actions()).contains(AuditAction.TESTIMONY_REDACTED, AuditAction.EVENT_CREATED,
                AuditAction.EVENT_LINKED, AuditAction.TESTIMONY_APPROVED);
        assertThat(audit.verify().ok()).isTrue();
        assertThat(new LeakScan().text("canary", CANARY).findIn(LeakScan.filesUnder(dir))).isEmpty();
    }

    @Test
    void strangersNextIsRefusedAndAudited() throws Exception {
        stranger.types("/next");
        assertThat(stranger.screen().text()).doesNotContain("Testimony").doesNotContain(CANARY);
        assertThat(stranger.data()).noneMatch(d -> d.startsWith("m:") || d.startsWith("v:") || d.startsWith("c:"));
        assertThat(actions()).containsExactly(AuditAction.ACCESS_REFUSED);
        assertThat(new TestimonyTable(storage.db).countByStatus()).containsOnlyKeys(TestimonyStatus.PENDING);
    }

    @Test
    void moderatorIsToldOfAnUrgentArrivalWithoutContentOnceItIsStored() throws Exception {
        Person her = new Person(harness, 9010, "Her", "her_r", "en");
        Testimony.upToTheReview(her, CANARY, Testimony.urgentAnswers(BotHarness.questionnaire()));
        harness.settle();
        assertThat(urgentNotices()).isZero();

        her.presses("r:review:submit");
        harness.settle();

        assertThat(harness.openTestimonies()).singleElement().satisfies(t -> assertThat(t.urgent()).isTrue());
        assertThat(urgentNotices()).isEqualTo(1);
        assertThat(moderator.chat().texts()).noneMatch(t -> t.contains(CANARY));
        assertThat(stranger.chat().texts()).noneMatch(t -> t.equals(URGENT_NOTICE));
    }

    /**
     * Her urgent submission runs inside a batch whose other chat fails: the batch is rolled back
     * (the testimony with it), its replies thrown away, then each update is applied alone. Had the
     * rolled-back reply's notice gone out, the moderator would hear of two arrivals for one row.
     */
    @Test
    void anUrgentSubmissionInARolledBackBatchTellsNobodyAndIsToldOnceWhenItCommits() throws Exception {
        Person her = new Person(harness, 9011, "Her", "her_b", "en");
        Testimony.upToTheReview(her, "rolled back once", Testimony.urgentAnswers(BotHarness.questionnaire()));
        harness.settle();
        harness.stopBot();
        Person other = new Person(harness, 9012, "Other", "other_b", "en");
        harness.emulator.pressButton(her.user, her.screen().id(), "r:review:submit");
        harness.emulator.sendText(other.user, "/start");
        CountDownLatch herSubmitDone = new CountDownLatch(1);
        AtomicInteger herSubmits = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        harness.startBot(interview -> {
            Desk front = desks.apply(interview);
            return (chat, language, input) -> {
                if (TelegramChats.id(chat) == other.chatId() && failures.getAndIncrement() == 0) {
                    // Fail the batch only once her submission (and its notice) is in it.
                    awaitQuietly(herSubmitDone);
                    throw new IllegalStateException("the other chat fails once");
                }
                Reply reply = front.handle(chat, language, input);
                if (TelegramChats.id(chat) == her.chatId()) {
                    herSubmits.incrementAndGet();
                    herSubmitDone.countDown();
                }
                return reply;
            };
        });
        harness.settle();

        assertThat(herSubmits.get()).as("in the rolled-back batch, then alone").isEqualTo(2);
        assertThat(failures.get()).isEqualTo(2);
        assertThat(harness.openTestimonies()).singleElement().satisfies(t -> assertThat(t.urgent()).isTrue());
        assertThat(urgentNotices()).isEqualTo(1);
        assertThat(her.data()).as("her receipt").contains(Presenter.CLEAR_DATA);
    }

    private long urgentNotices() {
        return moderator.chat().botMessages().stream().filter(m -> m.text().equals(URGENT_NOTICE)).count();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(BotHarness.WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("her submission never ran in the batch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void reviewMessagesAreDeletedAfterTheConfiguredTime() throws Exception {
        moderator.types("/next");
        assertThat(moderator.chat().botMessages()).isNotEmpty();
        Eventually.holds(() -> moderator.chat().botMessages().isEmpty()
                && moderator.chat().messages().stream().noneMatch(m -> !m.fromBot()));
    }
}
