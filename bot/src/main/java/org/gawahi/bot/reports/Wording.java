package org.gawahi.bot.reports;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gawahi.config.questionnaire.Counting;
import org.gawahi.config.questionnaire.Indicator;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.ReportTexts;
import org.gawahi.config.questionnaire.Texts;
import org.gawahi.storage.reports.Cell;
import org.gawahi.storage.reports.CellKey;
import org.gawahi.storage.reports.Percentage;
import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.ReportPeriod;

/**
 * The words of one report in one language: names of areas and periods, how a count, a
 * share or a withheld figure reads. A suppressed cell reads the same whatever the reason,
 * since telling a small count from a complement would say which cells are small.
 */
final class Wording {
    /** Every message of report/<lang>.yaml the writers use; checked at start. */
    static final List<String> MESSAGES = List.of("title", "subtitle", "period", "period_by", "by_quarter", "by_month",
            "made_on", "method_title", "method_counted", "method_events", "method_first_hand", "method_children",
            "method_suppression", "method_areas", "method_unknown_period", "method_quotes", "audit_head", "signed_by",
            "nothing_publishable", "the_law", "all_areas", "whole_period", "unknown_period", "state_not_given",
            "other_districts", "not_printed", "not_printed_note", "fewer_reports", "fewer_cases", "withheld", "share",
            "count_of", "unit_raids", "unit_testimonies", "unit_children", "area", "figure", "quotes_title", "no_quotes",
            "chart_title", "chart_share_axis", "chart_count_axis", "contents", "rehearsal", "method_left_out",
            "provisional", "method_history", "method_whole_group", "period_not_over", "period_future", "period_invalid",
            "history_damaged");

    private final ReportTexts words;
    private final Texts answers;
    private final Counting counting;

    private Wording(ReportTexts words, Texts answers, Counting counting) {
        this.words = words;
        this.answers = answers;
        this.counting = counting;
    }

    /** The words of {@code language}; the questionnaire must have report words in it. */
    static Wording of(Questionnaire questionnaire, String language) {
        Objects.requireNonNull(language, "language");
        ReportTexts words = questionnaire.indicators().texts(language);
        Texts answers = questionnaire.supports(language) ? questionnaire.texts(language) : questionnaire.texts("en");
        return new Wording(words, answers, questionnaire.indicators().counting());
    }

    String language() {
        return words.language();
    }

    String message(String key) {
        return words.message(key);
    }

    String message(String key, Map<String, String> params) {
        return words.message(key, params);
    }

    String label(Indicator indicator) {
        return words.label(indicator.id());
    }

    String denominator(Indicator indicator) {
        return words.denominatorLabel(indicator.id());
    }

    String safeguard(String id) {
        return words.safeguard(id);
    }

    String unit(Indicator indicator) {
        return message("unit_" + indicator.unit().yamlName());
    }

    /** The name of a row: a state, a district, the rest of a state, or the total. */
    String area(String row) {
        if (row.equals(CellKey.TOTAL)) {
            return message("all_areas");
        }
        if (row.equals("not_given")) {
            return message("state_not_given");
        }
        int slash = row.indexOf('/');
        if (slash < 0) {
            return answers.optionLabel(counting.state(), row);
        }
        String state = answers.optionLabel(counting.state(), row.substring(0, slash));
        String district = row.substring(slash + 1);
        if (district.equals("rest")) {
            return message("other_districts", Map.of("state", state));
        }
        return answers.optionLabel(counting.district(), district) + " (" + state + ")";
    }

    String period(String column) {
        if (column.equals(CellKey.TOTAL)) {
            return message("whole_period");
        }
        if (column.equals(ReportPeriod.UNKNOWN)) {
            return message("unknown_period");
        }
        return column;
    }

    String cell(Cell cell) {
        return cell instanceof Cell.Count c ? Long.toString(c.value()) : message("not_printed");
    }

    String share(Percentage share) {
        if (share instanceof Percentage.Shown s) {
            return message("share", Map.of("percent", Long.toString(s.roundedPercent()), "n", Long.toString(s.denominator())));
        }
        return withheld((Percentage.Withheld) share);
    }

    String withheld(Percentage.Withheld w) {
        return switch (w.why()) {
            case FEW_REPORTS -> message("fewer_reports", Map.of("n", Integer.toString(w.minimum())));
            case FEW_CASES -> message("fewer_cases", Map.of("n", Integer.toString(w.minimum())));
            case SUPPRESSED -> message("withheld");
        };
    }

    String periodLine(Report report) {
        return (report.rehearsal() ? message("rehearsal") + " · " : "")
                + (report.provisional() ? message("provisional") + " · " : "") + message("period", Map.of("from", report.period().fromLabel(), "to", report.period().toLabel()))
                + " · " + message("period_by", Map.of("granularity", message(
                report.period().granularity() == ReportPeriod.Granularity.QUARTER ? "by_quarter" : "by_month")));
    }

    String auditLine(Report report) {
        return message("audit_head", Map.of("seq", Long.toString(report.auditHead().seq()), "hash", report.auditHead().hash()));
    }

    /** The paragraphs of the method note, in order. */
    List<String> method(Report report) {
        List<String> lines = new java.util.ArrayList<>();
        if (report.rehearsal()) {
            lines.add(message("rehearsal"));
        }
        if (report.provisional()) {
            lines.add(message("provisional"));
        }
        // An edited questionnaire from before rehearsals had their own line still has the rehearsal line above.
        boolean ownLine = report.rehearsal() && words.hasMessage("method_counted_rehearsal");
        lines.add(message(ownLine ? "method_counted_rehearsal" : "method_counted",
                Map.of("testimonies", cell(report.testimonies()), "events", cell(report.events()))));
        if (report.leftOut().any()) {
            lines.add(message("method_left_out", Map.of("unreadable", Integer.toString(report.leftOut().unreadable()),
                    "not_authentic", Integer.toString(report.leftOut().notAuthentic()))));
        }
        if (report.ownEvents()) {
            lines.add(message("method_events"));
        }
        lines.add(message("method_first_hand"));
        lines.add(message("method_children"));
        lines.add(message("method_suppression", Map.of("min", Integer.toString(report.rules().minimumCount()),
                "min_sensitive", Integer.toString(report.rules().minimumSensitiveCount()),
                "min_denominator", Integer.toString(report.rules().minimumDenominator()))));
        lines.add(message("method_history", Map.of("min", Integer.toString(report.rules().minimumCount()),
                "min_sensitive", Integer.toString(report.rules().minimumSensitiveCount()))));
        lines.add(message("method_whole_group", Map.of("group", Integer.toString(report.rules().minimumGroup()))));
        lines.add(message("method_areas"));
        lines.add(message("method_unknown_period", Map.of("unknown", message("unknown_period"))));
        lines.add(message("method_quotes"));
        return lines;
    }
}
