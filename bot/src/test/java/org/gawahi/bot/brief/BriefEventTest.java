package org.gawahi.bot.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.gawahi.storage.reports.CountedTestimony;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.reports.Testimonies;
import org.junit.jupiter.api.Test;

/** When and where a raid was, as the brief names it: the district only as reports would name it. */
class BriefEventTest {
    private static final LocalDate LATER = LocalDate.of(2025, 9, 1);

    private static List<CountedTestimony> raid(String event, int n, String answers) {
        List<CountedTestimony> testimonies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TestimonyContent content = Testimonies.content(answers);
            testimonies.add(new CountedTestimony(event + "-" + i, event, content, LocalDate.of(2025, 3, 1)));
        }
        return testimonies;
    }

    private static BriefEvent of(List<CountedTestimony> ofEvent, List<CountedTestimony> all, LocalDate today) {
        return BriefEvent.of("e1", ofEvent, all, RaidOnRecord.RAID, today);
    }

    @Test
    void namesTheDistrictAQuarterLaterWhenItHadThreeRaidsAndTenTestimonies() {
        List<CountedTestimony> raid = raid("e1", 10, "q1=2025-02 q2=mh q3=pune");
        List<CountedTestimony> all = new ArrayList<>(raid);
        all.addAll(raid("e2", 1, "q1=2025-03 q2=mh q3=pune"));
        all.addAll(raid("e3", 1, "q1=2025-01 q2=mh q3=pune"));

        BriefEvent event = of(raid, all, LATER);

        assertThat(event.month()).hasValue(YearMonth.of(2025, 2));
        assertThat(event.state()).hasValue("mh");
        assertThat(event.district()).hasValue("pune");
        assertThat(event.areaLabel(RaidOnRecord.RAID, BriefWords.english("raid"))).isEqualTo("Pune, Maharashtra");
    }

    @Test
    void namesTheStateOnlyBeforeAQuarterHasPassedOrWithFewerRaidsOrTestimonies() {
        List<CountedTestimony> raid = raid("e1", 10, "q1=2025-02 q2=mh q3=pune");
        List<CountedTestimony> all = new ArrayList<>(raid);
        all.addAll(raid("e2", 1, "q1=2025-03 q2=mh q3=pune"));
        List<CountedTestimony> threeRaids = new ArrayList<>(all);
        threeRaids.addAll(raid("e3", 1, "q1=2025-01 q2=mh q3=pune"));
        List<CountedTestimony> nine = raid.subList(0, 9);

        assertThat(of(raid, all, LATER).district()).as("two raids").isEmpty();
        assertThat(of(raid, threeRaids, LocalDate.of(2025, 6, 29)).district()).as("too soon").isEmpty();
        assertThat(of(nine, threeRaids, LATER).district()).as("nine testimonies").isEmpty();
        assertThat(of(raid, threeRaids, LATER).district()).hasValue("pune");
    }

    @Test
    void aDistrictThatIsNotAPlaceIsNeverNamed() {
        List<CountedTestimony> raid = raid("e1", 12, "q1=2025-02 q2=mh q3=other_district");
        List<CountedTestimony> all = new ArrayList<>(raid);
        all.addAll(raid("e2", 1, "q1=2025-02 q2=mh q3=other_district"));
        all.addAll(raid("e3", 1, "q1=2025-02 q2=mh q3=other_district"));

        assertThat(of(raid, all, LATER).district()).isEmpty();
    }

    @Test
    void theTestimoniesAreShownAsABandNeverAsTheirNumber() {
        BriefDesk.DeskWords words = new BriefDesk.DeskWords("raid", "en");

        assertThat(BriefDesk.band(0, 5, words)).isEqualTo("fewer than 5");
        assertThat(BriefDesk.band(4, 5, words)).isEqualTo("fewer than 5");
        assertThat(BriefDesk.band(5, 5, words)).isEqualTo("5 to 9");
        assertThat(BriefDesk.band(12, 5, words)).isEqualTo("10 to 19");
        assertThat(BriefDesk.band(49, 5, words)).isEqualTo("20 to 49");
        assertThat(BriefDesk.band(100, 5, words)).isEqualTo("100 or more");
        assertThat(BriefDesk.band(12, 12, words)).isEqualTo("12 to 19");
    }
}
