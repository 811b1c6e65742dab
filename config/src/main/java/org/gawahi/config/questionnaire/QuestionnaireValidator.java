package org.gawahi.config.questionnaire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The rules a questionnaire must follow beyond being well-formed YAML (QUESTIONNAIRE.md). */
final class QuestionnaireValidator {
    /** Telegram's limit on callback_data. */
    static final int MAX_BUTTON_DATA_BYTES = 64;
    private static final String STRUCTURE = QuestionnaireLoader.STRUCTURE;

    private final Problems problems;

    QuestionnaireValidator(Problems problems) {
        this.problems = problems;
    }

    void validate(StructureParser.Structure structure, Map<String, Texts> texts) {
        Map<String, Integer> positions = new HashMap<>();
        Map<String, Question> byId = new HashMap<>();
        Set<String> sectionIds = new HashSet<>();
        int position = 0;
        for (int s = 0; s < structure.sections().size(); s++) {
            Section section = structure.sections().get(s);
            if (!section.id().isEmpty() && !sectionIds.add(section.id())) {
                problems.add(STRUCTURE, "sections[" + s + "].id", "duplicate section id '" + section.id() + "'");
            }
            for (int q = 0; q < section.questions().size(); q++) {
                Question question = section.questions().get(q);
                String path = "sections[" + s + "].questions[" + q + "]";
                if (!question.id().isEmpty() && byId.putIfAbsent(question.id(), question) != null) {
                    problems.add(STRUCTURE, path + ".id", "duplicate question id '" + question.id() + "'");
                } else {
                    positions.put(question.id(), position);
                }
                position++;
            }
        }
        Texts reference = referenceTexts(structure, texts);
        for (int s = 0; s < structure.sections().size(); s++) {
            List<Question> questions = structure.sections().get(s).questions();
            for (int q = 0; q < questions.size(); q++) {
                checkQuestion("sections[" + s + "].questions[" + q + "]", questions.get(q), positions, byId, reference);
            }
        }
        checkCycles(structure, byId);
        for (Texts t : texts.values()) {
            checkTexts(structure, t, reference);
        }
    }

    private static Texts referenceTexts(StructureParser.Structure structure, Map<String, Texts> texts) {
        if (texts.containsKey("en")) {
            return texts.get("en");
        }
        return texts.getOrDefault(structure.defaultLanguage(), texts.values().stream().findFirst().orElse(null));
    }

    private void checkQuestion(String path, Question question, Map<String, Integer> positions,
                               Map<String, Question> byId, Texts reference) {
        QuestionKind kind = question.kind();
        if (kind.hasOptions() && question.options().isEmpty()) {
            problems.add(STRUCTURE, path + ".options", "a " + kind.yamlName() + " question needs options; the list is empty");
        }
        if (!kind.hasOptions() && !question.options().isEmpty()) {
            problems.add(STRUCTURE, path + ".options", "a " + kind.yamlName() + " question takes no options");
        }
        if (question.yearsBack() < 0 || question.yearsBack() > 50) {
            problems.add(STRUCTURE, path + ".years_back", "must be between 0 and 50");
        }
        if (question.maxLength() < 1 || question.maxLength() > Question.MAX_TEXT_LENGTH) {
            problems.add(STRUCTURE, path + ".max_length", "must be between 1 and " + Question.MAX_TEXT_LENGTH);
        }
        int here = positions.getOrDefault(question.id(), -1);
        question.showIf().ifPresent(c -> checkCondition(path + ".show_if", c, question.id(), here, positions, byId));
        Set<String> optionIds = new HashSet<>();
        for (int o = 0; o < question.options().size(); o++) {
            Option option = question.options().get(o);
            String optionPath = path + ".options[" + o + "]";
            if (!option.id().isEmpty() && !optionIds.add(option.id())) {
                problems.add(STRUCTURE, optionPath + ".id", "duplicate option id '" + option.id() + "' in question " + question.id());
            }
            int bytes = buttonData(question.id(), option.id()).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_BUTTON_DATA_BYTES) {
                problems.add(STRUCTURE, optionPath + ".id", "button data for '" + option.id() + "' would be " + bytes
                        + " bytes; Telegram allows " + MAX_BUTTON_DATA_BYTES + ": shorten the question or option id");
            }
            checkOption(optionPath, question, option, reference);
            option.showIf().ifPresent(c -> checkCondition(optionPath + ".show_if", c, question.id(), here, positions, byId));
        }
        if (kind == QuestionKind.NUMBER_BAND) {
            checkBands(path, question);
        }
    }

    /** The callback data the engine puts on an answer button. */
    static String buttonData(String questionId, String optionId) {
        return "a:" + questionId + ":" + optionId;
    }

    private void checkOption(String path, Question question, Option option, Texts reference) {
        if ((option.exclusive() || option.locked()) && question.kind() != QuestionKind.MULTI) {
            problems.add(STRUCTURE, path, "exclusive and locked apply only to multi questions");
        }
        if (option.exclusive() && option.locked()) {
            problems.add(STRUCTURE, path, "an option cannot be both exclusive and locked");
        }
        if (option.action() != OptionAction.CONTINUE && question.kind() != QuestionKind.SINGLE) {
            problems.add(STRUCTURE, path + ".action", "actions apply only to single questions");
        }
        if (option.action().needsMessage()) {
            if (option.message().isEmpty()) {
                problems.add(STRUCTURE, path + ".message", "action needs a message");
            } else if (reference != null && !reference.hasMessage(option.message().get())) {
                problems.add(STRUCTURE, path + ".message", "no message '" + option.message().get() + "' in the texts");
            }
        }
        if (option.contactInBot() && question.kind() != QuestionKind.SINGLE && question.kind() != QuestionKind.MULTI) {
            problems.add(STRUCTURE, path + ".contact_in_bot", "contact_in_bot applies only to single and multi questions");
        }
        if (option.contactInBot() && reference != null && !reference.hasMessage(Questionnaire.CONTACT_MESSAGE)) {
            problems.add(STRUCTURE, path + ".contact_in_bot", "needs the message '" + Questionnaire.CONTACT_MESSAGE
                    + "' in the texts (the line above a moderator's message to her)");
        }
        if (question.kind() != QuestionKind.NUMBER_BAND && (option.min().isPresent() || option.max().isPresent())) {
            problems.add(STRUCTURE, path, "min and max apply only to number_band questions");
        }
    }

    private void checkBands(String path, Question question) {
        List<Option> bands = question.options();
        for (int i = 0; i < bands.size(); i++) {
            Option band = bands.get(i);
            if (band.min().isEmpty()) {
                problems.add(STRUCTURE, path + ".options[" + i + "].min", "a number band needs min");
                continue;
            }
            if (band.max().isPresent() && band.max().getAsInt() < band.min().getAsInt()) {
                problems.add(STRUCTURE, path + ".options[" + i + "].max", "max is below min");
            }
            for (int j = 0; j < i; j++) {
                Option other = bands.get(j);
                if (other.min().isPresent() && overlaps(band, other)) {
                    problems.add(STRUCTURE, path + ".options[" + i + "]", "band overlaps '" + other.id() + "'");
                }
            }
        }
    }

    private static boolean overlaps(Option a, Option b) {
        long aMax = a.max().isPresent() ? a.max().getAsInt() : Long.MAX_VALUE;
        long bMax = b.max().isPresent() ? b.max().getAsInt() : Long.MAX_VALUE;
        return a.min().getAsInt() <= bMax && b.min().getAsInt() <= aMax;
    }

    private void checkCondition(String path, Condition condition, String owner, int ownerPosition,
                                Map<String, Integer> positions, Map<String, Question> byId) {
        if (condition instanceof Condition.All all) {
            for (int i = 0; i < all.conditions().size(); i++) {
                checkCondition(path + ".all[" + i + "]", all.conditions().get(i), owner, ownerPosition, positions, byId);
            }
        } else if (condition instanceof Condition.Any any) {
            for (int i = 0; i < any.conditions().size(); i++) {
                checkCondition(path + ".any[" + i + "]", any.conditions().get(i), owner, ownerPosition, positions, byId);
            }
        } else if (condition instanceof Condition.AnyOf a) {
            checkReference(path, "question", a.question(), a.options(), owner, ownerPosition, positions, byId);
        } else if (condition instanceof Condition.NoneOf n) {
            checkReference(path, "question", n.question(), n.options(), owner, ownerPosition, positions, byId);
        } else if (condition instanceof Condition.Answered a) {
            checkReference(path, "answered", a.question(), Set.of(), owner, ownerPosition, positions, byId);
        }
    }

    private void checkReference(String path, String field, String target, Set<String> options, String owner, int ownerPosition,
                                Map<String, Integer> positions, Map<String, Question> byId) {
        if (target.isEmpty()) {
            return; // already reported as missing
        }
        Question referenced = byId.get(target);
        if (referenced == null) {
            problems.add(STRUCTURE, path + "." + field, "unknown question '" + target + "'");
            return;
        }
        if (target.equals(owner)) {
            problems.add(STRUCTURE, path + "." + field, "a question cannot depend on itself");
            return;
        }
        if (positions.getOrDefault(target, -1) > ownerPosition) {
            problems.add(STRUCTURE, path + "." + field, "'" + target + "' comes later; a condition can only look at earlier questions");
        }
        for (String option : new TreeSet<>(options)) {
            if (referenced.option(option).isEmpty()) {
                problems.add(STRUCTURE, path, "question '" + target + "' has no option '" + option + "'");
            }
        }
    }

    /** Conditions must not depend on each other in a circle (a question would never be decidable). */
    private void checkCycles(StructureParser.Structure structure, Map<String, Question> byId) {
        Map<String, Set<String>> edges = new HashMap<>();
        for (Question q : byId.values()) {
            Set<String> targets = new HashSet<>();
            q.showIf().ifPresent(c -> targets.addAll(c.questions()));
            q.options().forEach(o -> o.showIf().ifPresent(c -> targets.addAll(c.questions())));
            targets.retainAll(byId.keySet());
            targets.remove(q.id());
            edges.put(q.id(), targets);
        }
        Set<String> done = new HashSet<>();
        for (Section section : structure.sections()) {
            for (Question q : section.questions()) {
                List<String> trail = new ArrayList<>();
                Optional<List<String>> cycle = findCycle(q.id(), edges, trail, new HashSet<>(), done);
                if (cycle.isPresent()) {
                    problems.add(STRUCTURE, "", "show_if conditions form a cycle: " + String.join(" -> ", cycle.get()));
                    return;
                }
            }
        }
    }

    private static Optional<List<String>> findCycle(String node, Map<String, Set<String>> edges, List<String> trail,
                                                    Set<String> onTrail, Set<String> done) {
        if (onTrail.contains(node)) {
            List<String> cycle = new ArrayList<>(trail.subList(trail.indexOf(node), trail.size()));
            cycle.add(node);
            return Optional.of(cycle);
        }
        if (!done.add(node)) {
            return Optional.empty();
        }
        trail.add(node);
        onTrail.add(node);
        for (String next : new TreeSet<>(edges.getOrDefault(node, Set.of()))) {
            Optional<List<String>> cycle = findCycle(next, edges, trail, onTrail, done);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        trail.remove(trail.size() - 1);
        onTrail.remove(node);
        return Optional.empty();
    }

    /** Every word in every language: nothing missing, nothing unknown, the same placeholders. */
    private void checkTexts(StructureParser.Structure structure, Texts texts, Texts reference) {
        String file = "text/" + texts.language() + ".yaml";
        Set<String> known = new HashSet<>();
        for (Section section : structure.sections()) {
            if (texts.sectionTitles().get(section.id()) == null) {
                problems.add(file, "sections." + section.id(), "missing translation");
            }
            for (Question q : section.questions()) {
                known.add(q.id());
                Texts.QuestionText qt = texts.questions().get(q.id());
                if (qt == null) {
                    problems.add(file, "questions." + q.id(), "missing translation");
                    continue;
                }
                for (Option o : q.options()) {
                    if (!qt.options().containsKey(o.id())) {
                        problems.add(file, "questions." + q.id() + ".options." + o.id(), "missing translation");
                    }
                }
                for (String label : qt.options().keySet()) {
                    if (q.option(label).isEmpty()) {
                        problems.add(file, "questions." + q.id() + ".options." + label, "no such option in questionnaire.yaml");
                    }
                }
            }
        }
        for (String qid : texts.questions().keySet()) {
            if (!known.contains(qid)) {
                problems.add(file, "questions." + qid, "no such question in questionnaire.yaml");
            }
        }
        Set<String> sectionIds = new HashSet<>();
        structure.sections().forEach(s -> sectionIds.add(s.id()));
        for (String sid : texts.sectionTitles().keySet()) {
            if (!sectionIds.contains(sid)) {
                problems.add(file, "sections." + sid, "no such section in questionnaire.yaml");
            }
        }
        if (reference == null || reference == texts) {
            return;
        }
        String referenceFile = "text/" + reference.language() + ".yaml";
        TranslatedMessages.compare(problems, file, texts.messages(), referenceFile, reference.messages());
    }

}
