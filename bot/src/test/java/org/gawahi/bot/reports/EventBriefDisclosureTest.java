package org.gawahi.bot.reports;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.events.EventTable;
import org.gawahi.storage.reports.ApprovedTestimonies;
import org.gawahi.storage.reports.Cell;
import org.gawahi.storage.reports.DisclosureHistory;
import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.ReportPeriod;
import org.gawahi.storage.reports.SealedStore;
import org.gawahi.storage.reports.Testimonies;
import org.gawahi.storage.testimony.Decisions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The brief's path, as the brief will call it, on a real data directory: a period report is
 * recorded, then the figures of an event inside it are checked against it. With only two women
 * outside the event that month, the event's figures would give those two away by subtraction,
 * so they are withheld; the brief is recorded too, and counts for the next report.
 */
class EventBriefDisclosureTest {
    @TempDir
    Path data;

    @Test
    void aBriefOfAnEventInsideAReportedMonthWithholdsWhatDiffersByAFewWomenAndIsRecorded() throws Exception {
        SealedStore store = SealedStore.create(data);
        List<TestimonyContent> contents = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            contents.add(Testimonies.content("q1=2026-02 q2=mh q5=night q10=" + (i % 2 == 0 ? "insulted" : "none")));
        }
        ReportService service = ReportFixtures.service();
        ReportPeriod february = ReportPeriod.parse("2026-02", "2026-02", ReportPeriod.Granularity.MONTH,
                ReportFixtures.TODAY);
        try (Database db = Database.open(data); Opener opener = store.keys().unlock(SealedStore.PASSPHRASE)) {
            List<String> ids = store.submit(db, contents, LocalDate.of(2026, 3, 2), TestimonyStatus.APPROVED);
            new EventTable(db).insert("budhwar", LocalDate.of(2026, 3, 3));
            Decisions decisions = new Decisions(db, opener);
            for (String id : ids.subList(0, 14)) {
                assertThat(new TestimonyTable(db).linkEvent(id, "budhwar")).isTrue();
                decisions.authenticate(id);
            }

            Report month = service.build(StorePorts.reports(db), opener, ReportRequest.of(february), ApprovedTestimonies.Progress.none());
            service.record(StorePorts.reports(db), store.keys().sealer(), month);
            Report brief = service.buildEvent(StorePorts.reports(db), opener, "budhwar", february, ApprovedTestimonies.Progress.none());
            service.recordEvent(StorePorts.reports(db), store.keys().sealer(), "budhwar", brief);

            assertThat(month.tables().get("verbal_abuse/denominators").cell("mh", "2026-02")).isEqualTo(new Cell.Count(16));
            assertThat(brief.tables().get("verbal_abuse/denominators").cell("mh", "2026-02"))
                    .isInstanceOf(Cell.Suppressed.class);
            assertThat(brief.tables().get("verbal_abuse/counts").cell("mh", "2026-02"))
                    .isInstanceOf(Cell.Suppressed.class);
            assertThat(new DisclosureHistory(db, new java.security.SecureRandom()).read(opener).publications())
                    .isEqualTo(2);
        }
    }
}
