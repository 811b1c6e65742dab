package org.gawahi.bot.translations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawahi.config.questionnaire.QuestionnaireException;
import org.gawahi.config.questionnaire.QuestionnaireLoader;

/**
 * What a reviewer's rows change in a questionnaire's message files. Every changed row is
 * checked on its own (a text of this questionnaire, the English's {placeholders}, not too
 * long for a button); a row that fails is refused by its row number and the others are
 * kept, so one slip does not hold back a whole review. The new files must then read back as
 * exactly the intended texts and the questionnaire must still load and validate with them;
 * otherwise nothing is changed.
 */
public final class TranslationImport {
    private static final Pattern FILE = Pattern.compile("(text|report)/([a-z]{2,3})\\.yaml");

    /** One text a reviewer changed. */
    public record Change(int row, String file, String key, String old, String reviewed) {
    }

    /** A row that is not taken, with the reason in a sentence. */
    public record Refusal(int row, String key, String reason) {
    }

    /** The language, the changes, the refusals and warnings, and the rewritten files. */
    public record Plan(String language, List<Change> changes, List<Refusal> refusals, List<String> warnings,
                       List<String> notes, Map<String, String> files) {
    }

    private TranslationImport() {
    }

    /**
     * The changes {@code rows} make to the questionnaire read by {@code source}, with the
     * files as they would be written. Throws for input that is wrong as a whole.
     */
    public static Plan plan(QuestionnaireLoader.Source source, List<ReviewWorkbook.ReviewRow> rows) {
        List<String> languages;
        try {
            languages = QuestionnaireLoader.load(source).languages();
        } catch (QuestionnaireException e) {
            throw new TranslationException("The questionnaire does not load as it is, so no review can be imported "
                    + "into it: " + e.getMessage(), e);
        }
        String language = language(rows, languages);
        Map<String, MessageFiles.Entry> entries = new HashMap<>();
        for (MessageFiles.Entry e : MessageFiles.entries(source, language)) {
            entries.put(e.file() + " " + e.key(), e);
        }
        List<Change> changes = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ReviewWorkbook.ReviewRow row : rows) {
            if (!row.notes().isEmpty()) {
                notes.add("Row " + row.number() + " (" + row.key() + "): " + row.notes().replace("\n", " "));
            }
            String reviewed = row.reviewed().replace("\r\n", "\n").replace('\r', '\n').strip();
            if (reviewed.isEmpty()) {
                continue;
            }
            MessageFiles.Entry entry = entries.get(row.file() + " " + row.key());
            if (entry == null) {
                refusals.add(new Refusal(row.number(), row.key(), "\"" + row.key() + "\" in " + row.file()
                        + " is not a text of this questionnaire; were the Key or File cells changed?"));
                continue;
            }
            if (!seen.add(row.file() + " " + row.key())) {
                refusals.add(new Refusal(row.number(), row.key(), "\"" + row.key() + "\" has a reviewer's version in an earlier "
                        + "row too; keep only one."));
                continue;
            }
            if (entry.current().isEmpty()) {
                refusals.add(new Refusal(row.number(), row.key(), row.file() + " has no text \"" + row.key()
                        + "\" yet to replace; add it to the file by hand."));
                continue;
            }
            if (reviewed.equals(entry.current().get())) {
                continue;
            }
            Set<String> wanted = MessageFiles.placeholders(entry.english());
            Set<String> found = MessageFiles.placeholders(reviewed);
            if (!wanted.equals(found)) {
                refusals.add(new Refusal(row.number(), row.key(), "the words in curly brackets must be the same as in the "
                        + "English " + braces(wanted) + ", but the reviewer's version has " + braces(found) + "."));
                continue;
            }
            int length = reviewed.codePointCount(0, reviewed.length());
            if (entry.button() && length > MessageFiles.BUTTON_LIMIT) {
                refusals.add(new Refusal(row.number(), row.key(), "a button label may be at most " + MessageFiles.BUTTON_LIMIT
                        + " characters; this one has " + length + "."));
                continue;
            }
            if (entry.button() && reviewed.contains("\n")) {
                refusals.add(new Refusal(row.number(), row.key(), "a button label must be one line."));
                continue;
            }
            if (entry.button() && length > MessageFiles.BUTTON_ADVISED) {
                warnings.add("Row " + row.number() + " (" + row.key() + "): a button of " + length + " characters "
                        + "may be cut on a phone; about " + MessageFiles.BUTTON_ADVISED + " fit.");
            }
            changes.add(new Change(row.number(), entry.file(), entry.key(), entry.current().get(), reviewed));
        }
        Map<String, String> files = rewrite(source, changes);
        return new Plan(language, List.copyOf(changes), List.copyOf(refusals), List.copyOf(warnings), List.copyOf(notes), files);
    }

    /** The language of the rows' files: one, shipped with the questionnaire, not the English. */
    private static String language(List<ReviewWorkbook.ReviewRow> rows, List<String> shipped) {
        Set<String> found = new LinkedHashSet<>();
        for (ReviewWorkbook.ReviewRow row : rows) {
            Matcher m = FILE.matcher(row.file());
            if (m.matches()) {
                found.add(m.group(2));
            }
        }
        if (found.isEmpty()) {
            throw new TranslationException("The sheet \"" + ReviewWorkbook.SHEET + "\" has no rows naming a message file "
                    + "(like text/mr.yaml) in its File column; nothing was changed.");
        }
        if (found.size() > 1) {
            throw new TranslationException("The sheet mixes the languages " + String.join(", ", found)
                    + "; review one language per workbook. Nothing was changed.");
        }
        String language = found.iterator().next();
        if (language.equals(MessageFiles.REFERENCE)) {
            throw new TranslationException("The English texts are the reference every translation is checked "
                    + "against; edit text/en.yaml itself. Nothing was changed.");
        }
        if (!shipped.contains(language)) {
            throw new TranslationException("The questionnaire has no language \"" + language + "\" (it has "
                    + String.join(", ", shipped) + "); nothing was changed.");
        }
        return language;
    }

    /** The changed files' new contents, checked: they read back right and the questionnaire loads. */
    private static Map<String, String> rewrite(QuestionnaireLoader.Source source, List<Change> changes) {
        Map<String, Map<String, String>> byFile = new TreeMap<>();
        for (Change c : changes) {
            byFile.computeIfAbsent(c.file(), f -> new LinkedHashMap<>()).put(c.key(), c.reviewed());
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> f : byFile.entrySet()) {
            String content = source.read(f.getKey()).orElseThrow();
            files.put(f.getKey(), MessageFiles.rewrite(f.getKey(), content, f.getValue()));
        }
        try {
            QuestionnaireLoader.load(name -> Optional.ofNullable(files.get(name)).or(() -> source.read(name)));
        } catch (QuestionnaireException e) {
            throw new TranslationException("With these changes the questionnaire would not load, so none was "
                    + "written: " + e.getMessage(), e);
        }
        return files;
    }

    private static String braces(Set<String> names) {
        return names.isEmpty() ? "(none)" : String.join(" ", names.stream().map(n -> "{" + n + "}").toList());
    }
}
