package org.gawahi.bot.reports;

import org.gawahi.bot.wiring.StorePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Signer;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.reports.ApprovedTestimonies;
import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.ReportPeriod;
import org.gawahi.storage.reports.SealedStore;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;

/**
 * Not a test: seals about 100 000 generated testimonies (fixed seed) into a throwaway data
 * directory, then prints the raw HPKE-open rate on one thread beside the time of a whole
 * report (read and open on two threads, count, suppress; a cold and a warm run, then the two
 * parts apart) and of its CSV and PDF. Run from the repository root:
 * <pre>
 * ./mvnw -q -pl bot -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "$(cat bot/target/cp.txt):bot/target/classes:bot/target/test-classes" \
 *     org.gawahi.bot.reports.ReportBenchmark [testimonies, default 100000]
 * </pre>
 */
public final class ReportBenchmark {
    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int target = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path data = Files.createTempDirectory("gawahi-bench");
        RaidDataSet set = RaidDataSet.generateAbout(42, target);
        SealedStore store = SealedStore.create(data);
        long t0 = System.nanoTime();
        try (Database db = Database.open(data)) {
            int batch = 10_000;
            for (int from = 0; from < set.testimonies.size(); from += batch) {
                store.submit(db, set.testimonies.subList(from, Math.min(set.testimonies.size(), from + batch)),
                        LocalDate.of(2026, 1, 5), TestimonyStatus.APPROVED);
            }
        }
        System.out.printf("sealed and stored %,d testimonies in %.1f s%n", set.testimonies.size(), secs(t0));

        try (Database db = Database.open(data); Opener opener = store.keys().unlock(SealedStore.PASSPHRASE);
             Signer signer = store.keys().signer(SealedStore.PASSPHRASE)) {
            List<TestimonyTable.Row> rows = new TestimonyTable(db).sealedRows();
            int sample = Math.min(rows.size(), 20_000);
            long t1 = System.nanoTime();
            for (int i = 0; i < sample; i++) {
                TestimonyTable.Row r = rows.get(i);
                opener.open(r.sealed(), SealedSubmissions.associatedData(r.id(), r.schemaVersion(), r.keyId())).wipe();
            }
            double openRate = sample / secs(t1);
            System.out.printf("raw HPKE open, one thread: %,.0f /s (%,d rows; %.1f s for all %,d)%n",
                    openRate, sample, rows.size() / openRate, rows.size());

            ReportService service = ReportFixtures.service();
            ReportPeriod period = ReportPeriod.parse("2025-Q1", "2025-Q4", ReportPeriod.Granularity.QUARTER,
                    ReportFixtures.TODAY);
            Report report = null;
            for (String run : new String[] {"first (cold)", "second (warm)"}) {
                long t2 = System.nanoTime();
                report = service.build(StorePorts.reports(db), opener, ReportRequest.of(period), ApprovedTestimonies.Progress.none());
                System.out.printf("report over %,d testimonies, %s run (read and open on 2 threads, count %d "
                        + "indicators, suppress): %.1f s%n", rows.size(), run, report.figures().size(), secs(t2));
            }
            long tOpen = System.nanoTime();
            ApprovedTestimonies.Opened opened = new ApprovedTestimonies(new org.gawahi.storage.testimony.SealedTestimonies(db), opener,
                    org.gawahi.storage.reports.EventLinks.eachOwnEvent(), false, 2)
                    .open(ReportFixtures.RAID.indicators().counting().consent(), ApprovedTestimonies.Progress.none());
            System.out.printf("  of which: read and open %,d rows on 2 threads: %.1f s%n", opened.testimonies().size(),
                    secs(tOpen));
            long tCount = System.nanoTime();
            new org.gawahi.storage.reports.Reporting(ReportFixtures.RAID,
                    org.gawahi.storage.reports.SuppressionRules.defaults(), ReportFixtures.CLOCK)
                    .report(opened.testimonies(), period, new org.gawahi.storage.audit.AuditHead(0, "0".repeat(64)), true,
                            java.util.Map.of());
            System.out.printf("  of which: count and suppress: %.1f s%n", secs(tCount));
            long t3 = System.nanoTime();
            int csv = service.export(report, ReportFormat.CSV, "en", signer).get(0).content().length;
            double csvTime = secs(t3);
            long t4 = System.nanoTime();
            int pdf = service.export(report, ReportFormat.PDF, "en", signer).get(0).content().length;
            System.out.printf("CSV (%,d bytes): %.2f s; PDF (%,d bytes): %.2f s%n", csv, csvTime, pdf, secs(t4));
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
