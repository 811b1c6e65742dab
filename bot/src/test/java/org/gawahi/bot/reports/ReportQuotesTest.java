package org.gawahi.bot.reports;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gawahi.storage.db.Database;
import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.SealedStore;
import org.gawahi.storage.reports.Testimonies;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quotes in a report made from sealed testimonies: approved, consented and redacted only; printed in the PDF brief. */
class ReportQuotesTest {
    @TempDir
    static Path data;
    private static SealedStore store;
    private static Report report;

    private static TestimonyContent saying(String consent, String text, boolean redacted) {
        TestimonyContent plain = Testimonies.content("u1=" + consent + " q1=2025-02 q2=mh");
        TestimonyContent content = new TestimonyContent(plain.questionnaire(), plain.version(), plain.language(),
                plain.answers(), Map.of("q29", text + " as she first wrote it"));
        return redacted ? content.withRedaction("q29", text) : content;
    }

    @BeforeAll
    static void sealedTestimonies() throws Exception {
        store = SealedStore.create(data);
        try (Database db = Database.open(data)) {
            List<TestimonyContent> approved = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                approved.add(Testimonies.content("q1=2025-0" + (1 + i % 3) + " q2=mh"));
            }
            approved.add(saying("aggregate,quote", "They broke the door at two in the night", true));
            approved.add(saying("aggregate", "Not consented words", true));
            approved.add(saying("aggregate,quote", "Not redacted words", false));
            store.submit(db, approved, LocalDate.of(2025, 4, 1), TestimonyStatus.APPROVED);
            store.submit(db, List.of(saying("aggregate,quote", "Pending words", true)), LocalDate.of(2025, 4, 2),
                    TestimonyStatus.PENDING);
            store.submit(db, List.of(saying("aggregate,quote", "Rejected words", true)), LocalDate.of(2025, 4, 3),
                    TestimonyStatus.REJECTED);
        }
        report = ReportFixtures.report(store, "2025-Q1", "2025-Q1");
    }

    @Test
    void onlyTheApprovedConsentedAndRedactedAnswerIsQuoted() {
        assertThat(report.quotes()).containsExactly("They broke the door at two in the night");
    }

    @Test
    void aRehearsalOnPendingTestimoniesQuotesNobody() throws Exception {
        try (Database db = Database.open(data);
             org.gawahi.storage.crypto.Opener opener = store.keys().unlock(SealedStore.PASSPHRASE)) {
            org.gawahi.storage.reports.ReportPeriod period = org.gawahi.storage.reports.ReportPeriod.parse(
                    "2025-Q1", "2025-Q1", org.gawahi.storage.reports.ReportPeriod.Granularity.QUARTER, ReportFixtures.TODAY);
            Report rehearsal = ReportFixtures.service().build(StorePorts.reports(db), opener,
                    new ReportRequest(period, true, Map.of()), org.gawahi.storage.reports.ApprovedTestimonies.Progress.none());

            assertThat(rehearsal.rehearsal()).isTrue();
            assertThat(rehearsal.quotes()).isEmpty();
        }
    }

    /** Runs a poppler tool on the PDF brief of {@code r}; its output. */
    private static String poppler(String tool, Report r, String name) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/" + tool)), tool + " is not installed");
        Path pdf = data.resolve(name + ".pdf");
        Files.write(pdf, ReportFixtures.export(store, r, ReportFormat.PDF, "en").get(0).content());
        Path out = data.resolve(name + "." + tool + ".txt");
        List<String> command = new ArrayList<>(List.of("/usr/bin/" + tool, pdf.toString()));
        if (tool.equals("pdftotext")) {
            command.add("-"); // to standard output
        }
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void quotesInTheQuestionnairesScriptsAreDrawnWithTheirOwnEmbeddedFontsAndOthersLeftOut() throws Exception {
        Report inMany = new Report(report.period(), report.rules(), report.madeOn(), report.auditHead(),
                report.testimonies(), report.events(), report.ownEvents(), report.districts(), report.figures(),
                List.of("पुलिस रात में आई", "পুলিশ রাতে এসেছিল", "పోలీసులు రాత్రి వచ్చారు", "ಪೊಲೀಸರು ರಾತ್ರಿ ಬಂದರು",
                        "காவல்துறை இரவில் வந்தது"), false, Report.LeftOut.NONE);

        String fonts = poppler("pdffonts", inMany, "scripts");
        Files.createDirectories(Path.of("target/report-look")); // to look at by eye, as LookAtReportsTest's files
        Files.copy(data.resolve("scripts.pdf"), Path.of("target/report-look/quotes-in-scripts.pdf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String text = poppler("pdftotext", inMany, "scripts-text");

        assertThat(fonts).contains("NotoSansDevanagari").contains("NotoSansBengali").contains("NotoSansTelugu")
                .contains("NotoSansKannada");
        assertThat(text).contains("In their words").doesNotContain("காவல்");
    }

    @Test
    void thePdfBriefPrintsTheQuoteUnderInTheirWordsWithNothingBesideIt() throws Exception {
        String text = poppler("pdftotext", report, "brief").replaceAll("\\s+", " ");
        assertThat(text).contains("In their words").contains("“They broke the door at two in the night”")
                .doesNotContain("as she first wrote it").doesNotContain("Pending words").doesNotContain("Rejected words")
                .doesNotContain("Not consented").doesNotContain("Not redacted");
    }
}
