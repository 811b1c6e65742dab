package org.gawahi.storage.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.gawahi.storage.audit.AuditVerification.Problem;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.db.StorageException;
import org.gawahi.storage.updates.UpdateOffsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditLogTest {
    static final String MODERATOR = "a1".repeat(32);
    static final String OTHER_MODERATOR = "b2".repeat(32);
    static final String TESTIMONY = "0123456789abcdef0123456789abcdef";
    static final String EVENT = "fedcba9876543210fedcba9876543210";
    /** 15:47:42.5 in Kolkata's clock zone: stored as UTC, to the hour. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:17:42.500Z"), ZoneId.of("Asia/Kolkata"));

    @TempDir
    Path dir;
    Database db;
    AuditLog log;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        log = new AuditLog(db, CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Five entries: viewed, approved, linked, a refused stranger, a role granted by the operator. */
    private AuditHead fiveEntries() {
        log.append(MODERATOR, AuditAction.TESTIMONY_VIEWED, Optional.of(TESTIMONY));
        log.append(MODERATOR, AuditAction.TESTIMONY_APPROVED, Optional.of(TESTIMONY));
        log.append(MODERATOR, AuditAction.EVENT_LINKED, Optional.of(TESTIMONY + ":" + EVENT));
        log.append(OTHER_MODERATOR, AuditAction.ACCESS_REFUSED, Optional.empty());
        log.append(AuditLog.OPERATOR, AuditAction.ROLE_GRANTED, Optional.of(OTHER_MODERATOR));
        return log.head();
    }

    private void assertBrokenAt(AuditVerification v, long entry, Problem problem) {
        assertThat(v.ok()).isFalse();
        assertThat(v.broken()).hasValueSatisfying(b -> {
            assertThat(b.problem()).isEqualTo(problem);
            assertThat(b.entry()).hasValue(entry);
            assertThat(b.reason()).isNotBlank();
        });
    }

    @Test
    void chainsEntriesFromGenesisInOrder() {
        AuditEntry first = log.append(MODERATOR, AuditAction.TESTIMONY_VIEWED, Optional.of(TESTIMONY));
        AuditEntry second = log.append(MODERATOR, AuditAction.TESTIMONY_APPROVED, Optional.of(TESTIMONY));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditLog.GENESIS).isEqualTo("0".repeat(64));
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.hash()).matches("[0-9a-f]{64}").isNotEqualTo(first.hash());
        assertThat(log.head()).isEqualTo(new AuditHead(2, second.hash()));
        assertThat(log.entries(1, 10)).containsExactly(first, second);
    }

    @Test
    void keepsTheTimeInUtcToTheHourSoNoMinuteDatesAnAct() {
        AuditEntry entry = log.append(MODERATOR, AuditAction.TESTIMONY_VIEWED, Optional.of(TESTIMONY));

        assertThat(entry.at()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(storedColumn("at")).isEqualTo("2026-03-01T10:00:00Z");
    }

    @Test
    void aLogWhoseEarlierEntriesKeptTheMinuteVerifiesWithTheNewHourEntriesAfterThem() {
        String minute = "2026-02-28T09:41:00Z"; // as an earlier version wrote them
        String first = ChainHash.of(1, minute, MODERATOR, "TESTIMONY_VIEWED", TESTIMONY, AuditLog.GENESIS);
        String second = ChainHash.of(2, minute, MODERATOR, "TESTIMONY_APPROVED", TESTIMONY, first);
        Tamper.sql(dir,
                "INSERT INTO audit VALUES (1, '" + minute + "', '" + MODERATOR + "', 'TESTIMONY_VIEWED', '" + TESTIMONY
                        + "', '" + AuditLog.GENESIS + "', '" + first + "')",
                "INSERT INTO audit VALUES (2, '" + minute + "', '" + MODERATOR + "', 'TESTIMONY_APPROVED', '" + TESTIMONY
                        + "', '" + first + "', '" + second + "')");
        log.append(OTHER_MODERATOR, AuditAction.TESTIMONY_VIEWED, Optional.of(TESTIMONY));
        AuditHead head = log.head();

        assertThat(log.verify().ok()).isTrue();
        assertThat(log.verify(second).ok()).isTrue();
        assertThat(log.verify(head.hash()).ok()).isTrue();
        assertThat(log.entries(1, 10)).extracting(AuditEntry::at).containsExactly(Instant.parse(minute),
                Instant.parse(minute), Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void anOldMinuteEntryCoarsenedToTheHourBySqlIsCaughtAsEdited() {
        String minute = "2026-02-28T09:41:00Z";
        String first = ChainHash.of(1, minute, MODERATOR, "TESTIMONY_VIEWED", TESTIMONY, AuditLog.GENESIS);
        Tamper.sql(dir, "INSERT INTO audit VALUES (1, '" + minute + "', '" + MODERATOR + "', 'TESTIMONY_VIEWED', '"
                + TESTIMONY + "', '" + AuditLog.GENESIS + "', '" + first + "')");
        log.append(OTHER_MODERATOR, AuditAction.TESTIMONY_VIEWED, Optional.of(TESTIMONY));
        Tamper.sql(dir, "UPDATE audit SET at = '2026-02-28T09:00:00Z' WHERE seq = 1");

        assertBrokenAt(log.verify(), 1, Problem.EDITED);
    }

    @Test
    void anUntouchedLogVerifiesWithItsCountAndHead() {
        AuditHead head = fiveEntries();

        AuditVerification v = log.verify();

        assertThat(v.ok()).isTrue();
        assertThat(v.broken()).isEmpty();
        assertThat(v.count()).isEqualTo(5);
        assertThat(v.head()).isEqualTo(head.hash());
        assertThat(log.verify(head.hash()).ok()).isTrue();
    }

    @Test
    void anEmptyLogVerifiesWithTheGenesisHead() {
        AuditVerification v = log.verify();

        assertThat(v.ok()).isTrue();
        assertThat(v.count()).isZero();
        assertThat(v.head()).isEqualTo(AuditLog.GENESIS);
        assertThat(log.head()).isEqualTo(new AuditHead(0, AuditLog.GENESIS));
        assertThat(log.verify(AuditLog.GENESIS).ok()).isTrue();
    }

    @Test
    void aHeadSeenEarlierStillVerifiesAsTheChainGrows() {
        log.append(MODERATOR, AuditAction.TESTIMONY_VIEWED, Optional.of(TESTIMONY));
        String anchored = log.head().hash();
        fiveEntries();

        assertThat(log.verify(anchored).ok()).isTrue();
        assertThat(log.verify(anchored.toUpperCase()).ok()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "action = 'TESTIMONY_REJECTED'",
            "actor = '" + "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3" + "'",
            "subject = 'ffffffffffffffffffffffffffffffff'",
            "subject = NULL",
            "at = '2026-02-28T10:17:00Z'",
            "hash = '" + "d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4" + "'"})
    void namesAnEditedEntry(String change) {
        fiveEntries();
        Tamper.sql(dir, "UPDATE audit SET " + change + " WHERE seq = 3");

        AuditVerification v = log.verify();

        assertBrokenAt(v, 3, Problem.EDITED);
        assertThat(v.count()).isEqualTo(5);
        assertThat(v.broken().get().reason()).isEqualTo("its contents do not match its hash: edited");
    }

    @Test
    void namesTheEntryAfterOneEditedAndRehashed() {
        fiveEntries();
        AuditTable.Row third = new AuditTable(db).page(3, 1).get(0);
        String forged = ChainHash.of(3, third.at(), third.actor(), "TESTIMONY_REJECTED", third.subject(), third.prevHash());
        Tamper.sql(dir, "UPDATE audit SET action = 'TESTIMONY_REJECTED', hash = '" + forged + "' WHERE seq = 3");

        assertBrokenAt(log.verify(), 4, Problem.OUT_OF_PLACE);
    }

    @Test
    void namesADeletedEntryInTheMiddle() {
        fiveEntries();
        Tamper.sql(dir, "DELETE FROM audit WHERE seq = 3");

        AuditVerification v = log.verify();

        assertBrokenAt(v, 3, Problem.MISSING);
        assertThat(v.broken().get().reason()).isEqualTo("entry 3 is missing (entry 2 is followed by entry 4): deleted");
        assertThat(v.count()).isEqualTo(4);
    }

    @Test
    void namesTheFirstOfSeveralDeletedEntries() {
        fiveEntries();
        Tamper.sql(dir, "DELETE FROM audit WHERE seq IN (1, 2)");

        AuditVerification v = log.verify();

        assertBrokenAt(v, 1, Problem.MISSING);
        assertThat(v.broken().get().reason()).isEqualTo("entries 1 to 2 are missing (the chain starts at entry 3): deleted");
    }

    @Test
    void namesADeletionClosedUpByRenumbering() {
        fiveEntries();
        Tamper.sql(dir, "DELETE FROM audit WHERE seq = 3",
                "UPDATE audit SET seq = seq + 100 WHERE seq > 3", "UPDATE audit SET seq = seq - 101 WHERE seq > 100");

        assertBrokenAt(log.verify(), 3, Problem.OUT_OF_PLACE);
    }

    @Test
    void aDeletedLastEntryIsCaughtOnlyAgainstTheHeadSeenEarlier() {
        AuditHead anchored = fiveEntries();
        Tamper.sql(dir, "DELETE FROM audit WHERE seq = 5");

        assertThat(log.verify().ok()).isTrue();

        AuditVerification v = log.verify(anchored.hash());
        assertThat(v.ok()).isFalse();
        assertThat(v.broken()).hasValueSatisfying(b -> {
            assertThat(b.problem()).isEqualTo(Problem.HEAD_NOT_FOUND);
            assertThat(b.entry()).isEmpty();
            assertThat(b.reason()).contains(anchored.hash()).contains("chain of 4 entries")
                    .contains("entries after entry 4 were deleted, or the chain was rewritten");
        });
    }

    @Test
    void namesTwoEntriesWhoseContentsWereSwapped() {
        fiveEntries();
        String cols = "at, actor, action, subject, prev_hash, hash";
        Tamper.sql(dir,
                "CREATE TEMP TABLE t AS SELECT seq, " + cols + " FROM audit WHERE seq IN (2, 4)",
                "UPDATE audit SET (" + cols + ") = (SELECT " + cols + " FROM t WHERE t.seq = 6 - audit.seq) WHERE seq IN (2, 4)");

        AuditVerification v = log.verify();

        assertBrokenAt(v, 2, Problem.OUT_OF_PLACE);
        assertThat(v.broken().get().reason()).isEqualTo("its previous hash is not entry 1's hash: "
                + "entries were reordered, inserted or deleted here, or entry 1 was rewritten");
    }

    @Test
    void namesTheEntryDisplacedByAnInsertedOne() {
        fiveEntries();
        AuditTable.Row second = new AuditTable(db).page(2, 1).get(0);
        String at = "2026-03-01T10:17:00Z";
        String forged = ChainHash.of(3, at, MODERATOR, "TESTIMONY_REJECTED", TESTIMONY, second.hash());
        Tamper.sql(dir,
                "UPDATE audit SET seq = seq + 100 WHERE seq >= 3",
                "UPDATE audit SET seq = seq - 99 WHERE seq >= 100",
                "INSERT INTO audit VALUES (3, '" + at + "', '" + MODERATOR + "', 'TESTIMONY_REJECTED', '" + TESTIMONY
                        + "', '" + second.hash() + "', '" + forged + "')");

        AuditVerification v = log.verify();

        assertBrokenAt(v, 4, Problem.OUT_OF_PLACE);
        assertThat(v.count()).isEqualTo(6);
    }

    @Test
    void namesAnEntryInsertedBeforeTheFirst() {
        fiveEntries();
        String forged = ChainHash.of(0, "2026-03-01T10:17:00Z", MODERATOR, "EXPORT", null, AuditLog.GENESIS);
        Tamper.sql(dir, "INSERT INTO audit VALUES (0, '2026-03-01T10:17:00Z', '" + MODERATOR + "', 'EXPORT', NULL, '"
                + AuditLog.GENESIS + "', '" + forged + "')");

        assertBrokenAt(log.verify(), 0, Problem.OUT_OF_PLACE);
    }

    @Test
    void aChainRewrittenWholePassesAloneButNotAgainstTheHeadSeenEarlier() {
        AuditHead anchored = fiveEntries();
        Tamper.sql(dir, "UPDATE audit SET action = 'TESTIMONY_REJECTED' WHERE seq = 2");
        Tamper.rechain(dir);

        assertThat(log.verify().ok()).isTrue();
        assertThat(log.verify().head()).isNotEqualTo(anchored.hash());

        AuditVerification v = log.verify(anchored.hash());
        assertThat(v.ok()).isFalse();
        assertThat(v.broken().get().problem()).isEqualTo(Problem.HEAD_NOT_FOUND);
    }

    @Test
    void reportsTheChainBreakBeforeAMissingHead() {
        AuditHead anchored = fiveEntries();
        Tamper.sql(dir, "DELETE FROM audit WHERE seq IN (2, 5)");

        assertBrokenAt(log.verify(anchored.hash()), 2, Problem.MISSING);
    }

    @Test
    void refusesAHeadThatIsNotAHash() {
        assertThatThrownBy(() -> log.verify("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an audit head is 64 hex digits");
        assertThatThrownBy(() -> log.verify("g".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntries() throws Exception {
        fiveEntries();
        try (Connection c = Tamper.connect(dir); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("UPDATE audit SET action = 'EXPORT' WHERE seq = 1"))
                    .hasMessageContaining("audit entries cannot be changed");
            assertThatThrownBy(() -> s.execute("DELETE FROM audit")).hasMessageContaining("audit entries cannot be deleted");
        }
        assertThat(log.verify().count()).isEqualTo(5);
    }

    @Test
    void anAppendCommitsOrRollsBackWithTheCallersTransaction() {
        UpdateOffsets offsets = new UpdateOffsets(db);
        assertThatThrownBy(() -> db.run(c -> {
            offsets.commit(7);
            log.append(MODERATOR, AuditAction.TESTIMONY_APPROVED, Optional.of(TESTIMONY));
            throw new IllegalStateException("the decision failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(log.head()).isEqualTo(new AuditHead(0, AuditLog.GENESIS));
        assertThat(offsets.lastCommitted()).isEmpty();

        db.run(c -> {
            offsets.commit(8);
            log.append(MODERATOR, AuditAction.TESTIMONY_APPROVED, Optional.of(TESTIMONY));
            log.append(MODERATOR, AuditAction.EVENT_LINKED, Optional.of(TESTIMONY + ":" + EVENT));
        });
        assertThat(log.head().seq()).isEqualTo(2);
        assertThat(log.verify().ok()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"police beat her at the station", "0123456789ABCDEF0123456789ABCDEF", "0123456789abcde",
            "0123456789abcdef 0123456789abcdef", "0123456789abcdef:0123456789abcdef:0123456789abcdef", ""})
    void refusesASubjectThatIsNotAnId(String subject) {
        assertThatThrownBy(() -> log.append(MODERATOR, AuditAction.TESTIMONY_APPROVED, Optional.of(subject)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an audit subject is a hex id (16 to 64 digits), or two joined by ':'");
        assertThat(log.head().seq()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ramesh", "admin", "12345678", "A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1", ""})
    void refusesAnActorThatIsNotAPseudonym(String actor) {
        assertThatThrownBy(() -> log.append(actor, AuditAction.TESTIMONY_APPROVED, Optional.of(TESTIMONY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(log.head().seq()).isZero();
    }

    @Test
    void refusesATestimonyActionThatNamesNoTestimony() {
        assertThatThrownBy(() -> log.append(MODERATOR, AuditAction.TESTIMONY_REDACTED, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("TESTIMONY_REDACTED must name its subject");
    }

    @Test
    void storesOnlyIdsHashesActionNamesAndTimes() throws Exception {
        fiveEntries();
        log.append(AuditLog.SYSTEM, AuditAction.TESTIMONY_PURGED, Optional.of(TESTIMONY));
        log.append(AuditLog.OPERATOR, AuditAction.KEYS_ROTATED, Optional.empty());

        try (Connection c = Tamper.connect(dir); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT at, actor, action, subject, prev_hash, hash FROM audit")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertThat(rs.getString("at")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:00:00Z");
                assertThat(rs.getString("actor")).matches("[0-9a-f]{64}|operator|system");
                assertThat(AuditAction.valueOf(rs.getString("action"))).isNotNull();
                assertThat(rs.getString("subject")).satisfiesAnyOf(
                        x -> assertThat(x).isNull(), x -> assertThat(x).matches("[0-9a-f:]+"));
                assertThat(rs.getString("prev_hash")).matches("[0-9a-f]{64}");
                assertThat(rs.getString("hash")).matches("[0-9a-f]{64}");
            }
            assertThat(rows).isEqualTo(7);
        }
    }

    @Test
    void pagesThroughEntriesFromASequenceNumber() {
        fiveEntries();

        assertThat(log.entries(2, 2)).extracting(AuditEntry::seq).containsExactly(2L, 3L);
        assertThat(log.entries(4, 100)).extracting(AuditEntry::action)
                .containsExactly(AuditAction.ACCESS_REFUSED, AuditAction.ROLE_GRANTED);
        assertThat(log.entries(6, 10)).isEmpty();
        assertThat(log.entries(3, 1).get(0).subject()).hasValue(TESTIMONY + ":" + EVENT);
        assertThat(log.entries(4, 1).get(0).subject()).isEmpty();
    }

    @Test
    void refusesAPageOutOfBounds() {
        assertThatThrownBy(() -> log.entries(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.entries(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.entries(1, AuditLog.MAX_PAGE + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listingAnUnreadableEntrySaysToVerifyWithoutEchoingIt() {
        fiveEntries();
        Tamper.sql(dir, "UPDATE audit SET action = 'her name is Sunita' WHERE seq = 2");

        assertThatThrownBy(() -> log.entries(1, 10)).isInstanceOf(StorageException.class)
                .hasMessageContaining("entry 2").hasMessageContaining("audit verify").message().doesNotContain("Sunita");
        assertBrokenAt(log.verify(), 2, Problem.EDITED);
    }

    @Test
    void survivesReopeningTheDatabase() {
        AuditHead head = fiveEntries();
        db.close();
        db = Database.open(dir);
        log = new AuditLog(db, CLOCK);

        AuditEntry sixth = log.append(MODERATOR, AuditAction.REPORT, Optional.empty());

        assertThat(sixth.seq()).isEqualTo(6);
        assertThat(sixth.prevHash()).isEqualTo(head.hash());
        assertThat(log.verify(head.hash()).ok()).isTrue();
    }

    private String storedColumn(String column) {
        try (Connection c = Tamper.connect(dir); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + column + " FROM audit ORDER BY seq LIMIT 1")) {
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
