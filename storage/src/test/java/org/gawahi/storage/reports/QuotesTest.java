package org.gawahi.storage.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gawahi.storage.reports.ReportPeriod.Granularity;
import org.gawahi.storage.testimony.TestimonyContent;
import org.junit.jupiter.api.Test;

/** Which words a report may quote: consented, redacted by a moderator, in a period with enough testimonies. */
class QuotesTest {
    private static final ReportPeriod H1 = ReportPeriod.parse("2026-Q1", "2026-Q2", Granularity.QUARTER,
            ReportingTest.TODAY);
    private final Reporting reporting = new Reporting(ReportingTest.RAID, SuppressionRules.defaults(),
            Clock.fixed(ReportingTest.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    private static CountedTestimony saying(String id, String consent, String text, boolean redacted, String month) {
        TestimonyContent plain = Testimonies.content("u1=" + consent + " q1=" + month + " q2=mh");
        TestimonyContent content = new TestimonyContent(plain.questionnaire(), plain.version(), "hi", plain.answers(),
                Map.of("q29", "original " + text));
        if (redacted) {
            content = content.withRedaction("q29", text);
        }
        return new CountedTestimony(id, id, content, LocalDate.of(2026, 6, 1));
    }

    /** Enough silent testimonies in the period that quotes may be printed at all. */
    private static List<CountedTestimony> background(int n) {
        List<CountedTestimony> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(Testimonies.testimony("bg" + i, "q1=2026-02 q2=mh"));
        }
        return all;
    }

    private List<String> quotes(List<CountedTestimony> testimonies) {
        return reporting.report(testimonies, H1, ReportingTest.HEAD, true, Map.of()).quotes();
    }

    @Test
    void aConsentedAndRedactedAnswerIsQuotedAsTheModeratorLeftIt() {
        List<CountedTestimony> all = background(10);
        all.add(saying("t1", "aggregate,quote", "पुलिस रात में आई", true, "2026-02"));

        assertThat(quotes(all)).containsExactly("पुलिस रात में आई");
    }

    @Test
    void anAnswerWhoseAuthorDidNotConsentToQuotesIsLeftOut() {
        List<CountedTestimony> all = background(10);
        all.add(saying("t1", "aggregate", "they took our phones", true, "2026-02"));

        assertThat(quotes(all)).isEmpty();
    }

    @Test
    void aConsentedAnswerNoModeratorRedactedIsLeftOut() {
        List<CountedTestimony> all = background(10);
        all.add(saying("t1", "aggregate,quote", "they took our phones", false, "2026-02"));

        assertThat(quotes(all)).isEmpty();
    }

    @Test
    void aQuoteFromOutsideThePeriodIsLeftOut() {
        List<CountedTestimony> all = background(10);
        all.add(saying("t1", "aggregate,quote", "they took our phones", true, "2026-08"));

        assertThat(quotes(all)).isEmpty();
    }

    @Test
    void noQuoteWhenThePeriodHasFewerTestimoniesThanAPublishedCountNeeds() {
        List<CountedTestimony> all = background(2);
        all.add(saying("t1", "aggregate,quote", "they took our phones", true, "2026-02"));
        assertThat(all).hasSizeLessThan(SuppressionRules.defaults().minimumCount());

        assertThat(quotes(all)).isEmpty();
    }

    @Test
    void atMostSixQuotesOrderedByTheirTextNotByArrival() {
        List<CountedTestimony> all = background(10);
        for (int i = 9; i >= 0; i--) {
            all.add(saying("t" + i, "aggregate,quote", "words " + i, true, "2026-02"));
        }

        assertThat(quotes(all)).containsExactly("words 0", "words 1", "words 2", "words 3", "words 4", "words 5");
    }
}
