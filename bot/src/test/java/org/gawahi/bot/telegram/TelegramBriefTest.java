package org.gawahi.bot.telegram;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.gawahi.bot.brief.BriefDesk;
import org.gawahi.bot.brief.BriefService;
import org.gawahi.bot.brief.RaidOnRecord;
import org.gawahi.bot.moderation.ModerationDesk;
import org.gawahi.bot.reports.ReportDesk;
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
import org.gawahi.storage.reports.DisclosureHistory;
import org.gawahi.storage.reports.SealedStore;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.gawahi.storage.roles.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /brief} through the real client and the local Bot API emulator, on raids a moderator linked in review. */
class TelegramBriefTest {
    static final Questionnaire RAID = QuestionnaireLoader.loadDefault();
    static final long MEMBER = 8001;
    static final long MODERATOR = 8002;
    static final long STRANGER = 8003;

    @TempDir
    Path dir;

    private BotHarness harness;
    private Database db;
    private Opener opener;
    private Signer signer;
    private AuditLog audit;
    private String raid;
    private String smallRaid;
    private String thisMonthsRaid;
    private int auditedBefore;

    @BeforeEach
    void raidsOnRecordAndABot() throws Exception {
        RaidOnRecord record = RaidOnRecord.create(Files.createDirectories(dir.resolve("data")));
        raid = record.raid(RaidOnRecord.budhwarPeth(12));
        smallRaid = record.raid(RaidOnRecord.budhwarPeth(3));
        thisMonthsRaid = record.raid(RaidOnRecord.budhwarPeth(12, YearMonth.now(ZoneOffset.UTC)));
        SealedStore store = record.store;
        Clock clock = Clock.systemUTC();
        db = Database.open(store.dataDirectory());
        opener = store.keys().unlock(SealedStore.PASSPHRASE);
        signer = store.keys().signer(SealedStore.PASSPHRASE);
        audit = new AuditLog(db, clock);
        Roles roles = new Roles(db, new java.security.SecureRandom());
        try (RoleBook book = roles.open(opener)) {
            book.grant(TelegramChats.conversation(MEMBER), Role.COLLECTIVE);
            book.grant(TelegramChats.conversation(MODERATOR), Role.MODERATOR);
            roles.save(book, store.keys().sealer(), opener);
        }
        auditedBefore = audit.entries(1, 1000).size();
        var unlocked = Optional.of(new BriefDesk.Unlocked(new BriefService(RAID, SuppressionRules.defaults(), clock),
                StorePorts.reports(db), roles, opener, store.keys().sealer(), Optional.of(signer), audit));
        harness = BotHarness.withoutBot(Files.createDirectories(dir.resolve("bot")));
        harness.startBot(interview -> {
            ModerationDesk review = new ModerationDesk(interview::handle, RAID, Optional.empty());
            ReportDesk reports = new ReportDesk(review::handle, RAID, Optional.empty(), clock);
            // The composition the application runs, so a slip in its wiring fails here too.
            return new BriefDesk(reports, RAID, unlocked);
        });
    }

    @AfterEach
    void stop() {
        harness.close();
        signer.close();
        opener.close();
        db.close();
    }

    private List<AuditAction> newActions() {
        List<AuditEntry> all = audit.entries(1, 1000);
        return all.subList(auditedBefore, all.size()).stream().map(AuditEntry::action).toList();
    }

    @Test
    void aMemberChoosesARaidALanguageAndABodyAndGetsTheSignedBriefAndLetter() throws Exception {
        Person member = new Person(harness, MEMBER, "Meena", "meena_collective", "en");

        member.types("/brief");
        assertThat(member.screen().text()).isEqualTo("Which raid? Month, place and how many testimonies:");
        assertThat(member.screen().buttons()).extracting(b -> b.label())
                .contains("February 2026 · Maharashtra · 10 to 19", "February 2026 · Maharashtra · fewer than 5");
        member.presses("b:e:" + raid);
        assertThat(member.data()).containsExactly("b:l:" + raid + ":en", "b:l:" + raid + ":hi", "b:l:" + raid + ":mr");
        member.presses("b:l:" + raid + ":mr");
        assertThat(member.screen().buttons()).extracting(b -> b.label()).contains("Brief only", "राज्य महिला आयोग");
        member.presses("b:d:" + raid + ":mr:scw");

        List<SentFile> documents = harness.emulator.documents(member.chatId());
        String base = raid.substring(0, 8) + "-mr";
        assertThat(documents).extracting(SentFile::fileName).containsExactly(
                "gawahi-brief-" + base + ".pdf", "gawahi-brief-" + base + ".pdf.sig",
                "gawahi-brief-" + base + ".docx", "gawahi-brief-" + base + ".docx.sig",
                "gawahi-letter-scw-" + base + ".docx", "gawahi-letter-scw-" + base + ".docx.sig",
                "gawahi-letter-scw-" + base + ".pdf", "gawahi-letter-scw-" + base + ".pdf.sig");
        assertThat(documents).allMatch(SentFile::protectContent);
        for (int i = 0; i < documents.size(); i += 2) {
            var parsed = ReportSignature.parse(documents.get(i + 1).bytes()).orElseThrow();
            assertThat(ReportSignature.matches(parsed, documents.get(i).bytes())).as(documents.get(i).fileName()).isTrue();
        }
        assertThat(member.chat().texts()).anyMatch(t -> t.startsWith("Preparing the brief"));
        assertThat(member.screen().text()).contains("signed with key " + signer.keyId());
        assertThat(newActions()).containsExactly(AuditAction.REPORT);
    }

    @Test
    void aRaidWithTooFewTestimoniesGetsOneSentenceAndNoFile() throws Exception {
        Person member = new Person(harness, MEMBER, "Meena", "meena_collective", "hi");

        member.types("/brief");
        member.presses("b:e:" + smallRaid);
        member.presses("b:l:" + smallRaid + ":en");
        member.presses("b:d:" + smallRaid + ":en:none");

        assertThat(member.screen().text()).isEqualTo("बिना खतरे के छापने के लिए काफ़ी गवाहियाँ नहीं हैं; और गवाहियाँ चाहिए।");
        assertThat(member.chat().texts()).noneMatch(t -> t.contains("3"));
        assertThat(harness.emulator.documents(member.chatId())).isEmpty();
    }

    @Test
    void aRaidWhoseMonthIsNotOverIsRefusedInOneSentenceWithNoFileAndNothingRecorded() throws Exception {
        Person member = new Person(harness, MEMBER, "Meena", "meena_collective", "en");

        member.types("/brief");
        member.presses("b:e:" + thisMonthsRaid);
        member.presses("b:l:" + thisMonthsRaid + ":mr");
        member.presses("b:d:" + thisMonthsRaid + ":mr:scw");

        assertThat(member.screen().text())
                .isEqualTo("The month of this raid is not over yet; ask for its brief once the month has ended.");
        assertThat(harness.emulator.documents(member.chatId())).isEmpty();
        assertThat(new DisclosureHistory(db, new java.security.SecureRandom()).read(opener).publications()).isZero();
    }

    /**
     * The chat's brief is recorded in the disclosure history before its files go; when a row of
     * that history does not open, the next brief is refused in the report's sentence, no file.
     */
    @Test
    void aChatBriefIsRecordedInTheHistoryAndADamagedHistoryRefusesTheNext() throws Exception {
        Person member = new Person(harness, MEMBER, "Meena", "meena_collective", "en");
        member.types("/brief");
        member.presses("b:e:" + raid);
        member.presses("b:l:" + raid + ":en");
        member.presses("b:d:" + raid + ":en:none");
        assertThat(harness.emulator.documents(member.chatId())).hasSize(4);
        DisclosureHistory.History history = new DisclosureHistory(db, new java.security.SecureRandom()).read(opener);
        assertThat(history.publications()).isEqualTo(1);
        assertThat(history.cells("verbal_abuse/counts")).isNotEmpty();

        db.run(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("UPDATE disclosure_history SET sealed = zeroblob(length(sealed))");
            }
        });
        member.types("/brief");
        member.presses("b:e:" + raid);
        member.presses("b:l:" + raid + ":en");
        member.presses("b:d:" + raid + ":en:none");

        assertThat(member.screen().text()).isEqualTo("The report was not made: part of the record of what was "
                + "published before cannot be read, and nothing is published unchecked. Tell an operator.");
        assertThat(harness.emulator.documents(member.chatId())).hasSize(4);
    }

    @Test
    void aStrangerGetsTheRespondentFlowForTheCommandAndForAForgedButton() throws Exception {
        Person stranger = new Person(harness, STRANGER, "Someone", "someone", "en");
        Person control = new Person(harness, STRANGER + 1, "Other", "other", "en");

        stranger.types("/brief");
        control.types("/nosuchcommand");
        assertThat(stranger.screen().text()).isEqualTo(control.screen().text());
        stranger.pressesData(stranger.screen().id(), "b:d:" + raid + ":en:scw");

        assertThat(harness.emulator.documents(stranger.chatId())).isEmpty();
        assertThat(newActions()).as("refused, once per actor within the hour (AuditLog.refused)")
                .containsExactly(AuditAction.ACCESS_REFUSED);
    }

    @Test
    void aModeratorWithoutTheCollectiveRoleIsRefused() throws Exception {
        Person moderator = new Person(harness, MODERATOR, "Rani", "rani_mod", "en");

        moderator.types("/brief");
        moderator.pressesData(moderator.screen().id(), "b:d:" + raid + ":en:none");

        assertThat(moderator.chat().texts()).noneMatch(t -> t.contains("Which raid") || t.contains("Preparing"));
        assertThat(harness.emulator.documents(moderator.chatId())).isEmpty();
        assertThat(newActions()).as("refused, once per actor within the hour (AuditLog.refused)")
                .containsExactly(AuditAction.ACCESS_REFUSED);
    }

    @Test
    void aGarbledPressOfTheDeskIsOutOfDate() throws Exception {
        Person member = new Person(harness, MEMBER, "Meena", "meena_collective", "en");
        member.types("/brief");

        member.pressesData(member.screen().id(), "b:d:" + raid + ":kn:scw");

        assertThat(member.screen().text()).isEqualTo("That button is out of date. Send /brief again.");
        assertThat(harness.emulator.documents(member.chatId())).isEmpty();
        assertThat(newActions()).isEmpty();
    }
}
