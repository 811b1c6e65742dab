package org.gawahi.bot.reports;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.SealedStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes every format in English, Hindi and Marathi to target/report-look/, to look at by eye. */
@Tag("full")
class LookAtReportsTest {
    @TempDir
    Path data;

    @Test
    void writesEveryFormat() throws Exception {
        SealedStore store = ReportFixtures.store(data, RaidDataSet.generate(6, 40));
        Report report = ReportFixtures.report(store, "2025-Q1", "2025-Q4");
        Path out = Path.of("target/report-look");
        Files.createDirectories(out);
        for (String language : ReportFixtures.service().languages()) {
            for (ReportFormat format : ReportFormat.values()) {
                for (ReportFile file : ReportFixtures.export(store, report, format, language)) {
                    Files.write(out.resolve(file.name()), file.content());
                }
            }
        }
    }
}
