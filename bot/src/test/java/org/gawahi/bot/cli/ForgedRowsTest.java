package org.gawahi.bot.cli;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.reports.ApprovedTestimonies;
import org.gawahi.storage.reports.EventLinks;
import org.gawahi.storage.reports.Testimonies;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyTable;
import org.gawahi.bot.moderation.Outcome;
import org.gawahi.bot.moderation.Review;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adversary of issue 13 holds the data directory, every key file, no passphrase, and
 * plain SQL. Moderators approved some testimonies the real way; then the adversary turns a
 * pending row approved, inserts a testimony sealed to the public key as approved (with a MAC
 * copied from an honest row), deletes an approved row's MAC, marks an approved row withdrawn
 * while keeping its content, and flips a byte in one approved and one pending row. None of
 * these is counted, exported or shown for review; doctor names every one; the honest rows go
 * on as before, through a key rotation too.
 */
class ForgedRowsTest {
    private static final String PASSPHRASE = TestStorage.PASSPHRASE.reveal();
    private static final String MODERATOR = "a1".repeat(32);

    @TempDir
    Path work;

    private Path data;
    private String honest;
    private String macDeleted;
    private String approvedBySql;
    private String damagedApproved;
    private String withdrawnBySql;
    private String damagedPending;
    private String pending;
    private String forged;

    @BeforeEach
    void moderatorsDecideThenTheAdversaryForges() throws Exception {
        data = work.resolve("data");
        assertThat(new Cli(work).passphrase(PASSPHRASE).run("keys", "init").exitCode()).isZero();
        try (TestStorage storage = TestStorage.create(data); Opener opener = storage.unlock()) {
            honest = submit(storage, "HONEST-approved");
            macDeleted = submit(storage, "MAC-DELETED");
            approvedBySql = submit(storage, "APPROVED-BY-SQL");
            damagedApproved = submit(storage, "DAMAGED-approved");
            withdrawnBySql = submit(storage, "WITHDRAWN-BY-SQL");
            damagedPending = submit(storage, "DAMAGED-pending");
            pending = submit(storage, "HONEST-pending");
            Review review = StorePorts.review(storage.db, opener, storage.keys.sealer(), Clock.systemUTC(), TestStorage.RANDOM);
            for (String id : List.of(honest, macDeleted, damagedApproved, withdrawnBySql)) {
                assertThat(review.approve(MODERATOR, id)).isEqualTo(Outcome.DONE);
            }
            forged = "f0".repeat(16);
            byte[] sealed = storage.keys.sealer().seal(content("FORGED-approved").toJson(),
                    SealedSubmissions.associatedData(forged, 1, storage.keys.sealer().keyId()));
            String keyId = storage.keys.sealer().keyId();
            adversary(c -> {
                sql(c, "UPDATE testimonies SET status = 'APPROVED' WHERE id = ?", approvedBySql);
                sql(c, "UPDATE testimonies SET decision = NULL WHERE id = ?", macDeleted);
                sql(c, "UPDATE testimonies SET status = 'WITHDRAWN' WHERE id = ?", withdrawnBySql);
                try (PreparedStatement s = c.prepareStatement("INSERT INTO testimonies (id, key_id, schema_version, "
                        + "sealed, status, submitted_day, receipt_hash, decided_day, decision) VALUES (?, ?, 1, ?, "
                        + "'APPROVED', '2026-01-01', 'forged', '2026-01-02', "
                        + "(SELECT decision FROM testimonies WHERE id = ?))")) {
                    s.setString(1, forged);
                    s.setString(2, keyId);
                    s.setBytes(3, sealed);
                    s.setString(4, honest);
                    s.executeUpdate();
                }
                flipAByte(c, damagedApproved);
                flipAByte(c, damagedPending);
            });
        }
    }

    @Test
    void reportsCountOnlyTheHonestApprovalAndSayHowManyWereLeftOutAndWhy() throws Exception {
        try (TestStorage storage = TestStorage.create(data); Opener opener = storage.unlock()) {
            ApprovedTestimonies.Opened opened = new ApprovedTestimonies(new org.gawahi.storage.testimony.SealedTestimonies(storage.db), opener,
                    EventLinks.eachOwnEvent(), false, 2).open(QuestionnaireLoader.loadDefault().indicators()
                    .counting().consent(), ApprovedTestimonies.Progress.none());
            assertThat(opened.testimonies()).extracting(t -> t.testimonyId()).containsExactly(honest);
            assertThat(opened.unreadable()).isEqualTo(1);
            assertThat(opened.notAuthentic()).isEqualTo(3); // approved by SQL, forged, MAC deleted
        }
    }

    @Test
    void exportWritesOnlyTheHonestApprovalAndNamesTheRestByIdWithoutContent() throws Exception {
        Cli.Result r = new Cli(work).passphrase(PASSPHRASE).run("export", "--approved", "--to", "archive.jsonl");
        assertThat(r.exitCode()).as(r.all()).isZero();
        List<String> lines = Files.readAllLines(work.resolve("archive.jsonl"));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains(honest).contains("HONEST-approved");
        assertThat(r.err()).contains(damagedApproved + " did not open").contains(approvedBySql + " is marked approved")
                .contains(forged + " is marked approved").contains(macDeleted + " is marked approved")
                .doesNotContain("FORGED").doesNotContain("DAMAGED").doesNotContain("Exception");
        assertThat(r.out()).contains("Wrote 1 approved testimonies").contains("Left out 4 testimonies");
    }

    @Test
    void reviewShowsTheHonestPendingOneAndPassesOverTheDamagedOneByName() {
        Cli.Result r = new Cli(work).passphrase(PASSPHRASE).stdin("q\n").run("review");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("Waiting for review: 1").contains("HONEST-pending")
                .contains("Passed over").contains(damagedPending)
                .doesNotContain("APPROVED-BY-SQL").doesNotContain("FORGED").doesNotContain("Exception");
    }

    @Test
    void aModeratorCannotActOnAForgedStateAndSoLaunderIt() throws Exception {
        try (TestStorage storage = TestStorage.create(data); Opener opener = storage.unlock()) {
            Review review = StorePorts.review(storage.db, opener, storage.keys.sealer(), Clock.systemUTC(), TestStorage.RANDOM);
            assertThat(review.link(MODERATOR, approvedBySql, review.startEvent(MODERATOR)))
                    .isEqualTo(Outcome.NOT_AUTHENTIC);
            assertThat(review.flagUrgent(MODERATOR, forged)).isEqualTo(Outcome.NOT_AUTHENTIC);
            assertThat(review.open(MODERATOR, forged)).isEmpty();
            assertThat(review.approve(MODERATOR, pending)).isEqualTo(Outcome.DONE);
        }
        Cli.Result r = new Cli(work).passphrase(PASSPHRASE).run("export", "--approved", "--to", "archive.jsonl");
        assertThat(Files.readAllLines(work.resolve("archive.jsonl"))).hasSize(2);
        assertThat(r.err()).contains(approvedBySql + " is marked approved");
    }

    @Test
    void doctorNamesEveryForgedAndDamagedRowAndNoHonestOne() {
        Cli.Result r = new Cli(work).passphrase(PASSPHRASE).run("doctor");
        assertThat(r.exitCode()).isEqualTo(2);
        for (String id : List.of(approvedBySql, forged, macDeleted, withdrawnBySql)) {
            assertThat(problemLine(r, id)).as(id).contains("does not verify");
        }
        for (String id : List.of(damagedApproved, damagedPending)) {
            assertThat(problemLine(r, id)).as(id).contains("does not open");
        }
        assertThat(r.out()).doesNotContain(honest).doesNotContain(pending).doesNotContain("FORGED")
                .doesNotContain("Exception");
    }

    @Test
    void doctorNamesATestimonySealedToAKeyThatIsNotTheCollectives() throws Exception {
        adversary(c -> sql(c, "UPDATE testimonies SET key_id = '" + "ab".repeat(8) + "' WHERE id = ?", pending));
        Cli.Result r = new Cli(work).passphrase(PASSPHRASE).run("doctor");
        assertThat(problemLine(r, pending)).contains("not one of the collective's keys");
    }

    @Test
    void keysRotateNamesTheDamagedRowsGoesOnAndTheHonestOnesStillVerify() throws Exception {
        Cli.Result rotate = new Cli(work).passphrase(PASSPHRASE).run("keys", "rotate");
        assertThat(rotate.all()).contains("Testimony " + damagedApproved + " did not open")
                .contains("Testimony " + damagedPending + " did not open").doesNotContain("Exception");
        Cli.Result export = new Cli(work).passphrase(PASSPHRASE).run("export", "--approved", "--to", "after.jsonl");
        assertThat(export.exitCode()).as(export.all()).isZero();
        List<String> lines = Files.readAllLines(work.resolve("after.jsonl"));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains(honest);
        assertThat(export.err()).contains(approvedBySql + " is marked approved").contains(forged + " is marked approved");
        Cli.Result review = new Cli(work).passphrase(PASSPHRASE).stdin("q\n").run("review");
        assertThat(review.out()).contains("HONEST-pending");
    }

    private static String problemLine(Cli.Result r, String id) {
        return r.out().lines().filter(l -> l.contains("PROBLEM") && l.contains(id)).findFirst().orElse("(none)");
    }

    private static TestimonyContent content(String text) {
        TestimonyContent base = Testimonies.content("q2=mh");
        return new TestimonyContent(base.questionnaire(), base.version(), base.language(), base.answers(),
                Map.of("q29", text));
    }

    private static String submit(TestStorage storage, String text) {
        Set<String> before = new HashSet<>(ids(storage.db));
        storage.submissions.submit(ChatRef.of(text.hashCode()), content(text).toJson());
        List<String> added = new ArrayList<>(ids(storage.db));
        added.removeAll(before);
        return added.get(0);
    }

    private static List<String> ids(Database db) {
        return db.strings("SELECT id FROM testimonies");
    }

    @FunctionalInterface
    private interface Attack {
        void on(Connection c) throws SQLException;
    }

    /** Plain SQL on the database file, as whoever holds the disk would: no Gawahi class involved. */
    private void adversary(Attack attack) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME))) {
            attack.on(c);
        }
    }

    private static void sql(Connection c, String statement, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static void flipAByte(Connection c, String id) throws SQLException {
        byte[] sealed;
        try (PreparedStatement s = c.prepareStatement("SELECT sealed FROM testimonies WHERE id = ?")) {
            s.setString(1, id);
            try (var rs = s.executeQuery()) {
                rs.next();
                sealed = rs.getBytes(1);
            }
        }
        sealed[sealed.length / 2] ^= 0x01;
        try (PreparedStatement s = c.prepareStatement("UPDATE testimonies SET sealed = ? WHERE id = ?")) {
            s.setBytes(1, sealed);
            s.setString(2, id);
            s.executeUpdate();
        }
    }
}
