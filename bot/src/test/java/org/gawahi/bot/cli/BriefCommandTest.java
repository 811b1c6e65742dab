package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.gawahi.bot.brief.RaidOnRecord;
import org.gawahi.storage.reports.SealedStore;
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
}
