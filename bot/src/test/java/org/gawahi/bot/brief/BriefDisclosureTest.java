package org.gawahi.bot.brief;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gawahi.bot.reports.ReportFile;
import org.gawahi.bot.reports.ReportRequest;
import org.gawahi.bot.reports.ReportService;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.reports.ApprovedTestimonies;
import org.gawahi.storage.reports.DisclosureHistory;
import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.ReportPeriod;
import org.gawahi.storage.reports.SealedStore;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.reports.Testimonies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brief's figures go through the reports' disclosure control, on a real data directory,
 * through {@link BriefService#write} (the path of the CLI and the chat): the whole-group rule
 * for sensitive figures, the disclosure history across a period report and two briefs around
 * one more approval, and a refusal when the history is damaged.
 */
class BriefDisclosureTest {
    private static final String CHILDREN = "Children questioned in public or their faces not covered";

    @TempDir
    Path data;

    @Test
    void childrensIdentitiesExposedTwelveOfTwelveIsNotPrintedButTwentyOfTwentyIs(@TempDir Path bigger) throws Exception {
        RaidOnRecord small = RaidOnRecord.create(data);
        String twelve = small.raid(RaidOnRecord.budhwarPeth(12));
        RaidOnRecord big = RaidOnRecord.create(bigger);
        String twenty = big.raid(RaidOnRecord.budhwarPeth(20));

        String smallText = docxText(small.write(twelve, "en", Optional.of("scpcr")).files(), "gawahi-brief-");
        String smallLetter = docxText(small.write(twelve, "en", Optional.of("scpcr")).files(), "gawahi-letter-");
        String bigText = docxText(big.write(twenty, "en", Optional.empty()).files(), "gawahi-brief-");

        assertThat(smallText).as("12 of 12 mothers: each one's answer, so not printed (GAWAHI_MIN_GROUP 20)")
                .contains("Testimonies about this raid: 12").doesNotContain(CHILDREN, CHILDREN + ": 12 of the 12");
        assertThat(smallLetter).doesNotContain(CHILDREN);
        assertThat(bigText).as("the same figure over a group big enough").contains(CHILDREN + ": 20 of the 20 testimonies");
    }

    /**
     * The adversary knows she testified about this raid and has every file: the collective's
     * report of the month, the brief of the raid before her testimony was approved, and the brief
     * after. Any two cells of one table whose testimonies differ by fewer than the threshold
     * (one inside the other) would tell the answers of those few, hers among them.
     */
    @Test
    void aMonthsReportThenABriefThenABriefAfterOneMoreApprovalPublishNoTwoCellsThatDifferByAFew() throws Exception {
        RaidOnRecord record = RaidOnRecord.create(data);
        String budhwar = record.raid(RaidOnRecord.budhwarPeth(12));
        record.raid(RaidOnRecord.budhwarPeth(7)); // another raid that month
        ReportService reports = new ReportService(RaidOnRecord.RAID, SuppressionRules.defaults(), RaidOnRecord.CLOCK);
        ReportPeriod february = ReportPeriod.parse("2026-02", "2026-02", ReportPeriod.Granularity.MONTH,
                RaidOnRecord.TODAY);
        try (Database db = Database.open(record.store.dataDirectory());
             Opener opener = record.store.keys().unlock(SealedStore.PASSPHRASE)) {
            Report month = reports.build(StorePorts.reports(db), opener, ReportRequest.of(february), ApprovedTestimonies.Progress.none());
            reports.record(StorePorts.reports(db), record.store.keys().sealer(), month);
        }
        List<ReportFile> before = record.write(budhwar, "en", Optional.empty()).files();
        // Her answers differ from everyone's: by day, a woman officer present, no insult, sexual violence, a child taken.
        record.join(budhwar, List.of(Testimonies.content(
                "q1=2026-02 q2=mh q3=pune q5=day q7=yes q10=hit,sexual q21=yes q23=taken_away")));
        BriefService.Result after = record.write(budhwar, "en", Optional.empty());

        assertThat(before).isNotEmpty();
        assertThat(after.files()).as("the second brief is made, with what may still be printed").isNotEmpty();
        assertThat(docxText(after.files(), "gawahi-brief-")).contains("Testimonies about this raid: 13");
        try (Database db = Database.open(record.store.dataDirectory());
             Opener opener = record.store.keys().unlock(SealedStore.PASSPHRASE)) {
            DisclosureHistory.History history = new DisclosureHistory(db, new SecureRandom()).read(opener);
            assertThat(history.publications()).isEqualTo(3);
            int min = SuppressionRules.defaults().minimumCount();
            RaidOnRecord.Subtractions subtractions = RaidOnRecord.subtractions(history, min);
            assertThat(subtractions.compared()).as("the tables overlap: the attack has something to subtract").isPositive();
            assertThat(subtractions.revealing()).as("cells one inside the other that differ by fewer than " + min)
                    .isEmpty();
        }
    }

    @Test
    void aDamagedHistoryRefusesTheBriefInTheReportsWordsAndGivesNoFile() throws Exception {
        RaidOnRecord record = RaidOnRecord.create(data);
        String event = record.raid(RaidOnRecord.budhwarPeth(12));
        assertThat(record.write(event, "en", Optional.empty()).files()).isNotEmpty();
        try (Database db = Database.open(record.store.dataDirectory())) {
            db.run(c -> {
                try (var s = c.createStatement()) {
                    s.executeUpdate("UPDATE disclosure_history SET sealed = zeroblob(length(sealed))");
                }
            });
        }

        BriefService.Result refused = record.write(event, "en", Optional.of("scw"));
        BriefService.Result inHindi = record.write(event, "hi", Optional.empty());

        assertThat(refused.files()).isEmpty();
        assertThat(refused.refusal()).hasValue("The report was not made: part of the record of what was published "
                + "before cannot be read, and nothing is published unchecked. Tell an operator.");
        assertThat(inHindi.files()).isEmpty();
        assertThat(inHindi.refusal()).hasValue(RaidOnRecord.RAID.indicators().texts("hi").message("history_damaged"));
    }

    @Test
    void aProvisionalBriefCountsInTheHistoryAndSaysSoInEveryFile() throws Exception {
        RaidOnRecord record = RaidOnRecord.create(data);
        String event = record.raid(RaidOnRecord.budhwarPeth(12, YearMonth.from(RaidOnRecord.TODAY)));

        BriefService.Result result = record.write(event, "en", Optional.of("scw"));

        assertThat(result.provisional()).isTrue();
        assertThat(docxText(result.files(), "gawahi-brief-")).startsWith("PROVISIONAL: the month of this raid was not over");
        assertThat(docxText(result.files(), "gawahi-letter-")).startsWith("PROVISIONAL: the month of this raid was not over");
        try (Database db = Database.open(record.store.dataDirectory());
             Opener opener = record.store.keys().unlock(SealedStore.PASSPHRASE)) {
            assertThat(new DisclosureHistory(db, new SecureRandom()).read(opener).publications()).isEqualTo(1);
        }
    }

    static String docxText(List<ReportFile> files, String prefix) throws Exception {
        ReportFile docx = files.stream().filter(f -> f.name().startsWith(prefix) && f.name().endsWith(".docx"))
                .findFirst().orElseThrow();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.content()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }
}
