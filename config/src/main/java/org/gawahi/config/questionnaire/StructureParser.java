package org.gawahi.config.questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/** Turns questionnaire.yaml into records, reporting malformed fields as it goes. */
final class StructureParser {
    private static final Set<String> ROOT_FIELDS = Set.of("id", "version", "languages", "default_language", "sections");
    private static final Set<String> SECTION_FIELDS = Set.of("id", "questions");
    private static final Set<String> QUESTION_FIELDS = Set.of("id", "kind", "skip", "dont_know", "sensitive", "show_if",
            "options", "years_back", "max_length");
    private static final Set<String> OPTION_FIELDS = Set.of("id", "tags", "urgent", "exclusive", "locked", "action",
            "message", "show_if", "min", "max", "contact_in_bot");
    private static final Set<String> CONDITION_FIELDS = Set.of("question", "any_of", "none_of", "all", "any", "answered");
    static final int DEFAULT_YEARS_BACK = 10;

    record Structure(String id, int version, List<String> languages, String defaultLanguage, List<Section> sections) {
    }

    private final Problems problems;

    StructureParser(Problems problems) {
        this.problems = problems;
    }

    Structure parse(YamlNode root) {
        root.allowOnly(ROOT_FIELDS);
        String id = root.id("id");
        OptionalInt version = root.optInt("version");
        if (version.isEmpty() && root.child("version").isEmpty()) { // absent, or "version:" without a value
            problems.add(root.file(), "version", "missing");
        } else if (version.isPresent() && version.getAsInt() < 1) {
            problems.add(root.file(), "version", "must be 1 or more");
        }
        List<String> languages = root.stringList("languages");
        if (languages.isEmpty()) {
            problems.add(root.file(), "languages", "list at least one language");
        }
        if (new LinkedHashSet<>(languages).size() != languages.size()) {
            problems.add(root.file(), "languages", "a language is listed twice");
        }
        String defaultLanguage = root.string("default_language");
        if (!defaultLanguage.isEmpty() && !languages.contains(defaultLanguage)) {
            problems.add(root.file(), "default_language", "'" + defaultLanguage + "' is not in languages");
        }
        List<Section> sections = new ArrayList<>();
        List<YamlNode> sectionNodes = root.list("sections");
        if (sectionNodes.isEmpty()) {
            problems.add(root.file(), "sections", "the questionnaire has no sections");
        }
        for (YamlNode s : sectionNodes) {
            s.allowOnly(SECTION_FIELDS);
            String sectionId = s.id("id");
            List<Question> questions = new ArrayList<>();
            List<YamlNode> questionNodes = s.list("questions");
            if (questionNodes.isEmpty()) {
                s.problem("the section has no questions");
            }
            for (YamlNode q : questionNodes) {
                questions.add(question(q, sectionId));
            }
            sections.add(new Section(sectionId, questions));
        }
        return new Structure(id, version.orElse(1), languages, defaultLanguage, sections);
    }

    private Question question(YamlNode q, String sectionId) {
        q.allowOnly(QUESTION_FIELDS);
        String id = q.id("id");
        String kindName = q.string("kind");
        QuestionKind kind = QuestionKind.fromYaml(kindName).orElse(QuestionKind.INFO);
        if (!kindName.isEmpty() && QuestionKind.fromYaml(kindName).isEmpty()) {
            q.child("kind").ifPresent(n -> n.problem("unknown kind '" + kindName
                    + "' (single, multi, month_year, number_band, text, info)"));
        }
        List<Option> options = new ArrayList<>();
        for (YamlNode o : q.list("options")) {
            options.add(option(o));
        }
        int yearsBack = q.optInt("years_back").orElse(DEFAULT_YEARS_BACK);
        int maxLength = q.optInt("max_length").orElse(Question.MAX_TEXT_LENGTH);
        boolean asks = kind != QuestionKind.INFO;
        return new Question(id, sectionId, kind, q.bool("skip", asks), q.bool("dont_know", asks),
                q.bool("sensitive", false), q.child("show_if").map(this::condition), options, yearsBack, maxLength);
    }

    private Option option(YamlNode o) {
        o.allowOnly(OPTION_FIELDS);
        String actionName = o.optString("action").orElse("continue");
        OptionAction action = OptionAction.fromYaml(actionName).orElse(OptionAction.CONTINUE);
        if (OptionAction.fromYaml(actionName).isEmpty()) {
            o.child("action").ifPresent(n -> n.problem("unknown action '" + actionName
                    + "' (continue, pause, quick_exit, end, explain)"));
        }
        return new Option(o.id("id"), o.stringList("tags"), o.bool("urgent", false), o.bool("exclusive", false),
                o.bool("locked", false), action, o.optString("message"), o.child("show_if").map(this::condition),
                o.optInt("min"), o.optInt("max"), o.bool("contact_in_bot", false));
    }

    Condition condition(YamlNode c) {
        if (!c.isMap()) {
            c.problem("expected a condition: {question: ..., any_of: [...]}, {answered: ...}, {all: [...]} or {any: [...]}");
            return new Condition.All(List.of());
        }
        c.allowOnly(CONDITION_FIELDS);
        if (c.has("all") || c.has("any")) {
            String key = c.has("all") ? "all" : "any";
            List<Condition> parts = c.list(key).stream().map(this::condition).toList();
            if (parts.isEmpty()) {
                c.problem("'" + key + "' needs at least one condition");
            }
            return key.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
        }
        if (c.has("answered")) {
            if (c.keys().size() > 1) {
                c.problem("'answered' stands alone: {answered: q5}");
            }
            return new Condition.Answered(c.string("answered"));
        }
        String question = c.string("question");
        boolean anyOf = c.has("any_of");
        boolean noneOf = c.has("none_of");
        if (anyOf == noneOf) {
            c.problem("give exactly one of any_of or none_of");
        }
        List<String> options = c.stringList(anyOf ? "any_of" : "none_of");
        if ((anyOf || noneOf) && options.isEmpty()) {
            c.problem("name at least one option");
        }
        return anyOf ? new Condition.AnyOf(question, Set.copyOf(options)) : new Condition.NoneOf(question, Set.copyOf(options));
    }
}
