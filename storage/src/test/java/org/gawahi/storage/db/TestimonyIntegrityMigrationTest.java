package org.gawahi.storage.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.testimony.Decisions;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database made before V7 (decisions without MACs, a clear urgent column, rowids 1, 2, 3):
 * the migration keeps every id, drops the column and shuffles the rowids; the first unlocked
 * run authenticates the decisions made before, once, trusting the disk then; after that, a
 * forgery stays a forgery, even with the mark of that run deleted.
 */
class TestimonyIntegrityMigrationTest {
    @TempDir
    Path dir;

    @Test
    void earlierDecisionsAreAuthenticatedOnceAndNeverAgain() throws Exception {
        Files.createDirectories(dir);
        Keys keys = new Keys(dir, new SecureRandom(), Clock.systemUTC());
        keys.init(TestStorage.PASSPHRASE, Argon2Profile.TEST);
        Sealer sealer = keys.sealer();
        String approved = "a1".repeat(16);
        String pendingUrgent = "b2".repeat(16);
        String laterForged = "c3".repeat(16);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME))) {
            try (Statement s = c.createStatement()) {
                for (String file : Migrations.FILES.subList(0, 5)) {
                    String sql = new String(Migrations.class.getResourceAsStream("migrations/" + file).readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8);
                    for (String statement : Migrations.statements(sql)) {
                        s.execute(statement);
                    }
                }
                s.execute("PRAGMA user_version = 5");
            }
            insert(c, approved, "APPROVED", 0, sealer);
            insert(c, pendingUrgent, "PENDING", 1, sealer);
            insert(c, laterForged, "PENDING", 0, sealer);
        }

        try (Database db = Database.open(dir); Opener opener = keys.unlock(TestStorage.PASSPHRASE)) {
            assertThat(db.strings("SELECT name FROM pragma_table_info('testimonies')")).doesNotContain("urgent");
            assertThat(db.strings("SELECT id FROM testimonies")).containsExactlyInAnyOrder(approved, pendingUrgent,
                    laterForged);
            assertThat(db.strings("SELECT rowid FROM testimonies")).isNotEqualTo(List.of("1", "2", "3"));
            TestimonyTable table = new TestimonyTable(db);
            Decisions decisions = new Decisions(db, opener);
            assertThat(decisions.verdict(table.find(approved).orElseThrow())).isEqualTo(Decisions.Verdict.NOT_AUTHENTIC);
            assertThat(decisions.upgradeState()).isEqualTo(Decisions.Upgrade.TO_DO);

            Decisions.UpgradeOutcome first = decisions.authenticateEarlierDecisions(sealer.keyId());

            assertThat(first).isEqualTo(new Decisions.UpgradeOutcome(Decisions.Upgrade.DONE_NOW, 1, 0));
            assertThat(decisions.verdict(table.find(approved).orElseThrow())).isEqualTo(Decisions.Verdict.AUTHENTIC);
            assertThat(decisions.verdict(table.find(pendingUrgent).orElseThrow())).isEqualTo(Decisions.Verdict.INTAKE);
            assertThat(decisions.authenticateEarlierDecisions(sealer.keyId()).upgrade()).isEqualTo(Decisions.Upgrade.DONE);

            // Now the adversary approves a row by SQL, and deletes the mark to have the disk trusted again.
            db.run(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("UPDATE testimonies SET status = 'APPROVED' WHERE id = '" + laterForged + "'");
                    s.execute("DELETE FROM decisions_authenticated");
                }
            });
            assertThat(decisions.authenticateEarlierDecisions(sealer.keyId()).upgrade())
                    .isEqualTo(Decisions.Upgrade.MARK_MISSING);
            assertThat(decisions.verdict(table.find(laterForged).orElseThrow()))
                    .isEqualTo(Decisions.Verdict.NOT_AUTHENTIC);
        }
    }

    private static void insert(Connection c, String id, String status, int urgent, Sealer sealer) throws SQLException {
        byte[] sealed = sealer.seal(new TestimonyContent("raid", 1, "en", Map.of(), Map.of("q29", id)).toJson(),
                SealedSubmissions.associatedData(id, 1, sealer.keyId()));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO testimonies (id, key_id, schema_version, sealed, "
                + "status, submitted_day, receipt_hash, urgent, decided_day) VALUES (?, ?, 1, ?, ?, '2026-01-05', ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, sealer.keyId());
            s.setBytes(3, sealed);
            s.setString(4, status);
            s.setString(5, "receipt-" + id);
            s.setInt(6, urgent);
            s.setString(7, status.equals("PENDING") ? null : "2026-01-06");
            s.executeUpdate();
        }
    }
}
