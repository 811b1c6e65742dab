package org.gawahi.bot.reports;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.gawahi.config.questionnaire.Indicator;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.reports.CellKey;
import org.gawahi.storage.reports.Figure;
import org.gawahi.storage.reports.Report;

/**
 * The report as JSON ({@code "format": "gawahi-report/1"}): the method note, every indicator
 * with its safeguards, its published figures (null where not printed), and the suppression
 * pattern to pass back with {@code report --previous} when the period is reported again.
 */
final class JsonReport {
    static final String FORMAT = "gawahi-report/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static byte[] render(Report report, Wording words, Questionnaire questionnaire) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("title", words.message("title"));
        root.put("rehearsal", report.rehearsal());
        root.put("provisional", report.provisional());
        root.put("left_out", Map.of("unreadable", report.leftOut().unreadable(),
                "not_authentic", report.leftOut().notAuthentic()));
        root.put("language", words.language());
        root.put("questionnaire", questionnaire.id() + " v" + questionnaire.version());
        root.put("period", Map.of("from", report.period().fromLabel(), "to", report.period().toLabel(),
                "by", report.period().granularity().name().toLowerCase(java.util.Locale.ROOT)));
        root.put("made_on", report.madeOn().toString());
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("testimonies", words.cell(report.testimonies()));
        method.put("events", words.cell(report.events()));
        method.put("events_linked", !report.ownEvents());
        method.put("districts_shown", report.districts());
        method.put("minimum_count", report.rules().minimumCount());
        method.put("minimum_sensitive_count", report.rules().minimumSensitiveCount());
        method.put("minimum_denominator", report.rules().minimumDenominator());
        method.put("notes", words.method(report));
        root.put("method", method);
        root.put("audit_head", Map.of("seq", report.auditHead().seq(), "hash", report.auditHead().hash()));
        root.put("nothing_to_publish", report.nothingToPublish());
        List<Map<String, Object>> figures = new ArrayList<>();
        Map<String, List<Map<String, Object>>> linesByIndicator = new LinkedHashMap<>();
        for (ReportLines.Line line : ReportLines.of(report, words)) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("area", line.area());
            l.put("area_name", words.area(line.area()));
            l.put("period", line.period());
            l.put("count", line.count().isPresent() ? line.count().getAsLong() : null);
            if (line.figure().indicator().isShare()) {
                l.put("denominator", line.denominator().isPresent() ? line.denominator().getAsLong() : null);
                l.put("percent", line.percent().orElse(null));
            }
            if (!line.note().isEmpty()) {
                l.put("note", line.note());
            }
            linesByIndicator.computeIfAbsent(line.figure().indicator().id(), k -> new ArrayList<>()).add(l);
        }
        for (Figure figure : report.figures()) {
            Indicator indicator = figure.indicator();
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", indicator.id());
            f.put("label", words.label(indicator));
            if (indicator.isShare()) {
                f.put("denominator_label", words.denominator(indicator));
            }
            f.put("unit", indicator.unit().yamlName());
            f.put("population", indicator.population().yamlName());
            f.put("sensitive", indicator.sensitive());
            List<Map<String, String>> safeguards = new ArrayList<>();
            for (String id : indicator.safeguards()) {
                safeguards.add(Map.of("id", id, "citation", questionnaire.indicators().safeguard(id).citation(),
                        "requires", words.safeguard(id)));
            }
            f.put("safeguards", safeguards);
            f.put("nothing_to_publish", figure.nothingToPublish());
            f.put("figures", linesByIndicator.getOrDefault(indicator.id(), List.of()));
            figures.add(f);
        }
        root.put("indicators", figures);
        Map<String, List<List<String>>> pattern = new LinkedHashMap<>();
        for (Map.Entry<String, Set<CellKey>> e : report.suppressionPattern().entrySet()) {
            pattern.put(e.getKey(), e.getValue().stream().map(k -> List.of(k.row(), k.column())).toList());
        }
        root.put("suppression_pattern", pattern);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the report as JSON", e);
        }
    }

    /** Reads the suppression pattern back from an earlier report's JSON. */
    static Map<String, Set<CellKey>> pattern(byte[] json) {
        try {
            Map<?, ?> root = JSON.readValue(json, Map.class);
            if (!FORMAT.equals(root.get("format")) || !(root.get("suppression_pattern") instanceof Map<?, ?> p)) {
                throw new IllegalArgumentException("not a Gawahi JSON report");
            }
            Map<String, Set<CellKey>> pattern = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : p.entrySet()) {
                Set<CellKey> keys = new java.util.LinkedHashSet<>();
                for (Object pair : (List<?>) e.getValue()) {
                    List<?> rc = (List<?>) pair;
                    keys.add(new CellKey(String.valueOf(rc.get(0)), String.valueOf(rc.get(1))));
                }
                pattern.put(String.valueOf(e.getKey()), keys);
            }
            return pattern;
        } catch (java.io.IOException | ClassCastException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a Gawahi JSON report");
        }
    }
}
