package org.gawahi.bot.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.storage.audit.AuditHead;
import org.gawahi.storage.reports.CountedTestimony;
import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.ReportPeriod;
import org.gawahi.storage.reports.Reporting;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.reports.Testimonies;
import org.junit.jupiter.api.Test;

/**
 * The method note says, in every report language, that everything published is remembered and
 * checked, and what the whole-group rule withholds; a provisional report says so beside its
 * period, which the PDF and every chart print, and first in its method note.
 */
class MethodNoteTest {
    private static final Questionnaire RAID = QuestionnaireLoader.loadDefault();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static Report report(String month) {
        Reporting reporting = new Reporting(RAID, SuppressionRules.of(5, 10, 20, 25),
                Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        List<CountedTestimony> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.add(Testimonies.testimony("t" + i, "q1=" + month + " q2=mh q5=night"));
        }
        return reporting.report(all, ReportPeriod.parse(month, month, ReportPeriod.Granularity.MONTH, TODAY),
                new AuditHead(1, "ab".repeat(32)), true, Map.of());
    }

    @Test
    void everyLanguageSaysTheHistoryAndTheWholeGroupRuleAndMarksAProvisionalPeriod() {
        Report over = report("2026-10");
        Report notOver = report("2026-11");
        assertThat(over.provisional()).isFalse();
        assertThat(notOver.provisional()).isTrue();
        for (String language : List.of("en", "hi", "mr")) {
            Wording words = Wording.of(RAID, language);
            assertThat(words.method(over)).as(language)
                    .contains(words.message("method_history", Map.of("min", "5", "min_sensitive", "10")))
                    .contains(words.message("method_whole_group", Map.of("group", "25")))
                    .doesNotContain(words.message("provisional"));
            assertThat(words.method(notOver).get(0)).as(language).isEqualTo(words.message("provisional"));
            assertThat(words.periodLine(notOver)).as(language).startsWith(words.message("provisional") + " · ");
            assertThat(words.periodLine(over)).as(language).doesNotContain(words.message("provisional"));
        }
        assertThat(Wording.of(RAID, "en").method(over)).anyMatch(l -> l.contains("fewer than 25 is not printed"))
                .anyMatch(l -> l.contains("no report is made rather than one published unchecked"));
    }
}
