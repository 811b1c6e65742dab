package org.gawahi.bot.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gawahi.bot.reports.ReportFile;
import org.gawahi.bot.reports.ReportSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The brief and letter of one raid, made from testimonies a moderator approved and linked to it. */
class BriefTest {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(?![\\w])");

    @TempDir
    static Path data;
    private static RaidOnRecord raid;
    private static String event;

    @BeforeAll
    static void aRaidOnRecord() throws Exception {
        raid = RaidOnRecord.create(data);
        event = raid.raid(RaidOnRecord.budhwarPeth(12));
    }

    @Test
    void listsEachMatterTheDisclosureControlPublishesWithTheSafeguardItBreaks() throws Exception {
        Brief brief = ((BriefOutcome.Ready) raid.make(event)).brief();

        assertThat(brief.testimonies()).isEqualTo(12);
        assertThat(brief.figures()).extracting(f -> f.indicator().id())
                .contains("physical_violence", "verbal_abuse")
                .as("two tell of sexual violence: under the sensitive threshold, not named at all")
                .doesNotContain("sexual_violence")
                .as("12 of 12 mothers: a sensitive figure that is the whole of a group under GAWAHI_MIN_GROUP")
                .doesNotContain("child_identity_exposed", "raids_affecting_children")
                .as("matters of the raid itself, counted by testimony: one raid would be under any threshold")
                .contains("night_raids", "no_women_police_at_entry");
        assertThat(brief.event().month()).hasValue(java.time.YearMonth.of(2026, 2));
        assertThat(brief.event().state()).hasValue("mh");
        assertThat(brief.event().district()).as("a week after the raid the district is not named").isEmpty();
        assertThat(brief.quotes()).containsExactly(RaidOnRecord.QUOTE);
        assertThat(brief.provisional()).as("made on 20 February, before the raid's month is over").isTrue();

        String text = java.text.Normalizer.normalize(pdfText(file(raid.write(event, "en", Optional.empty()), ".pdf")),
                java.text.Normalizer.Form.NFKC).replaceAll("\\s+", " "); // ligatures and line breaks as typed
        assertThat(text).contains("PROVISIONAL: the month of this raid was not over", "February 2026, Maharashtra",
                "Testimonies about this raid: 12", "Women shouted at or insulted", "10 of the 12 testimonies",
                "12 of the 12 testimonies that answered this say so", RaidOnRecord.QUOTE)
                .doesNotContain("forced or pressured into sexual acts", "neighbour",
                        "Children questioned in public or their faces not covered");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hi", "mr"})
    void theDocxOpensAndHoldsTheFiguresOfThePdf(String language) throws Exception {
        List<ReportFile> files = raid.write(event, language, Optional.of("scw")).files();
        for (String kind : List.of("gawahi-brief-", "gawahi-letter-scw-")) {
            ReportFile pdf = files.stream().filter(f -> f.name().startsWith(kind) && f.name().endsWith(".pdf")).findFirst().orElseThrow();
            ReportFile docx = files.stream().filter(f -> f.name().startsWith(kind) && f.name().endsWith(".docx")).findFirst().orElseThrow();
            String docxText;
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.content()));
                 XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
                docxText = extractor.getText();
            }
            String hash = ((BriefOutcome.Ready) raid.make(event)).brief().auditHead().hash();
            TreeSet<String> inDocx = numbers(docxText, hash);
            assertThat(inDocx).as("the figures themselves").contains("12");
            assertThat(numbers(pdfText(pdf, false), hash)).as(kind + language).isEqualTo(inDocx);
        }
    }

    @Test
    void everyFileComesWithASignatureThatVerifies() throws Exception {
        List<ReportFile> files = raid.write(event, "en", Optional.of("cp")).files();

        assertThat(files).extracting(ReportFile::name).hasSize(8).filteredOn(n -> !n.endsWith(".sig"))
                .allMatch(n -> n.endsWith(".pdf") || n.endsWith(".docx"));
        for (int i = 0; i < files.size(); i += 2) {
            var parsed = ReportSignature.parse(files.get(i + 1).content()).orElseThrow();
            assertThat(ReportSignature.matches(parsed, files.get(i).content())).as(files.get(i).name()).isTrue();
        }
    }

    @Test
    void aRaidWithTooFewTestimoniesIsRefusedWithoutSayingHowMany(@TempDir Path other) throws Exception {
        RaidOnRecord small = RaidOnRecord.create(other);
        String few = small.raid(RaidOnRecord.budhwarPeth(4));

        BriefService.Result result = small.write(few, "en", Optional.of("scw"));

        assertThat(result.files()).isEmpty();
        assertThat(result.refusal()).hasValue("Not enough testimonies to publish without risk; more are needed.");
        assertThat(result.refusal().get()).doesNotContainPattern("\\d");
    }

    @Test
    void aRaidNobodyTestifiedAboutIsRefusedLikeASmallOne(@TempDir Path other) throws Exception {
        RaidOnRecord empty = RaidOnRecord.create(other);
        String none = empty.raid(List.of());

        assertThat(empty.make(none)).isEqualTo(new BriefOutcome.Refused(Refusal.TOO_FEW));
    }

    @Test
    void anUnknownEventIsRefused() throws Exception {
        BriefService.Result result = raid.write("0123456789abcdef0123456789abcdef", "hi", Optional.empty());

        assertThat(result.files()).isEmpty();
        assertThat(result.refusal()).isPresent();
        assertThat(raid.make("' OR 1=1 --")).isEqualTo(new BriefOutcome.Refused(Refusal.UNKNOWN_EVENT));
    }

    @Test
    void aRaidWhoseTestimoniesWereAllWithdrawnIsRefused(@TempDir Path other) throws Exception {
        RaidOnRecord withdrawn = RaidOnRecord.create(other);
        String gone = withdrawn.raid(RaidOnRecord.budhwarPeth(6));
        assertThat(withdrawn.make(gone)).isInstanceOf(BriefOutcome.Ready.class);

        withdrawn.withdrawAll();

        assertThat(withdrawn.write(gone, "en", Optional.empty()).refusal())
                .hasValue("Every testimony about this raid was withdrawn: there is nothing to publish.");
    }

    @Test
    void theBriefFilesOfEveryDocumentLanguageHaveTheSameKeysAsTheEnglish() {
        BriefWords english = BriefWords.english("raid");
        for (String language : List.of("hi", "mr")) {
            assertThat(BriefWords.load("raid", language).orElseThrow().all().keySet()).as(language)
                    .containsExactlyInAnyOrderElementsOf(english.all().keySet());
        }
        for (String language : List.of("bn", "kn", "te", "ne")) {
            assertThat(BriefWords.load("raid", language).orElseThrow().all().keySet()).as(language)
                    .containsExactlyInAnyOrderElementsOf(english.all().keySet().stream().filter(k -> k.startsWith("desk.") || k.equals("language")).toList());
        }
    }

    private static ReportFile file(BriefService.Result result, String suffix) {
        return result.files().stream().filter(f -> f.name().endsWith(suffix)).findFirst().orElseThrow();
    }

    /**
     * The numbers of a text, leaving out the audit lines (the PDF repeats the audit head with a
     * page number at the foot of every page; the DOCX has it once).
     */
    private static TreeSet<String> numbers(String text, String hash) {
        TreeSet<String> numbers = new TreeSet<>();
        Matcher m = NUMBER.matcher(text.replaceAll("\\s+", " ").replaceAll(hash + "[\\s\\u00a0\\u2009\\u202f]*·[\\s\\u00a0\\u2009\\u202f]*\\d+", " "));
        while (m.find()) {
            numbers.add(m.group());
        }
        return numbers;
    }

    static String pdfText(ReportFile pdf) throws Exception {
        return pdfText(pdf, true);
    }

    static String pdfText(ReportFile pdf, boolean layout) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "pdftotext (poppler-utils) is not installed");
        Path dir = Files.createTempDirectory("brief-pdf");
        Path file = dir.resolve(pdf.name());
        Files.write(file, pdf.content());
        Process p = new ProcessBuilder(layout ? List.of("/usr/bin/pdftotext", "-layout", file.toString(), "-")
                : List.of("/usr/bin/pdftotext", file.toString(), "-")).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8).replaceAll("[ \\t]+", " ");
    }

}
