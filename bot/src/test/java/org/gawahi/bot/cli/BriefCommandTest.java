package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gawahi.bot.brief.RaidOnRecord;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.reports.DisclosureHistory;
import org.gawahi.storage.reports.SealedStore;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.reports.Testimonies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BriefCommandTest {
    @TempDir
    Path data;
    @TempDir
    Path out;

    private RaidOnRecord record;

    @BeforeEach
    void aRaidOnRecord() throws Exception {
        record = RaidOnRecord.create(data);
    }

    private Cli.Result brief(String... extra) {
        Cli cli = new Cli(out);
        cli.env("GAWAHI_PASSPHRASE", SealedStore.PASSPHRASE.reveal());
        cli.env("GAWAHI_DATA_DIR", data.toString());
        List<String> args = new ArrayList<>(List.of("brief", "--out", out.toString()));
        args.addAll(List.of(extra));
        return cli.run(args.toArray(String[]::new));
    }

    private List<String> written() throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheBriefAndALetterInMarathiEachSigned() throws Exception {
        String event = record.raid(RaidOnRecord.budhwarPeth(12));

        Cli.Result run = brief("--event", event, "--language", "mr", "--letter", "scpcr");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String base = event.substring(0, 8) + "-mr";
        assertThat(written()).containsExactly("gawahi-brief-" + base + ".docx", "gawahi-brief-" + base + ".docx.sig",
                "gawahi-brief-" + base + ".pdf", "gawahi-brief-" + base + ".pdf.sig",
                "gawahi-letter-scpcr-" + base + ".docx", "gawahi-letter-scpcr-" + base + ".docx.sig",
                "gawahi-letter-scpcr-" + base + ".pdf", "gawahi-letter-scpcr-" + base + ".pdf.sig");
        assertThat(run.out()).contains("audit head: entry ");
        Cli.Result verified = new Cli(out).run("verify-report", out.resolve("gawahi-brief-" + base + ".pdf").toString(),
                "--data-dir", data.toString());
        assertThat(verified.out()).startsWith("GENUINE:");
    }

    @Test
    void takesTheEventByTheEightCharactersReviewShows() throws Exception {
        String event = record.raid(RaidOnRecord.budhwarPeth(12));

        Cli.Result run = brief("--event", event.substring(0, 8));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(written()).contains("gawahi-brief-" + event.substring(0, 8) + "-en.pdf");
        assertThat(brief("--event", event.substring(0, 7)).out()).contains("There is no raid event with that id.");
    }

    @Test
    void aRaidWithTooFewTestimoniesWritesNothingAndNeverSaysHowMany() throws Exception {
        String event = record.raid(RaidOnRecord.budhwarPeth(3));

        Cli.Result run = brief("--event", event, "--letter", "scw");

        assertThat(run.exitCode()).isEqualTo(BriefCommand.NOT_BRIEFED);
        assertThat(run.out()).contains("Not enough testimonies to publish without risk; more are needed.")
                .doesNotContain("3");
        assertThat(written()).isEmpty();
    }

    @Test
    void anUnknownEventWritesNothing() throws Exception {
        record.raid(RaidOnRecord.budhwarPeth(6));

        Cli.Result run = brief("--event", "0123456789abcdef0123456789abcdef");

        assertThat(run.exitCode()).isEqualTo(BriefCommand.NOT_BRIEFED);
        assertThat(run.out()).contains("There is no raid event with that id.");
        assertThat(written()).isEmpty();
    }

    @Test
    void aRaidWhoseTestimoniesWereAllWithdrawnWritesNothing() throws Exception {
        String event = record.raid(RaidOnRecord.budhwarPeth(6));
        record.withdrawAll();

        Cli.Result run = brief("--event", event, "--language", "hi");

        assertThat(run.exitCode()).isEqualTo(BriefCommand.NOT_BRIEFED);
        assertThat(run.out()).contains("इस छापे की हर गवाही वापस ले ली गई");
        assertThat(written()).isEmpty();
    }

    @Test
    void refusesALanguageOrBodyItHasNoWordsFor() throws Exception {
        String event = record.raid(RaidOnRecord.budhwarPeth(6));

        Cli.Result language = brief("--event", event, "--language", "kn");
        Cli.Result body = brief("--event", event, "--letter", "pm");

        assertThat(language.exitCode()).isNotZero();
        assertThat(language.err()).contains("No brief words in 'kn': use one of en, hi, mr.");
        assertThat(body.err()).contains("No letter to 'pm': use one of scw, scpcr, shrc, dlsa, cp.");
        assertThat(written()).isEmpty();
    }

    /**
     * The adversary's files, all made with the command line: the month's report, the raid's
     * brief, and the brief again after her testimony was approved and linked. No two cells of
     * one table, one taken over a few testimonies more than the other, are both published.
     */
    @Test
    void aMonthsReportThenABriefThenABriefAfterOneMoreApprovalLetNothingBeSubtracted() throws Exception {
        String event = record.raid(RaidOnRecord.budhwarPeth(12));
        record.raid(RaidOnRecord.budhwarPeth(7));
        Cli cli = new Cli(out);
        cli.env("GAWAHI_PASSPHRASE", SealedStore.PASSPHRASE.reveal());
        cli.env("GAWAHI_DATA_DIR", data.toString());

        Cli.Result month = cli.run("report", "--from", "2026-02", "--to", "2026-02", "--by", "month", "--format", "json",
                "--out", out.toString());
        Cli.Result first = brief("--event", event);
        record.join(event, List.of(Testimonies.content(
                "q1=2026-02 q2=mh q3=pune q5=day q7=yes q10=hit,sexual q21=yes q23=taken_away")));
        Cli.Result second = brief("--event", event);

        assertThat(month.exitCode()).as(month.out() + month.err()).isZero();
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(docxText(out.resolve("gawahi-brief-" + event.substring(0, 8) + "-en.docx")))
                .contains("Testimonies about this raid: 13");
        try (Database db = Database.open(data); Opener opener = record.store.keys().unlock(SealedStore.PASSPHRASE)) {
            DisclosureHistory.History history = new DisclosureHistory(db, new SecureRandom()).read(opener);
            int min = SuppressionRules.defaults().minimumCount();
            RaidOnRecord.Subtractions subtractions = RaidOnRecord.subtractions(history, min);
            assertThat(history.publications()).isEqualTo(3);
            assertThat(subtractions.compared()).isPositive();
            assertThat(subtractions.revealing()).as("cells one inside the other that differ by fewer than " + min)
                    .isEmpty();
        }
    }

    @Test
    void aRaidWhoseMonthIsNotOverGetsABriefMarkedProvisionalInPdfAndDocxThatCountsInTheHistory() throws Exception {
        String event = record.raid(RaidOnRecord.budhwarPeth(12, YearMonth.now(ZoneOffset.UTC)));

        Cli.Result run = brief("--event", event, "--letter", "scw");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("PROVISIONAL: the month of this raid is not over yet");
        String base = event.substring(0, 8) + "-en";
        assertThat(docxText(out.resolve("gawahi-brief-" + base + ".docx")))
                .startsWith("PROVISIONAL: the month of this raid was not over when this brief was made");
        assertThat(docxText(out.resolve("gawahi-letter-scw-" + base + ".docx"))).startsWith("PROVISIONAL: ");
        assertThat(pdfText(out.resolve("gawahi-brief-" + base + ".pdf")).replaceAll("\\s+", " "))
                .contains("PROVISIONAL: the month of this raid was not over");
        try (Database db = Database.open(data); Opener opener = record.store.keys().unlock(SealedStore.PASSPHRASE)) {
            assertThat(new DisclosureHistory(db, new SecureRandom()).read(opener).publications()).isEqualTo(1);
        }
    }

    @Test
    void aDamagedDisclosureHistoryRefusesTheBriefAndWritesNothing(@TempDir Path again) throws Exception {
        String event = record.raid(RaidOnRecord.budhwarPeth(12));
        assertThat(brief("--event", event).exitCode()).isZero();
        try (Database db = Database.open(data)) {
            db.run(c -> {
                try (var s = c.createStatement()) {
                    s.executeUpdate("UPDATE disclosure_history SET sealed = zeroblob(length(sealed))");
                }
            });
        }
        Cli cli = new Cli(again);
        cli.env("GAWAHI_PASSPHRASE", SealedStore.PASSPHRASE.reveal());
        cli.env("GAWAHI_DATA_DIR", data.toString());

        Cli.Result run = cli.run("brief", "--out", again.toString(), "--event", event, "--letter", "scw");

        assertThat(run.exitCode()).isEqualTo(BriefCommand.NOT_BRIEFED);
        assertThat(run.out()).contains("The report was not made: part of the record of what was published before "
                + "cannot be read, and nothing is published unchecked. Tell an operator. No file was written.");
        try (Stream<Path> files = Files.list(again)) {
            assertThat(files).isEmpty();
        }
    }

    private static String docxText(Path docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(docx)));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    private static String pdfText(Path pdf) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")),
                "pdftotext (poppler-utils) is not installed");
        Process p = new ProcessBuilder("/usr/bin/pdftotext", pdf.toString(), "-").redirectErrorStream(true).start();
        byte[] text = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(text, StandardCharsets.UTF_8);
    }
}
