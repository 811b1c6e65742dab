package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gawahi.storage.db.Database;
import org.gawahi.storage.reports.SealedStore;
import org.gawahi.storage.reports.Testimonies;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path data;
    @TempDir
    Path out;

    private Map<String, String> env;

    /** The command line with this test's environment: its variables, no terminal. */
    private Cli.Result cli(Map<String, String> variables, String... args) {
        Cli cli = new Cli(out);
        variables.forEach(cli::env);
        Cli.Result result = cli.run(args);
        return result;
    }

    @BeforeEach
    void sealSomeTestimonies() throws Exception {
        SealedStore store = SealedStore.create(data);
        List<TestimonyContent> contents = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            contents.add(Testimonies.content("q1=2026-0" + (1 + i % 3) + " q2=" + (i % 2 == 0 ? "mh" : "ka")
                    + " q5=" + (i % 3 == 0 ? "night" : "day") + " q10=" + (i % 4 == 0 ? "hit" : "none")));
        }
        try (Database db = Database.open(data)) {
            store.submit(db, contents, LocalDate.of(2026, 4, 2), TestimonyStatus.APPROVED);
        }
        env = new HashMap<>(Map.of("GAWAHI_PASSPHRASE", SealedStore.PASSPHRASE.reveal(), "GAWAHI_DATA_DIR", data.toString()));
    }

    private Cli.Result report(String... extra) {
        List<String> args = new ArrayList<>(List.of("report", "--out", out.toString()));
        args.addAll(List.of(extra));
        return cli(env, args.toArray(String[]::new));
    }

    private List<Path> written() throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.sorted().toList();
        }
    }

    @Test
    void writesASignedCsvThatVerifiesAndCatchesATamperedCopy() throws Exception {
        Cli.Result run = report("--from", "2026-Q1", "--to", "2026-Q1", "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("wrote ").contains("audit head: entry 0");
        assertThat(run.err()).as("no terminal: no progress bar").doesNotContain("\r", "Opening testimonies [");
        Path csv = out.resolve("gawahi-report-2026-Q1_2026-Q1.csv");
        assertThat(written()).containsExactly(csv, out.resolve(csv.getFileName() + ".sig"));
        assertThat(Files.readString(csv)).contains("raids_reported,Raids reported,raids,all,false,sc_2022_consent,mh,"
                + "Maharashtra,2026-Q1,2026-Q1,30,,,");

        Cli.Result verified = cli(Map.of(), "verify-report", csv.toString(), "--data-dir", data.toString());
        assertThat(verified.exitCode()).isZero();
        assertThat(verified.out()).startsWith("GENUINE:");

        Files.writeString(csv, Files.readString(csv).replace(",30,,,", ",31,,,"));
        Cli.Result tampered = cli(Map.of(), "verify-report", csv.toString(), "--data-dir", data.toString());
        assertThat(tampered.exitCode()).isEqualTo(VerifyReportCommand.NOT_GENUINE);
        assertThat(tampered.out()).startsWith("NOT GENUINE:");
    }

    @Test
    void aForgedApprovalAndADamagedRowAreLeftOutAndTheReportSaysHowManyAndWhy() throws Exception {
        List<String> pendingIds;
        try (Database db = Database.open(data)) {
            pendingIds = SealedStore.open(data).submit(db, List.of(Testimonies.content("q1=2026-01 q2=mh")),
                    LocalDate.of(2026, 4, 2), TestimonyStatus.PENDING);
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
             var s = c.createStatement()) { // the adversary's plain SQL
            s.executeUpdate("UPDATE testimonies SET status = 'APPROVED' WHERE id = '" + pendingIds.get(0) + "'");
            s.executeUpdate("UPDATE testimonies SET sealed = zeroblob(length(sealed)) "
                    + "WHERE id = (SELECT id FROM testimonies WHERE id <> '" + pendingIds.get(0) + "' LIMIT 1)");
        }

        Cli.Result run = report("--from", "2026-Q1", "--to", "2026-Q1", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Left out: 1 testimonies whose record did not open (damaged) and 1 whose "
                + "approval does not verify");
        assertThat(run.err()).doesNotContain("Exception");
        String json = Files.readString(out.resolve("gawahi-report-2026-Q1_2026-Q1.json"));
        assertThat(json).contains("\"left_out\"").contains("Left out: 1 testimonies");
    }

    @Test
    void verifyingWithoutTheKeysNamesTheFingerprintAndAcceptsThePublishedKey() throws Exception {
        assertThat(report("--from", "2026-Q1", "--to", "2026-Q1", "--format", "json").exitCode()).isZero();
        Path json = out.resolve("gawahi-report-2026-Q1_2026-Q1.json");
        Cli.Result shown = cli(Map.of("GAWAHI_DATA_DIR", data.toString()), "report-key", "show");
        String publicKey = shown.out().lines().filter(l -> l.contains("public key:")).findFirst().orElseThrow()
                .replaceAll(".*public key:\\s*", "");

        Cli.Result unknown = cli(Map.of(), "verify-report", json.toString(), "--data-dir", out.toString());
        assertThat(unknown.exitCode()).isEqualTo(VerifyReportCommand.UNKNOWN_KEY);
        assertThat(unknown.out()).contains("fingerprint").contains("not known here");

        Cli.Result trusted = cli(Map.of(), "verify-report", json.toString(), "--public-key", publicKey);
        assertThat(trusted.exitCode()).as(trusted.out() + trusted.err()).isZero();
    }

    @Test
    void writesPdfAndPngWithSignatures() throws Exception {
        assertThat(report("--from", "2026-Q1", "--to", "2026-Q1", "--format", "pdf", "--lang", "hi").exitCode()).isZero();
        assertThat(report("--from", "2026-01", "--to", "2026-03", "--by", "month", "--format", "png").exitCode()).isZero();

        assertThat(written()).extracting(p -> p.getFileName().toString())
                .contains("gawahi-report-2026-Q1_2026-Q1-hi.pdf", "gawahi-report-2026-Q1_2026-Q1-hi.pdf.sig",
                        "gawahi-report-2026-01_2026-03-overview.png", "gawahi-report-2026-01_2026-03-overview.png.sig");
        assertThat(Files.readAllBytes(out.resolve("gawahi-report-2026-Q1_2026-Q1-hi.pdf"))).startsWith("%PDF".getBytes());
    }

    @Test
    void marksAReportOnPendingTestimoniesAsARehearsal() throws Exception {
        assertThat(report("--from", "2026-Q1", "--to", "2026-Q1", "--format", "csv", "--include-pending").exitCode()).isZero();

        Path csv = out.resolve("gawahi-report-2026-Q1_2026-Q1.csv");
        assertThat(Files.readString(csv))
                .startsWith("# title: Police raids: what sex workers testified\n# rehearsal: REHEARSAL on testimonies not yet approved")
                .contains("# method: Counted (a rehearsal):", "including ones no moderator has approved yet")
                .doesNotContain("approved by the collective's moderators");

        Cli.Result verified = cli(Map.of(), "verify-report", csv.toString(), "--data-dir", data.toString());
        assertThat(verified.exitCode()).isEqualTo(VerifyReportCommand.REHEARSAL);
        assertThat(verified.out()).startsWith("REHEARSAL:").doesNotContain("GENUINE");
    }

    @Test
    void aRehearsalStaysARehearsalWhenItsSignatureFileIsEditedToLookReal() throws Exception {
        assertThat(report("--from", "2026-Q1", "--to", "2026-Q1", "--format", "csv", "--include-pending").exitCode()).isZero();
        Path csv = out.resolve("gawahi-report-2026-Q1_2026-Q1.csv");
        Path sig = out.resolve("gawahi-report-2026-Q1_2026-Q1.csv.sig");
        assertThat(Files.readString(sig)).contains("kind: rehearsal\n");
        Files.writeString(sig, Files.readString(sig).replace("kind: rehearsal\n", ""));

        Cli.Result verified = cli(Map.of(), "verify-report", csv.toString(), "--data-dir", data.toString());

        assertThat(verified.exitCode()).isEqualTo(VerifyReportCommand.REHEARSAL);
        assertThat(verified.out()).startsWith("REHEARSAL:");
    }

    @Test
    void takesAQuarterWrittenAsInTheChat() throws Exception {
        Cli.Result run = report("--from", "2026q1", "--to", "2026Q1", "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("gawahi-report-2026-Q1_2026-Q1.csv")).exists();
    }

    @Test
    void refusesAPreviousReportThatIsNotOne() throws Exception {
        Path notJson = Files.writeString(data.resolve("notes.txt"), "hello");

        Cli.Result run = report("--from", "2026-Q1", "--to", "2026-Q1", "--format", "csv", "--previous", notJson.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--previous takes an earlier JSON report");
    }

    @Test
    void verifyReportSaysWhatIsMissing() throws Exception {
        Path lonely = Files.writeString(out.resolve("report.csv"), "a,b\n");

        Cli.Result noSig = cli(Map.of(), "verify-report", lonely.toString());
        Cli.Result noFile = cli(Map.of(), "verify-report", out.resolve("nothing.pdf").toString());

        assertThat(noSig.exitCode()).isEqualTo(2);
        assertThat(noSig.err()).contains("Cannot find its signature").contains("report.csv.sig");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("Cannot find the report");
    }

    @Test
    void refusesAnUnknownFormat() {
        Cli.Result run = report("--from", "2026-Q1", "--to", "2026-Q1", "--format", "docx");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown format 'docx': use one of csv, json, png, pdf.");
    }

    @Test
    void refusesAnEmptyPeriodAndOneInTheFuture() {
        Cli.Result empty = report("--from", "2026-Q2", "--to", "2026-Q1", "--format", "csv");
        Cli.Result future = report("--from", "2099-Q1", "--to", "2099-Q2", "--format", "csv");

        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("The period is empty");
        assertThat(future.exitCode()).isEqualTo(2);
        assertThat(future.err()).contains("starts in the future");
    }

    @Test
    void refusesThresholdsSetToZero() {
        env.put("GAWAHI_MIN_COUNT", "0");

        Cli.Result run = report("--from", "2026-Q1", "--to", "2026-Q1", "--format", "csv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("GAWAHI_MIN_COUNT='0': a whole number of at least 3").contains("No report was made.");
    }

    @Test
    void refusesAWrongPassphraseAndAMissingOne() {
        env.put("GAWAHI_PASSPHRASE", "not the passphrase");
        Cli.Result wrong = report("--from", "2026-Q1", "--to", "2026-Q1", "--format", "csv");
        env.remove("GAWAHI_PASSPHRASE");
        Cli.Result missing = report("--from", "2026-Q1", "--to", "2026-Q1", "--format", "csv");

        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("The passphrase does not open the collective's keys");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("GAWAHI_PASSPHRASE");
    }

    @Test
    void refusesALanguageWithoutReportWords() {
        Cli.Result run = report("--from", "2026-Q1", "--to", "2026-Q1", "--format", "csv", "--lang", "kn");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("No report words in 'kn': use one of en, hi, mr.");
    }

    @Test
    void saysWhenNothingCanBePublishedAndWritesNothing() throws Exception {
        Cli.Result run = report("--from", "2025-Q1", "--to", "2025-Q4", "--format", "pdf");

        assertThat(run.exitCode()).isEqualTo(ReportCommand.NOTHING_PUBLISHABLE);
        assertThat(run.out()).contains("Nothing can be published for 2025-Q1 to 2025-Q4");
        assertThat(written()).isEmpty();
    }

    @Test
    void keepsWhatAnEarlierReportWithheld() throws Exception {
        assertThat(report("--from", "2026-Q1", "--to", "2026-Q1", "--format", "json").exitCode()).isZero();
        Path earlier = out.resolve("earlier.json");
        Files.move(out.resolve("gawahi-report-2026-Q1_2026-Q1.json"), earlier);
        Files.writeString(earlier, Files.readString(earlier).replace("\"raids_reported/counts\" : [ ]",
                "\"raids_reported/counts\" : [ [ \"ka\", \"2026-Q1\" ] ]"));

        Cli.Result again = report("--from", "2026-Q1", "--to", "2026-Q1", "--format", "csv", "--previous", earlier.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readString(out.resolve("gawahi-report-2026-Q1_2026-Q1.csv")))
                .contains("raids_reported,Raids reported,raids,all,false,sc_2022_consent,ka,Karnataka,2026-Q1,2026-Q1,,,,");
    }

    /**
     * The month in progress: the CLI makes its report, marked provisional in every format's
     * words, and records it in the disclosure history like any other; the same period asked
     * again after one more approval then withholds everything that would tell her answers.
     */
    @Test
    void aMonthNotOverIsProvisionalEverywhereAndCountsInTheHistory() throws Exception {
        String month = java.time.YearMonth.now(java.time.Clock.systemUTC()).toString();
        SealedStore store = SealedStore.open(data);
        List<TestimonyContent> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(Testimonies.content("q1=" + month + " q2=mh q5=night q10=none"));
        }
        try (Database db = Database.open(data)) {
            store.submit(db, hundred, LocalDate.now(java.time.Clock.systemUTC()), TestimonyStatus.APPROVED);
        }

        Cli.Result csv = report("--from", month, "--to", month, "--by", "month", "--format", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out()).contains("PROVISIONAL: " + month + " is not over yet");
        String first = Files.readString(out.resolve("gawahi-report-" + month + "_" + month + ".csv"));
        assertThat(first).contains("# provisional: PROVISIONAL: the period was not over when this report was made")
                .contains("night_raids,Raids at night (10 pm to 6 am),raids,all,false,night_arrest,mh,Maharashtra," + month + "," + month + ",100,100,100");
        Cli.Result json = report("--from", month, "--to", month, "--by", "month", "--format", "json");
        assertThat(Files.readString(out.resolve("gawahi-report-" + month + "_" + month + ".json")))
                .contains("\"provisional\" : true");
        assertThat(json.exitCode()).isZero();

        try (Database db = Database.open(data)) {
            store.submit(db, List.of(Testimonies.content("q1=" + month + " q2=mh q5=day q10=hit")),
                    LocalDate.now(java.time.Clock.systemUTC()), TestimonyStatus.APPROVED);
        }
        Files.delete(out.resolve("gawahi-report-" + month + "_" + month + ".csv"));
        Cli.Result again = report("--from", month, "--to", month, "--by", "month", "--format", "csv");

        // Without the history this row would read 100 of 101: her night raid was a day raid. Every
        // non-zero figure of the month counts her, so none can be printed until more have joined.
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ReportCommand.NOTHING_PUBLISHABLE);
        assertThat(again.out()).contains("Nothing can be published for " + month);
        assertThat(out.resolve("gawahi-report-" + month + "_" + month + ".csv")).doesNotExist();
    }
}
