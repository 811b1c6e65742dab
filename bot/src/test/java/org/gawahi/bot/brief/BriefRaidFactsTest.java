package org.gawahi.bot.brief;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gawahi.bot.reports.ReportRequest;
import org.gawahi.bot.reports.ReportService;
import org.gawahi.config.questionnaire.ReportTexts;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.reports.ApprovedTestimonies;
import org.gawahi.storage.reports.Cell;
import org.gawahi.storage.reports.DisclosureHistory;
import org.gawahi.storage.reports.EarlierCell;
import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.ReportPeriod;
import org.gawahi.storage.reports.SealedStore;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.reports.Testimonies;
import org.gawahi.storage.testimony.TestimonyContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matters of the raid itself (no woman officer at entry, at night, media present) are
 * counted per raid in reports, so one raid's brief would hold each as "1 of 1 raid", under any
 * threshold. A brief counts them by testimony instead, under their own table names, through
 * the same disclosure control, on a real data directory through {@link BriefService#write}.
 */
class BriefRaidFactsTest {
    private static final ReportTexts EN = RaidOnRecord.RAID.indicators().texts("en");
    private static final String NO_WOMAN_OFFICER = EN.label("no_women_police_at_entry");
    private static final String BY_TESTIMONY = "no_women_police_at_entry/by-testimony/counts";

    @TempDir
    Path data;

    /** {@code n} testimonies of one raid by day, {@code noWomanOfficer} of them saying no woman officer came in. */
    private static List<TestimonyContent> raid(int n, int noWomanOfficer) {
        List<TestimonyContent> contents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            contents.add(Testimonies.content("q1=2026-02 q2=mh q3=pune q5=day q7="
                    + (i < noWomanOfficer ? "no" : "from_start") + " q10=insulted"));
        }
        return contents;
    }

    @Test
    void nineOfTwelveTestimoniesSayingNoWomanOfficerCameInIsPrintedWithTheItpaSafeguard() throws Exception {
        RaidOnRecord record = RaidOnRecord.create(data);
        String event = record.raid(raid(12, 9));

        BriefService.Result result = record.write(event, "en", Optional.of("scw"));
        String brief = BriefDisclosureTest.docxText(result.files(), "gawahi-brief-");
        String letter = BriefDisclosureTest.docxText(result.files(), "gawahi-letter-");

        String fact = NO_WOMAN_OFFICER + ": 9 of the 12 testimonies that answered this say so";
        String safeguard = "Safeguard broken: " + EN.safeguard("itpa_15_6a") + " ("
                + RaidOnRecord.RAID.indicators().safeguard("itpa_15_6a").citation() + ")";
        assertThat(brief).contains(fact + "\n" + safeguard);
        assertThat(letter).contains(fact + ".");
    }

    @Test
    void threeOfTwelveIsUnderTheThresholdSoNeitherTheMatterNorItsNumberIsPrinted() throws Exception {
        RaidOnRecord record = RaidOnRecord.create(data);
        String event = record.raid(raid(12, 3));

        BriefService.Result result = record.write(event, "en", Optional.of("scw"));
        String brief = BriefDisclosureTest.docxText(result.files(), "gawahi-brief-");
        String letter = BriefDisclosureTest.docxText(result.files(), "gawahi-letter-");

        assertThat(result.files()).isNotEmpty();
        for (String text : List.of(brief, letter)) {
            assertThat(text).doesNotContain(NO_WOMAN_OFFICER, EN.safeguard("itpa_15_6a"), "3 of the", "9 of the");
        }
    }

    @Test
    void aMonthsReportStillCountsRaidMattersPerRaidUnderTheirOwnNames() throws Exception {
        RaidOnRecord record = RaidOnRecord.create(data);
        for (int i = 0; i < 6; i++) {
            record.raid(raid(3, 3));
        }
        ReportService reports = new ReportService(RaidOnRecord.RAID, SuppressionRules.defaults(), RaidOnRecord.CLOCK);
        ReportPeriod february = ReportPeriod.parse("2026-02", "2026-02", ReportPeriod.Granularity.MONTH,
                RaidOnRecord.TODAY);
        try (Database db = Database.open(record.store.dataDirectory());
             Opener opener = record.store.keys().unlock(SealedStore.PASSPHRASE)) {
            Report month = reports.build(StorePorts.reports(db), opener, ReportRequest.of(february), ApprovedTestimonies.Progress.none());

            assertThat(month.tables().get("no_women_police_at_entry/counts").cell("mh", "2026-02"))
                    .as("six raids, not eighteen testimonies").isEqualTo(new Cell.Count(6));
            assertThat(month.tables().keySet()).noneMatch(name -> name.contains("by-testimony"));
        }
    }

    /**
     * The adversary has the brief before her testimony was approved and the brief after; she
     * answered that a woman officer was there from the start. The by-testimony table is recorded
     * in the history with its testimonies, and no two of its cells differ by fewer than the threshold.
     */
    @Test
    void theHistoryKeepsTheByTestimonyTableAndABriefAfterOneMoreApprovalDoesNotGiveHerAnswer() throws Exception {
        RaidOnRecord record = RaidOnRecord.create(data);
        String event = record.raid(raid(12, 9));
        String before = BriefDisclosureTest.docxText(record.write(event, "en", Optional.empty()).files(), "gawahi-brief-");
        record.join(event, raid(1, 0));
        String after = BriefDisclosureTest.docxText(record.write(event, "en", Optional.empty()).files(), "gawahi-brief-");

        assertThat(before).contains(NO_WOMAN_OFFICER + ": 9 of the 12");
        assertThat(after).contains("Testimonies about this raid: 13").doesNotContain("of the 13 testimonies that answered this say so");
        try (Database db = Database.open(record.store.dataDirectory());
             Opener opener = record.store.keys().unlock(SealedStore.PASSPHRASE)) {
            DisclosureHistory.History history = new DisclosureHistory(db, new SecureRandom()).read(opener);
            List<EarlierCell> cells = history.cells(BY_TESTIMONY);
            assertThat(cells).as("the first brief's by-testimony cells, over testimonies").isNotEmpty()
                    .allMatch(c -> c.units().stream().allMatch(u -> u.startsWith("t:")));
            assertThat(cells).anyMatch(c -> c.value() == 9 && c.units().size() == 12);
            assertThat(history.cells("no_women_police_at_entry/counts")).as("no per-raid cell of a brief").isEmpty();
            assertThat(RaidOnRecord.subtractions(history, SuppressionRules.defaults().minimumCount()).revealing())
                    .isEmpty();
        }
    }
}
