package org.gawahi.config.questionnaire;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of {@code indicators.yaml} and {@code report/<lang>.yaml} beyond well-formed
 * YAML (QUESTIONNAIRE.md, "What the validator refuses"), each problem with file, path and
 * reason.
 */
final class IndicatorsValidator {
    private static final String FILE = IndicatorsParser.FILE;

    private final Problems problems;
    private final Map<String, Question> questions;

    IndicatorsValidator(Problems problems, List<Section> sections) {
        this.problems = problems;
        this.questions = new java.util.HashMap<>();
        sections.forEach(s -> s.questions().forEach(q -> questions.putIfAbsent(q.id(), q)));
    }

    void validate(IndicatorsParser.Parsed parsed, Map<String, ReportTexts> texts) {
        checkCounting(parsed.counting());
        Set<String> safeguardIds = new HashSet<>();
        for (int s = 0; s < parsed.safeguards().size(); s++) {
            Safeguard safeguard = parsed.safeguards().get(s);
            if (!safeguard.id().isEmpty() && !safeguardIds.add(safeguard.id())) {
                problems.add(FILE, "safeguards[" + s + "].id", "duplicate safeguard id '" + safeguard.id() + "'");
            }
        }
        Set<String> indicatorIds = new HashSet<>();
        for (int i = 0; i < parsed.indicators().size(); i++) {
            Indicator indicator = parsed.indicators().get(i);
            String path = "indicators[" + i + "]";
            if (!indicator.id().isEmpty() && !indicatorIds.add(indicator.id())) {
                problems.add(FILE, path + ".id", "duplicate indicator id '" + indicator.id() + "'");
            }
            checkIndicator(path, indicator, safeguardIds);
        }
        ReportTexts english = texts.get(Indicators.REQUIRED_LANGUAGE);
        if (english == null) {
            problems.add(IndicatorsParser.textFile(Indicators.REQUIRED_LANGUAGE), "",
                    "file not found: reports need English words for every indicator");
        }
        for (ReportTexts t : texts.values()) {
            checkTexts(t, parsed, english);
        }
    }

    private void checkCounting(Counting counting) {
        checkCondition("counting.consent", counting.consent());
        checkCondition("counting.first_hand", counting.firstHand());
        checkCondition("counting.quote_consent", counting.quoteConsent());
        checkKind("counting.date", counting.date(), QuestionKind.MONTH_YEAR);
        checkKind("counting.state", counting.state(), QuestionKind.SINGLE);
        checkKind("counting.district", counting.district(), QuestionKind.SINGLE);
    }

    private void checkKind(String path, String questionId, QuestionKind kind) {
        if (questionId.isEmpty()) {
            return; // reported as missing
        }
        Question q = questions.get(questionId);
        if (q == null) {
            problems.add(FILE, path, "unknown question '" + questionId + "'");
        } else if (q.kind() != kind) {
            problems.add(FILE, path, "'" + questionId + "' is a " + q.kind().yamlName() + " question; this needs a "
                    + kind.yamlName() + " one");
        }
    }

    private void checkIndicator(String path, Indicator indicator, Set<String> safeguardIds) {
        indicator.numerator().ifPresent(c -> checkCondition(path + ".numerator", c));
        indicator.denominator().ifPresent(c -> checkCondition(path + ".denominator", c));
        if (indicator.isShare() && indicator.numerator().isEmpty()) {
            problems.add(FILE, path + ".numerator", "a share (with a denominator) needs a numerator");
        }
        if (indicator.unit() != Indicator.Unit.RAIDS && indicator.population() != Indicator.Population.FIRST_HAND) {
            problems.add(FILE, path + ".population", "an indicator about persons (unit " + indicator.unit().yamlName()
                    + ") counts first-hand testimonies only: use first_hand");
        }
        if (indicator.sensitive() && indicator.finestArea() == Indicator.AreaLevel.DISTRICT) {
            problems.add(FILE, path + ".finest_area", "a sensitive indicator is published by state at the finest "
                    + "(research §7): use state");
        }
        if (indicator.safeguards().isEmpty()) {
            problems.add(FILE, path + ".safeguards", "name at least one safeguard the indicator speaks to");
        }
        for (int s = 0; s < indicator.safeguards().size(); s++) {
            String id = indicator.safeguards().get(s);
            if (!safeguardIds.contains(id)) {
                problems.add(FILE, path + ".safeguards[" + s + "]", "unknown safeguard '" + id + "'");
            }
        }
    }

    private void checkCondition(String path, Condition condition) {
        if (condition instanceof Condition.All all) {
            for (int i = 0; i < all.conditions().size(); i++) {
                checkCondition(path + ".all[" + i + "]", all.conditions().get(i));
            }
        } else if (condition instanceof Condition.Any any) {
            for (int i = 0; i < any.conditions().size(); i++) {
                checkCondition(path + ".any[" + i + "]", any.conditions().get(i));
            }
        } else if (condition instanceof Condition.AnyOf a) {
            checkReference(path, "question", a.question(), a.options());
        } else if (condition instanceof Condition.NoneOf n) {
            checkReference(path, "question", n.question(), n.options());
        } else if (condition instanceof Condition.Answered a) {
            checkReference(path, "answered", a.question(), Set.of());
        }
    }

    private void checkReference(String path, String field, String questionId, Set<String> options) {
        if (questionId.isEmpty()) {
            return; // reported as missing
        }
        Question q = questions.get(questionId);
        if (q == null) {
            problems.add(FILE, path + "." + field, "unknown question '" + questionId + "'");
            return;
        }
        for (String option : new TreeSet<>(options)) {
            if (q.option(option).isEmpty()) {
                problems.add(FILE, path, "question '" + questionId + "' has no option '" + option + "'");
            }
        }
    }

    private void checkTexts(ReportTexts texts, IndicatorsParser.Parsed parsed, ReportTexts english) {
        String file = IndicatorsParser.textFile(texts.language());
        Set<String> known = new HashSet<>();
        for (Indicator indicator : parsed.indicators()) {
            known.add(indicator.id());
            ReportTexts.IndicatorText t = texts.indicators().get(indicator.id());
            if (t == null) {
                problems.add(file, "indicators." + indicator.id(), "missing translation");
            } else if (indicator.isShare() && t.denominator().isEmpty()) {
                problems.add(file, "indicators." + indicator.id() + ".denominator",
                        "missing: a share says what its denominator counts");
            } else if (!indicator.isShare() && t.denominator().isPresent()) {
                problems.add(file, "indicators." + indicator.id() + ".denominator",
                        "this indicator is a count and has no denominator");
            }
        }
        for (String id : texts.indicators().keySet()) {
            if (!known.contains(id)) {
                problems.add(file, "indicators." + id, "no such indicator in " + FILE);
            }
        }
        Set<String> safeguardIds = new HashSet<>();
        for (Safeguard s : parsed.safeguards()) {
            safeguardIds.add(s.id());
            if (!texts.safeguards().containsKey(s.id())) {
                problems.add(file, "safeguards." + s.id(), "missing translation");
            }
        }
        for (String id : texts.safeguards().keySet()) {
            if (!safeguardIds.contains(id)) {
                problems.add(file, "safeguards." + id, "no such safeguard in " + FILE);
            }
        }
        if (english == null || english == texts) {
            return;
        }
        String englishFile = IndicatorsParser.textFile(english.language());
        TranslatedMessages.compare(problems, file, texts.messages(), englishFile, english.messages());
    }

}
