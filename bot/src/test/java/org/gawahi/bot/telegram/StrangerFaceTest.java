package org.gawahi.bot.telegram;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gawahi.bot.moderation.ModerationDesk;
import org.gawahi.bot.moderation.Review;
import org.gawahi.bot.reports.ReportDesk;
import org.gawahi.bot.reports.ReportService;
import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Signer;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.reports.SealedStore;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.reports.Testimonies;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.gawahi.storage.roles.Roles;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a stranger (no role) sees of review and reports, through the emulator: her whole
 * repertoire of desk commands, desk buttons and forged desk data, answered byte for byte the
 * same by a server that is intake-only and by one that is unlocked, with testimonies waiting,
 * approved ones to report on, a moderator and a collective member. Police probing the bot
 * learn neither whether the private key is in memory nor that review and reports exist.
 */
class StrangerFaceTest {
    static final Questionnaire RAID = QuestionnaireLoader.loadDefault();
    static final long MODERATOR = 8101;
    static final long MEMBER = 8102;
    static final long STRANGER = 8103;
    static final String SOME_ID = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private AuditLog audit;

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** A server with review and reports in use; its desks unlocked or not. */
    private BotHarness server(String name, boolean unlocked) throws Exception {
        SealedStore store = SealedStore.create(Files.createDirectories(dir.resolve(name).resolve("sealed")));
        Database db = Database.open(store.dataDirectory());
        open.add(db);
        store.submit(db, List.of(Testimonies.content("q1=2025-02 q2=mh q5=night")), LocalDate.of(2025, 7, 1),
                TestimonyStatus.PENDING);
        List<org.gawahi.storage.testimony.TestimonyContent> approved = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            approved.add(Testimonies.content("q1=2025-0" + (1 + i % 3) + " q2=mh q5=night"));
        }
        store.submit(db, approved, LocalDate.of(2025, 7, 1), TestimonyStatus.APPROVED);
        Opener opener = store.keys().unlock(SealedStore.PASSPHRASE);
        open.add(opener);
        Signer signer = store.keys().signer(SealedStore.PASSPHRASE);
        open.add(signer);
        Roles roles = new Roles(db, new java.security.SecureRandom());
        try (RoleBook book = roles.open(opener)) {
            book.grant(TelegramChats.conversation(MODERATOR), Role.MODERATOR);
            book.grant(TelegramChats.conversation(MEMBER), Role.COLLECTIVE);
            roles.save(book, store.keys().sealer(), opener);
        }
        audit = new AuditLog(db, clock);
        Review review = StorePorts.review(db, opener, store.keys().sealer(), clock, new java.security.SecureRandom());
        org.gawahi.storage.crypto.Sealer sealer = store.keys().sealer();
        BotHarness harness = BotHarness.withoutBot(Files.createDirectories(dir.resolve(name).resolve("bot")));
        open.add(harness);
        harness.startBot(interview -> {
            ModerationDesk desk = new ModerationDesk(interview::handle, RAID,
                    unlocked ? Optional.of(new ModerationDesk.Unlocked(review, roles, opener, audit)) : Optional.empty());
            ReportDesk reports = new ReportDesk(desk::handle, RAID, unlocked ? Optional.of(new ReportDesk.Unlocked(
                    new ReportService(RAID, SuppressionRules.defaults(), clock), StorePorts.reports(db), roles, opener, sealer, Optional.of(signer),
                    audit)) : Optional.empty(), clock);
            return reports;
        });
        return harness;
    }

    /** Everything the stranger's chat shows after each step of her probing. */
    private List<String> probe(BotHarness harness) throws Exception {
        Person stranger = new Person(harness, STRANGER, "Someone", "someone", "en");
        List<String> seen = new ArrayList<>();
        List<String> typed = List.of("/start", "/queue", "/next", "/report", "/report 2025-Q1",
                "/report 2025-Q1 2025-Q2", "/brief", "/queue now", "hello");
        for (String text : typed) {
            stranger.types(text);
            seen.add(text + " -> " + shown(stranger));
        }
        List<String> pressed = List.of("m:n", "m:q", "m:a:" + SOME_ID, "m:r:" + SOME_ID, "m:e:" + SOME_ID,
                "m:eq:0:" + SOME_ID, "m:l:" + SOME_ID, "m:u:" + SOME_ID, "m:c:" + SOME_ID, "m:", "m:x:y:z",
                "r:2025-Q1", "m:q1:99", "v:n", "v:a:" + SOME_ID, "v:", "c:c:" + SOME_ID, "c:xx:" + SOME_ID, "t:x",
                "z:clear:now", "w:withdraw:yes");
        for (String data : pressed) {
            stranger.pressesData(stranger.screen().id(), data);
            seen.add(data + " -> " + shown(stranger));
        }
        stranger.types("He took my phone");
        seen.add("text after buttons -> " + shown(stranger));
        seen.add("documents: " + harness.emulator.documents(stranger.chatId()).size());
        seen.add("callback answers: " + harness.emulator.answeredCallbacks().stream()
                .filter(a -> a.userId() == STRANGER).map(a -> a.text() + "/" + a.showAlert()).toList());
        return seen;
    }

    private static String shown(Person person) {
        return person.chat().botMessages().stream().map(StrangerFaceTest::render).toList().toString();
    }

    private static String render(ChatMessage m) {
        return m.id() + ":" + m.kind() + ":" + m.text() + m.caption() + m.keyboard();
    }

    @Test
    void aStrangersWholeDeskRepertoireIsAnsweredTheSameIntakeOnlyAndUnlocked() throws Exception {
        List<String> intakeOnly = probe(server("intake-only", false));
        List<String> unlocked = probe(server("unlocked", true));

        assertThat(unlocked).containsExactlyElementsOf(intakeOnly);
        assertThat(String.join("\n", unlocked)).doesNotContainIgnoringCase("locked")
                .doesNotContainIgnoringCase("review").doesNotContain("Reports are not available")
                .doesNotContain("role table");
    }

    @Test
    void aFloodOfRefusedPressesAddsOneAuditEntry() throws Exception {
        BotHarness harness = server("flood", true);
        Person stranger = new Person(harness, STRANGER, "Someone", null, "en");
        stranger.types("/start");
        int on = stranger.screen().id();

        for (int i = 0; i < 1_000; i++) {
            harness.emulator.pressButton(stranger.user, on, i % 2 == 0 ? "m:n" : "m:a:" + SOME_ID);
        }
        stranger.types("/queue");
        harness.settle();

        assertThat(audit.head().seq()).isEqualTo(1);
        assertThat(audit.entries(1, 1).get(0).action()).isEqualTo(org.gawahi.storage.audit.AuditAction.ACCESS_REFUSED);
    }

    @Test
    void theProbeCanTellAModeratorFromAStranger() throws Exception {
        // The same probe, run as the moderator: the answers differ, so the comparison above can fail.
        BotHarness harness = server("moderator", true);
        Person moderator = new Person(harness, MODERATOR, "Rani", null, "en");
        Person stranger = new Person(harness, STRANGER, "Someone", null, "en");

        moderator.types("/queue");
        stranger.types("/queue");

        assertThat(moderator.screen().text()).isNotEqualTo(stranger.screen().text());
    }
}
