package org.gawahi.bot.telegram;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gawahi.bot.moderation.ModerationDesk;
import org.gawahi.bot.reports.ReportDesk;
import org.gawahi.bot.reports.ReportFile;
import org.gawahi.bot.reports.ReportFormat;
import org.gawahi.bot.reports.ReportRequest;
import org.gawahi.bot.reports.ReportService;
import org.gawahi.bot.reports.ReportSignature;
import org.gawahi.bot.telegram.emulator.SentFile;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditEntry;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Signer;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.reports.ApprovedTestimonies;
import org.gawahi.storage.reports.DisclosureHistory;
import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.ReportPeriod;
import org.gawahi.storage.reports.SealedStore;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.reports.Testimonies;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.gawahi.storage.roles.Roles;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /report} through the real client and the local Bot API emulator. */
class TelegramReportTest {
    static final Questionnaire RAID = QuestionnaireLoader.loadDefault();
    static final long MEMBER = 7001;
    static final long MODERATOR = 7002;
    static final long STRANGER = 7003;
    static final long SECOND_MEMBER = 7004;

    @TempDir
    Path dir;

    private BotHarness harness;
    private SealedStore store;
    private Database db;
    private Opener opener;
    private Signer signer;
    private AuditLog audit;
    private final Clock clock = Clock.systemUTC();
    private final ReportService service = new ReportService(RAID, SuppressionRules.defaults(), clock);
    private java.util.function.UnaryOperator<org.gawahi.bot.interview.Desk> desks;

    /** 2025-Q1 in Maharashtra: forty approved raids, enough for figures; 2025-Q2 holds three, too few for any. */
    private void approvedTestimonies() throws Exception {
        store = SealedStore.create(Files.createDirectories(dir.resolve("sealed")));
        db = Database.open(store.dataDirectory());
        List<TestimonyContent> contents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            contents.add(Testimonies.content("q1=2025-0" + (1 + i % 3) + " q2=mh q5=" + (i % 4 == 0 ? "day" : "night")));
        }
        for (int i = 0; i < 3; i++) {
            contents.add(Testimonies.content("q1=2025-05 q2=ka q5=night"));
        }
        store.submit(db, contents, LocalDate.of(2025, 7, 1), TestimonyStatus.APPROVED);
        store.submit(db, List.of(Testimonies.content("q1=2025-02 q2=mh q5=night")), LocalDate.of(2025, 7, 2),
                TestimonyStatus.REJECTED);
        opener = store.keys().unlock(SealedStore.PASSPHRASE);
        signer = store.keys().signer(SealedStore.PASSPHRASE);
        audit = new AuditLog(db, clock);
        Roles roles = new Roles(db, new java.security.SecureRandom());
        try (RoleBook book = roles.open(opener)) {
            book.grant(TelegramChats.conversation(MEMBER), Role.COLLECTIVE);
            book.grant(TelegramChats.conversation(SECOND_MEMBER), Role.COLLECTIVE);
            book.grant(TelegramChats.conversation(MODERATOR), Role.MODERATOR);
            roles.save(book, store.keys().sealer(), opener);
        }
        startBot(Optional.of(new ReportDesk.Unlocked(service, StorePorts.reports(db), roles, opener, store.keys().sealer(), Optional.of(signer),
                audit)));
    }

    private void startBot(Optional<ReportDesk.Unlocked> unlocked) throws Exception {
        harness = BotHarness.withoutBot(Files.createDirectories(dir.resolve("bot")));
        // The composition the application runs, so a slip in its wiring fails here too.
        desks = interview -> new ReportDesk(new ModerationDesk(interview, RAID, Optional.empty()), RAID, unlocked, clock);
        harness.startBot(desks);
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        if (signer != null) {
            signer.close();
            opener.close();
            db.close();
        }
    }

    private List<AuditAction> actions() {
        return audit.entries(1, 1000).stream().map(AuditEntry::action).toList();
    }

    private static String text(SentFile file) {
        return new String(file.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aCollectiveMemberGetsTheSignedCsvChartAndPdfAsProtectedDocuments() throws Exception {
        approvedTestimonies();
        Person member = new Person(harness, MEMBER, "Meena", "meena_collective", "en");

        member.types("/report 2025-Q1");

        List<SentFile> documents = harness.emulator.documents(member.chatId());
        assertThat(documents).extracting(SentFile::fileName).containsExactly(
                "gawahi-report-2025-Q1_2025-Q1.csv", "gawahi-report-2025-Q1_2025-Q1.csv.sig",
                "gawahi-report-2025-Q1_2025-Q1-overview.png", "gawahi-report-2025-Q1_2025-Q1-overview.png.sig",
                "gawahi-report-2025-Q1_2025-Q1.pdf", "gawahi-report-2025-Q1_2025-Q1.pdf.sig");
        assertThat(documents).allMatch(SentFile::protectContent);
        assertThat(member.chat().texts()).anyMatch(t -> t.startsWith("Preparing the report for 2025-Q1"));
        assertThat(member.screen().text()).contains("signed with key " + signer.keyId())
                .contains(ReportSignature.fingerprint(signer.publicKey()));
        for (int i = 0; i < documents.size(); i += 2) {
            ReportSignature.Parsed parsed = ReportSignature.parse(documents.get(i + 1).bytes()).orElseThrow();
            assertThat(ReportSignature.matches(parsed, documents.get(i).bytes())).as(documents.get(i).fileName()).isTrue();
            assertThat(parsed.publicKey()).isEqualTo(signer.publicKey());
        }
        assertThat(documents.get(2).bytes()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(documents.get(4).bytes()).startsWith('%', 'P', 'D', 'F');
        assertThat(actions()).containsExactly(AuditAction.REPORT);

        // The same report made directly (the audit head now includes the request): the same CSV, figure for figure.
        ReportPeriod period = ReportPeriod.parse("2025-Q1", "2025-Q1", ReportPeriod.Granularity.QUARTER,
                LocalDate.now(clock));
        Report direct = service.build(StorePorts.reports(db), opener, ReportRequest.of(period), ApprovedTestimonies.Progress.none());
        List<ReportFile> csv = service.export(direct, ReportFormat.CSV, "en", signer);
        assertThat(text(documents.get(0))).isEqualTo(new String(csv.get(0).content(), StandardCharsets.UTF_8))
                .contains("raids_reported").contains("# testimonies: 40");
    }

    /**
     * Telegram's /report had no --previous: a report sent in the chat is now recorded, sealed, in
     * the disclosure history before its files go, and when a row of that history does not open
     * the next report is refused in one sentence with no file.
     */
    @Test
    void aChatReportIsRecordedInTheHistoryAndADamagedHistoryRefusesTheNext() throws Exception {
        approvedTestimonies();
        Person member = new Person(harness, MEMBER, "Meena", "meena_collective", "en");

        member.types("/report 2025-Q1");
        assertThat(harness.emulator.documents(member.chatId())).hasSize(6);
        DisclosureHistory.History history = new DisclosureHistory(db, new java.security.SecureRandom()).read(opener);
        assertThat(history.publications()).isEqualTo(1);
        assertThat(history.cells("night_raids/counts")).isNotEmpty();

        db.run(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("UPDATE disclosure_history SET sealed = zeroblob(length(sealed))");
            }
        });
        member.types("/report 2025-Q1");

        assertThat(member.screen().text()).isEqualTo("The report was not made: part of the record of what was "
                + "published before cannot be read, and nothing is published unchecked. Tell an operator.");
        assertThat(harness.emulator.documents(member.chatId())).hasSize(6);
    }

    @Test
    void theReportIsInTheMembersLanguageWhenItHasOne() throws Exception {
        approvedTestimonies();
        Person member = new Person(harness, MEMBER, "Meena", "meena_collective", "hi");

        member.types("/report 2025-01 2025-03");

        assertThat(harness.emulator.documents(member.chatId())).extracting(SentFile::fileName)
                .contains("gawahi-report-2025-01_2025-03-hi.csv", "gawahi-report-2025-01_2025-03-hi.pdf");
    }

    @Test
    void aStrangersReportGetsTheRespondentFlowAndIsAudited() throws Exception {
        approvedTestimonies();
        Person stranger = new Person(harness, STRANGER, "Someone", "someone", "en");
        Person control = new Person(harness, STRANGER + 1, "Other", "other", "en");

        stranger.types("/report 2025-Q1");
        control.types("/nosuchcommand 2025-Q1");

        assertThat(stranger.screen().text()).isEqualTo(control.screen().text()).doesNotContain("report");
        assertThat(harness.emulator.documents(stranger.chatId())).isEmpty();
        assertThat(actions()).containsExactly(AuditAction.ACCESS_REFUSED);
    }

    @Test
    void aModeratorWithoutTheCollectiveRoleIsRefused() throws Exception {
        approvedTestimonies();
        Person moderator = new Person(harness, MODERATOR, "Rani", "rani_mod", "en");

        moderator.types("/report 2025-Q1");

        assertThat(moderator.screen().text()).doesNotContain("Preparing");
        assertThat(harness.emulator.documents(moderator.chatId())).isEmpty();
        assertThat(actions()).containsExactly(AuditAction.ACCESS_REFUSED);
    }

    @Test
    void futureEmptyAndGarbledPeriodsGetAClearAnswerAndNoReport() throws Exception {
        approvedTestimonies();
        Person member = new Person(harness, MEMBER, "Meena", "meena_collective", "en");

        member.types("/report 2099-Q1");
        assertThat(member.screen().text()).startsWith("That period is in the future;").contains("/report 2026-Q3");
        for (String nonsense : List.of("2025-Q3 2025-Q1", "last spring", "2025-Q1 2025-Q2 2025-Q3", "0000-01",
                "0000-Q1 2025-Q1")) {
            member.types("/report " + nonsense);
            assertThat(member.screen().text()).as(nonsense).startsWith("That is not a period Gawahi can report");
        }

        assertThat(harness.emulator.documents(member.chatId())).isEmpty();
        assertThat(actions()).isEmpty();
    }

    /**
     * The finding: the chat took the unfinished month and quarter, whose figures change
     * with every approval. Each is refused in one sentence, in the member's language, with no file
     * and nothing recorded as a report.
     */
    @Test
    void periodsNotOverYetAreRefusedInOneSentenceWithNoFile() throws Exception {
        approvedTestimonies();
        Person member = new Person(harness, MEMBER, "Meena", "meena_collective", "en");
        YearMonth now = YearMonth.now(clock);
        String quarter = now.getYear() + "-Q" + ((now.getMonthValue() - 1) / 3 + 1);

        for (String unfinished : List.of(now.toString(), quarter, now.getYear() + "-Q1 " + quarter,
                now.minusMonths(1) + " " + now)) {
            member.types("/report " + unfinished);
            assertThat(member.screen().text()).as(unfinished)
                    .isEqualTo("That period is not over yet; ask for it once it has ended.");
        }
        Person hindi = new Person(harness, MEMBER, "Meena", "meena_collective", "hi");
        hindi.types("/report " + quarter);
        assertThat(hindi.screen().text()).isEqualTo("वह अवधि अभी पूरी नहीं हुई है; उसके ख़त्म होने के बाद माँगें।");

        assertThat(harness.emulator.documents(member.chatId())).isEmpty();
        assertThat(actions()).isEmpty();
    }

    @Test
    void aPeriodWithNothingPublishableSaysSoAndSendsNoFile() throws Exception {
        approvedTestimonies();
        Person member = new Person(harness, MEMBER, "Meena", "meena_collective", "en");

        member.types("/report 2025-Q2");

        assertThat(member.screen().text()).startsWith("Nothing can be published for this period");
        assertThat(harness.emulator.documents(member.chatId())).isEmpty();
        assertThat(actions()).containsExactly(AuditAction.REPORT);
    }

    /**
     * Two members' requests in one batch, worked on at the same time: each report is made for the
     * member who asked, with her period, and reaches her chat alone.
     */
    @Test
    void twoMembersAskingInOneBatchEachGetOnlyTheirOwnReport() throws Exception {
        approvedTestimonies();
        Person member = new Person(harness, MEMBER, "Meena", "meena_collective", "en");
        Person second = new Person(harness, SECOND_MEMBER, "Sunita", "sunita_collective", "en");
        member.types("/start");
        second.types("/start");
        harness.stopBot();

        harness.emulator.sendText(member.user, "/report 2025-Q1");
        harness.emulator.sendText(second.user, "/report 2025-Q2");
        harness.startBot(desks);
        harness.settle();

        assertThat(harness.emulator.documents(member.chatId())).extracting(SentFile::fileName)
                .contains("gawahi-report-2025-Q1_2025-Q1.csv", "gawahi-report-2025-Q1_2025-Q1.pdf")
                .allMatch(name -> name.startsWith("gawahi-report-2025-Q1_2025-Q1"));
        assertThat(harness.emulator.documents(second.chatId())).isEmpty();
        assertThat(second.chat().texts()).anyMatch(t -> t.startsWith("Nothing can be published for this period"));
        assertThat(member.chat().texts()).noneMatch(t -> t.startsWith("Nothing can be published for this period"));
        assertThat(actions()).containsExactly(AuditAction.REPORT, AuditAction.REPORT);
    }

    @Test
    void intakeOnlyModeAnswersReportAsAnUnknownCommandSoNobodyLearnsTheKeyState() throws Exception {
        startBot(Optional.empty());
        Person member = new Person(harness, MEMBER, "Meena", "meena_collective", "en");
        Person other = new Person(harness, STRANGER, "Someone", null, "en");

        member.types("/report");
        other.types("/nosuchcommand");

        assertThat(member.screen().text()).isEqualTo(other.screen().text());
        assertThat(member.screen().buttons()).isEqualTo(other.screen().buttons());
        assertThat(harness.emulator.documents(member.chatId())).isEmpty();
    }
}
