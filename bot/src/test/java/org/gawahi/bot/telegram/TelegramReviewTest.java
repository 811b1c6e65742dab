package org.gawahi.bot.telegram;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.bot.moderation.ModerationDesk;
import org.gawahi.bot.moderation.Review;
import org.gawahi.bot.moderation.UrgentArrivals;
import org.gawahi.bot.reports.ReportDesk;
import org.gawahi.bot.wiring.Desks;
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

    @TempDir
    Path dir;

    private BotHarness harness;
    private TestStorage storage;
    private Opener opener;
    private AuditLog audit;
    private Person moderator;
    private Person stranger;
    private final UrgentArrivals arrivals = new UrgentArrivals();

    @BeforeEach
    void start() throws Exception {
        storage = TestStorage.create(dir.resolve("sealed"));
        opener = storage.unlock();
        Roles roles = new Roles(storage.db, TestStorage.RANDOM);
        try (RoleBook book = roles.open(opener)) {
            book.grant(9001, Role.MODERATOR);
            roles.save(book, storage.keys.sealer(), opener);
        }
        audit = new AuditLog(storage.db, Clock.systemUTC());
        storage.submissions.submit(ChatRef.of(55), new TestimonyContent("raid", 1, "en",
                Map.of("q24", List.of("not_returned")), Map.of("q29", "He said " + CANARY + " and left")).toJson(), true);
        Review review = StorePorts.review(storage.db, opener, storage.keys.sealer(), Clock.systemUTC(), TestStorage.RANDOM);
        harness = BotHarness.withoutBot(java.nio.file.Files.createDirectories(dir.resolve("bot")));
        harness.startBot(interview -> {
            ModerationDesk desk = new ModerationDesk(interview::handle, BotHarness.questionnaire(),
                    Optional.of(new ModerationDesk.Unlocked(review, roles, opener, audit)), LIFETIME, arrivals);
            // The composition the application runs, so a slip in its wiring fails here too.
            return Desks.engine(new ReportDesk(desk::handle, BotHarness.questionnaire(), Optional.empty(),
                    Clock.systemUTC()), desk);
        });
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
    void moderatorIsToldOfAnUrgentArrivalWithoutContent() throws Exception {
        arrivals.watching(storage.submissions).submit(ChatRef.of(56), new TestimonyContent("raid", 1, "en",
                Map.of("q15a", List.of("still_there")), Map.of("q29", CANARY)).toJson(), true);
        stranger.types("/start"); // the next update carries the notice out, after its commit
        Eventually.holds(() -> moderator.chat().botMessages().stream()
                .anyMatch(m -> m.text().equals("An urgent testimony has arrived. Send /queue.")));
        assertThat(moderator.chat().texts()).noneMatch(t -> t.contains(CANARY));
    }

    @Test
    void reviewMessagesAreDeletedAfterTheConfiguredTime() throws Exception {
        moderator.types("/next");
        assertThat(moderator.chat().botMessages()).isNotEmpty();
        Eventually.holds(() -> moderator.chat().botMessages().isEmpty()
                && moderator.chat().messages().stream().noneMatch(m -> !m.fromBot()));
    }
}
