package org.gawahi.bot.reports;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.events.EventTable;
import org.gawahi.storage.reports.ApprovedTestimonies;
import org.gawahi.storage.reports.Cell;
import org.gawahi.storage.reports.EventLinks;
import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.ReportPeriod;
import org.gawahi.storage.reports.SealedStore;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports read the moderators' links from testimonies to raid events, so a raid told twice counts once. */
class RaidEventsCountOnceTest {
    @TempDir
    Path data;

    @Test
    void withoutLinksEachTestimonyIsItsOwnRaidAndTheNoteSaysSo() throws Exception {
        SealedStore store = ReportFixtures.store(data, RaidDataSet.generate(11, 20));

        Report report = ReportFixtures.report(store, "2025-Q1", "2025-Q4");

        assertThat(report.ownEvents()).isTrue();
        assertThat(count(report.events())).isEqualTo(count(report.testimonies()));
        assertThat(csv(store, report)).contains("# events_linked: no");
    }

    @Test
    void testimoniesAModeratorLinkedToOneRaidCountAsOneRaid() throws Exception {
        SealedStore store = SealedStore.create(data);
        Map<String, String> links = new HashMap<>();
        try (Database db = Database.open(data)) {
            List<String> ids = store.submit(db, RaidDataSet.generate(11, 20).testimonies, LocalDate.of(2026, 1, 5),
                    TestimonyStatus.APPROVED);
            EventTable events = new EventTable(db);
            TestimonyTable testimonies = new TestimonyTable(db);
            for (int i = 0; i + 1 < ids.size(); i += 2) { // every two testimonies tell of one raid
                String event = "e" + i;
                events.insert(event, LocalDate.of(2026, 1, 6));
                assertThat(testimonies.linkEvent(ids.get(i), event)).isTrue();
                assertThat(testimonies.linkEvent(ids.get(i + 1), event)).isTrue();
                links.put(ids.get(i), event);
                links.put(ids.get(i + 1), event);
            }
            try (var opener = store.keys().unlock(SealedStore.PASSPHRASE)) { // as a moderator's link is
                var decisions = new org.gawahi.storage.testimony.Decisions(db, opener);
                for (String id : links.keySet()) {
                    decisions.authenticate(id);
                }
            }
        }

        Report fromTable = ReportFixtures.report(store, "2025-Q1", "2025-Q4");
        Report fromGivenLinks = withLinks(store, EventLinks.of(links));

        assertThat(fromTable.ownEvents()).isFalse();
        assertThat(count(fromTable.events())).isLessThan(count(fromTable.testimonies()))
                .isEqualTo(count(fromGivenLinks.events()));
        assertThat(csv(store, fromTable)).contains("# events_linked: yes").isEqualTo(csv(store, fromGivenLinks));
    }

    private static long count(Cell cell) {
        assertThat(cell).isInstanceOf(Cell.Count.class);
        return ((Cell.Count) cell).value();
    }

    private static Report withLinks(SealedStore store, EventLinks links) throws Exception {
        try (Database db = Database.open(store.dataDirectory());
             Opener opener = store.keys().unlock(SealedStore.PASSPHRASE)) {
            ReportPeriod period = ReportPeriod.parse("2025-Q1", "2025-Q4", ReportPeriod.Granularity.QUARTER,
                    ReportFixtures.TODAY);
            return new ReportService(ReportFixtures.RAID, SuppressionRules.defaults(), ReportFixtures.CLOCK, links)
                    .build(StorePorts.reports(db), opener, ReportRequest.of(period), ApprovedTestimonies.Progress.none());
        }
    }

    private static String csv(SealedStore store, Report report) throws Exception {
        return new String(ReportFixtures.export(store, report, ReportFormat.CSV, "en").get(0).content(),
                StandardCharsets.UTF_8);
    }
}
