package org.gawahi.storage.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.storage.LeakScan;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.Opener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disclosure history on a real SQLite file: sealed, bound to its row, and never skipped silently. */
class DisclosureHistoryTest {
    private static final String UNIT = "t:9f3c27aa51d04e1b";

    @TempDir
    Path data;

    private TestStorage storage;
    private DisclosureHistory history;

    @BeforeEach
    void open() throws Exception {
        storage = TestStorage.create(data.resolve("ours"));
        history = new DisclosureHistory(storage.db, TestStorage.RANDOM);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static PublishedTable published(long count) {
        FrequencyTable table = FrequencyTable.builder(List.of("mh"), List.of("2026-11"))
                .count("mh", "2026-11", count).units("mh", "2026-11", unitsOf(count)).build();
        return new Suppressor(SuppressionRules.defaults()).suppress(table);
    }

    private static List<String> unitsOf(long n) {
        List<String> units = new java.util.ArrayList<>();
        units.add(UNIT);
        for (int i = 1; i < n; i++) {
            units.add("t:" + i);
        }
        return units;
    }

    private void record(long count) throws Exception {
        history.record(storage.keys.sealer(), new DisclosureHistory.Scope("2026-11", "2026-11", Optional.empty()), false,
                Map.of("night_raids/counts", published(count)));
    }

    @Test
    void whatWasPublishedReadsBackWithTheUnlockedKeysAndTheDiskDoesNotSayIt() throws Exception {
        record(437);

        try (Opener opener = storage.unlock()) {
            DisclosureHistory.History read = history.read(opener);
            assertThat(read.publications()).isEqualTo(1);
            assertThat(read.damaged()).isZero();
            assertThat(read.cells("night_raids/counts")).hasSize(4)
                    .allSatisfy(c -> assertThat(c.value()).isEqualTo(437))
                    .allSatisfy(c -> assertThat(c.units()).hasSize(437).contains(UNIT));
        }
        storage.db.checkpoint();
        assertThat(new LeakScan().text("unit", UNIT).text("table", "night_raids").text("period", "2026-11")
                .findIn(LeakScan.filesUnder(data))).isEmpty();
    }

    @Test
    void aRowThatDoesNotOpenIsCountedAndTheCheckRefuses() throws Exception {
        record(40);
        record(41);
        storage.db.run(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM disclosure_history ORDER BY id LIMIT 1")) {
                rs.next();
                String id = rs.getString(1);
                try (PreparedStatement u = c.prepareStatement(
                        "UPDATE disclosure_history SET sealed = substr(sealed, 1, 40) || zeroblob(8) WHERE id = ?")) {
                    u.setString(1, id);
                    u.executeUpdate();
                }
            }
        });

        try (Opener opener = storage.unlock()) {
            DisclosureHistory.History read = history.read(opener);
            assertThat(read.publications()).isEqualTo(1);
            assertThat(read.damaged()).isEqualTo(1);
            assertThatThrownBy(read::requireIntact).isInstanceOf(DisclosureHistory.DamagedHistoryException.class)
                    .hasMessageStartingWith("1 of 2 rows of the disclosure history did not open");
        }
    }

    @Test
    void aRowCopiedUnderAnotherIdOrSealedToAForeignKeyIsCountedNotRead() throws Exception {
        record(40);
        try (TestStorage foreign = TestStorage.create(Files.createDirectories(data.resolve("foreign")))) {
            new DisclosureHistory(storage.db, TestStorage.RANDOM).record(foreign.keys.sealer(),
                    new DisclosureHistory.Scope("2026-11", "2026-11", Optional.empty()), false,
                    Map.of("night_raids/counts", published(99)));
        }
        String ours = storage.keys.sealer().keyId();
        storage.db.run(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO disclosure_history (id, key_id, sealed) "
                        + "SELECT 'ff' || id, key_id, sealed FROM disclosure_history WHERE key_id = '" + ours + "'");
            }
        });

        try (Opener opener = storage.unlock()) {
            DisclosureHistory.History read = history.read(opener);
            assertThat(read.publications()).isEqualTo(1);
            assertThat(read.damaged()).isEqualTo(2);
            assertThat(read.cells("night_raids/counts")).extracting(EarlierCell::value).containsOnly(40L);
        }
    }

    @Test
    void reportingRefusesToPublishAgainstADamagedHistory() {
        DisclosureHistory.History damaged = new DisclosureHistory.History(Map.of(), 3, 1);
        Reporting reporting = new Reporting(ReportingTest.RAID, SuppressionRules.defaults(), java.time.Clock.systemUTC());
        ReportPeriod period = ReportPeriod.parse("2026-01", "2026-01", ReportPeriod.Granularity.MONTH,
                java.time.LocalDate.of(2026, 6, 1));

        assertThatThrownBy(() -> reporting.report(List.of(Testimonies.testimony("a", "q1=2026-01 q2=mh")), period,
                ReportingTest.HEAD, true, Map.of(), damaged))
                .isInstanceOf(DisclosureHistory.DamagedHistoryException.class);
    }
}
