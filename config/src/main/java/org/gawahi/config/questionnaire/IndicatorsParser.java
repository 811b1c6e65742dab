package org.gawahi.config.questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code indicators.yaml} and {@code report/<lang>.yaml} into records, reporting
 * malformed fields as it goes; {@link IndicatorsValidator} then checks what they refer to.
 */
final class IndicatorsParser {
    static final String FILE = "indicators.yaml";
    private static final Set<String> ROOT_FIELDS = Set.of("counting", "safeguards", "indicators");
    private static final Set<String> COUNTING_FIELDS = Set.of("consent", "first_hand", "quote_consent", "date", "state",
            "district");
    private static final Set<String> SAFEGUARD_FIELDS = Set.of("id", "citation");
    private static final Set<String> INDICATOR_FIELDS = Set.of("id", "unit", "population", "numerator", "denominator",
            "safeguards", "sensitive", "finest_area");
    private static final Set<String> TEXT_FIELDS = Set.of("language", "indicators", "safeguards", "messages");
    private static final Set<String> INDICATOR_TEXT_FIELDS = Set.of("label", "denominator");

    /** What indicators.yaml says, with the path of each indicator for later problems. */
    record Parsed(Counting counting, List<Safeguard> safeguards, List<Indicator> indicators) {
    }

    private final Problems problems;
    private final StructureParser conditions;

    IndicatorsParser(Problems problems) {
        this.problems = problems;
        this.conditions = new StructureParser(problems);
    }

    static String textFile(String language) {
        return "report/" + language + ".yaml";
    }

    Parsed parse(YamlNode root) {
        root.allowOnly(ROOT_FIELDS);
        Counting counting = counting(root);
        List<Safeguard> safeguards = new ArrayList<>();
        for (YamlNode s : root.list("safeguards")) {
            s.allowOnly(SAFEGUARD_FIELDS);
            safeguards.add(new Safeguard(s.id("id"), s.string("citation")));
        }
        List<Indicator> indicators = new ArrayList<>();
        List<YamlNode> nodes = root.list("indicators");
        if (nodes.isEmpty()) {
            problems.add(FILE, "indicators", "list at least one indicator");
        }
        for (YamlNode i : nodes) {
            indicators.add(indicator(i));
        }
        return new Parsed(counting, safeguards, indicators);
    }

    private Counting counting(YamlNode root) {
        Optional<YamlNode> node = root.child("counting");
        if (node.isEmpty()) {
            problems.add(FILE, "counting", "missing: say which questions hold consent, source, date, state and district");
            return new Counting(always(), always(), always(), "", "", "");
        }
        YamlNode c = node.get();
        c.allowOnly(COUNTING_FIELDS);
        return new Counting(required(c, "consent"), required(c, "first_hand"), required(c, "quote_consent"),
                c.id("date"), c.id("state"), c.id("district"));
    }

    private Indicator indicator(YamlNode i) {
        i.allowOnly(INDICATOR_FIELDS);
        String unitName = i.string("unit");
        Indicator.Unit unit = enumOf(Indicator.Unit.class, unitName, i, "unit", Indicator.Unit.TESTIMONIES);
        String populationName = i.string("population");
        Indicator.Population population = enumOf(Indicator.Population.class, populationName, i, "population",
                Indicator.Population.FIRST_HAND);
        boolean sensitive = i.bool("sensitive", false);
        Indicator.AreaLevel area = i.optString("finest_area")
                .map(a -> enumOf(Indicator.AreaLevel.class, a, i, "finest_area", Indicator.AreaLevel.STATE))
                .orElse(Indicator.AreaLevel.STATE);
        List<String> safeguards = i.stringList("safeguards");
        return new Indicator(i.id("id"), unit, population, i.child("numerator").map(conditions::condition),
                i.child("denominator").map(conditions::condition), safeguards, sensitive, area);
    }

    private Condition required(YamlNode parent, String key) {
        Optional<YamlNode> c = parent.child(key);
        if (c.isEmpty()) {
            problems.add(parent.file(), (parent.path().isEmpty() ? "" : parent.path() + ".") + key, "missing");
            return always();
        }
        return conditions.condition(c.get());
    }

    private static Condition always() {
        return new Condition.All(List.of());
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name, YamlNode node, String key, E fallback) {
        if (name.isEmpty()) {
            return fallback; // reported as missing
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase(java.util.Locale.ROOT));
        }
        node.child(key).ifPresent(n -> n.problem("unknown " + key.replace('_', ' ') + " '" + name + "' ("
                + String.join(", ", allowed) + ")"));
        return fallback;
    }

    /** Reads one report/<lang>.yaml; completeness is the validator's. */
    static ReportTexts texts(YamlNode root, String expectedLanguage) {
        root.allowOnly(TEXT_FIELDS);
        String language = root.string("language");
        if (!language.isEmpty() && !language.equals(expectedLanguage)) {
            root.child("language").ifPresent(n -> n.problem("says '" + language + "' but the file is for '"
                    + expectedLanguage + "'"));
        }
        Map<String, ReportTexts.IndicatorText> indicators = new LinkedHashMap<>();
        root.child("indicators").ifPresent(is -> {
            for (String id : is.keys()) {
                YamlNode t = is.child(id).orElse(null);
                if (t == null || !t.isMap()) {
                    is.problem("indicator '" + id + "' needs {label: ..., denominator: ...}");
                    continue;
                }
                t.allowOnly(INDICATOR_TEXT_FIELDS);
                indicators.put(id, new ReportTexts.IndicatorText(t.string("label"),
                        t.optString("denominator").filter(s -> !s.isBlank())));
            }
        });
        return new ReportTexts(expectedLanguage, indicators, root.stringMap("safeguards"), root.stringMap("messages"));
    }
}
