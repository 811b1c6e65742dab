package org.gawahi.bot.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.gawahi.config.questionnaire.Indicator;
import org.gawahi.storage.reports.Report;

/**
 * The report as CSV: a method note in {@code #} lines (period, rules, counts, audit head),
 * then one line per indicator, area and period. Columns are stable English ids for
 * spreadsheets and scripts; labels and notes are in the report's language.
 */
final class CsvReport {
    static final String HEADER = "indicator,label,unit,population,sensitive,safeguards,area,area_name,period,period_name,"
            + "count,denominator,percent,note";

    private CsvReport() {
    }

    static byte[] render(Report report, Wording words) {
        StringBuilder out = new StringBuilder();
        note(out, "title", words.message("title"));
        if (report.rehearsal()) {
            note(out, "rehearsal", words.message("rehearsal"));
        }
        if (report.provisional()) {
            note(out, "provisional", words.message("provisional"));
        }
        note(out, "period", report.period().fromLabel() + " to " + report.period().toLabel() + " by "
                + report.period().granularity().name().toLowerCase(java.util.Locale.ROOT));
        note(out, "made_on", report.madeOn().toString());
        note(out, "rules", "counts under " + report.rules().minimumCount() + " (under " + report.rules().minimumSensitiveCount()
                + " when sensitive) not printed, with complementary suppression; no percentage on fewer than "
                + report.rules().minimumDenominator() + " reports");
        note(out, "testimonies", words.cell(report.testimonies()));
        note(out, "events", words.cell(report.events()));
        note(out, "events_linked", report.ownEvents() ? "no: each testimony counts as its own raid" : "yes");
        for (String line : words.method(report)) {
            note(out, "method", line);
        }
        note(out, "audit_head", report.auditHead().seq() + " " + report.auditHead().hash());
        if (report.nothingToPublish()) {
            note(out, "nothing_publishable", words.message("nothing_publishable"));
        }
        out.append(HEADER).append('\n');
        for (ReportLines.Line line : ReportLines.of(report, words)) {
            Indicator indicator = line.figure().indicator();
            List<String> fields = List.of(indicator.id(), words.label(indicator), indicator.unit().yamlName(),
                    indicator.population().yamlName(), Boolean.toString(indicator.sensitive()),
                    String.join(" ", indicator.safeguards()), line.area(), words.area(line.area()), line.period(),
                    words.period(line.period()),
                    line.count().isPresent() ? Long.toString(line.count().getAsLong()) : "",
                    line.denominator().isPresent() ? Long.toString(line.denominator().getAsLong()) : "",
                    line.percent().map(String::valueOf).orElse(""), line.note());
            out.append(String.join(",", fields.stream().map(CsvReport::field).toList())).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void note(StringBuilder out, String key, String value) {
        out.append("# ").append(key).append(": ").append(value.replace('\n', ' ')).append('\n');
    }

    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.startsWith("#")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    /** Splits one CSV line (as written above) into its fields: for tests and verify tools. */
    static List<String> parse(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
