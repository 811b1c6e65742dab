package org.gawahi.bot.translations;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The texts of a questionnaire folder's message files ({@code text/<lang>.yaml}, and
 * {@code report/<lang>.yaml} where the folder has reports) as rows, one per text, in the
 * English file's order; and the rewriting of single texts in a file, which keeps every other
 * line (order, comments, quoting) as it was.
 */
public final class MessageFiles {
    /** The folders of message files, each with one file per language. */
    static final List<String> FOLDERS = List.of("text", "report");
    static final String REFERENCE = "en";
    /** Telegram cuts or refuses longer button labels; the import refuses them. */
    public static final int BUTTON_LIMIT = 64;
    /** What fits on a phone's button without being cut: the import warns above it. */
    public static final int BUTTON_ADVISED = 25;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Pattern HEADING = Pattern.compile("^\\s*#\\s*-{2,}\\s*(.*?)\\s*-{2,}\\s*$");

    /** One text in one language, with the English beside it. */
    public record Entry(String file, String key, String where, String english, Optional<String> current, boolean button) {
    }

    /** A scalar of a YAML file, by its dotted path, and where its value stands in the file. */
    private record Leaf(String value, ScalarNode node, int keyColumn) {
    }

    private MessageFiles() {
    }

    static String file(String folder, String language) {
        return folder + "/" + language + ".yaml";
    }

    /** Every text of {@code language}, in the order of the English files. */
    public static List<Entry> entries(QuestionnaireLoader.Source source, String language) {
        List<Entry> entries = new ArrayList<>();
        for (String folder : FOLDERS) {
            Optional<String> english = source.read(file(folder, REFERENCE));
            Optional<String> translated = source.read(file(folder, language));
            if (english.isEmpty() || translated.isEmpty()) {
                continue;
            }
            String englishFile = file(folder, REFERENCE);
            Map<String, Leaf> reference = leaves(englishFile, english.get());
            Map<String, Leaf> current = leaves(file(folder, language), translated.get());
            TreeMap<Integer, String> headings = headings(english.get());
            for (Map.Entry<String, Leaf> e : reference.entrySet()) {
                String key = e.getKey();
                if (key.equals("language")) {
                    continue;
                }
                Map.Entry<Integer, String> heading = headings.floorEntry(e.getValue().node().getStartMark().getLine());
                entries.add(new Entry(file(folder, language), key,
                        where(folder, key, heading == null ? "" : heading.getValue()), e.getValue().value(),
                        Optional.ofNullable(current.get(key)).map(Leaf::value), button(folder, key)));
            }
        }
        return entries;
    }

    /** The {placeholders} of a text, which every translation of it must keep. */
    public static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** Whether a text is the label of a Telegram button. */
    static boolean button(String folder, String key) {
        if (!folder.equals("text")) {
            return false;
        }
        return key.equals("language_name") || key.matches("questions\\.[^.]+\\.(short|options\\.[^.]+)")
                || key.startsWith("messages.button_") || key.matches("messages\\.month_\\d+");
    }

    private static String where(String folder, String key, String heading) {
        String[] p = key.split("\\.");
        if (folder.equals("report")) {
            return switch (p[0]) {
                case "indicators" -> key.endsWith(".denominator")
                        ? "Report: what the share of indicator '" + p[1] + "' is counted among"
                        : "Report: name of indicator '" + p[1] + "'";
                case "safeguards" -> "Report: what the rule '" + p[1] + "' requires";
                default -> "Report: " + (p.length > 1 ? "words '" + p[1] + "'" : key);
            };
        }
        String section = heading.isEmpty() ? "" : " (" + heading + ")";
        return switch (p[0]) {
            case "language_name" -> "Button: the name of this language in the language menu";
            case "sections" -> "Section title '" + p[1] + "'";
            case "questions" -> {
                if (p.length >= 3 && p[2].equals("text")) {
                    yield "Question " + p[1] + section + ": the question";
                } else if (p.length >= 3 && p[2].equals("short")) {
                    yield "Question " + p[1] + ": button on the 'check my answers' screen";
                } else if (p.length >= 4 && p[2].equals("options")) {
                    yield "Question " + p[1] + ": answer button '" + p[3] + "'";
                }
                yield "Question " + p[1];
            }
            case "messages" -> (button(folder, key) ? "Button" : "Message") + section;
            case "form" -> "The private form (Mini App): " + (key.equals("form.send_sealed") || key.equals("form.close")
                    ? "button" : "message");
            default -> key;
        };
    }

    /** "# ---- heading ----" comment lines of a file, by line (0-based). */
    private static TreeMap<Integer, String> headings(String content) {
        TreeMap<Integer, String> headings = new TreeMap<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = HEADING.matcher(lines[i]);
            if (m.matches()) {
                headings.put(i, m.group(1));
            }
        }
        return headings;
    }

    /** Every scalar of a file, by dotted path, in file order. */
    private static Map<String, Leaf> leaves(String file, String content) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(content));
        } catch (YAMLException e) {
            throw new TranslationException(file + " is not valid YAML (" + e.getMessage().lines().findFirst().orElse("")
                    + "); fix the file first.", e);
        }
        Map<String, Leaf> leaves = new LinkedHashMap<>();
        if (root != null) {
            walk(root, "", 0, leaves);
        }
        return leaves;
    }

    private static void walk(Node node, String path, int keyColumn, Map<String, Leaf> leaves) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    walk(t.getValueNode(), path.isEmpty() ? k.getValue() : path + "." + k.getValue(),
                            k.getStartMark().getColumn(), leaves);
                }
            }
        } else if (node instanceof ScalarNode s) {
            leaves.put(path, new Leaf(s.getValue(), s, keyColumn));
        }
    }

    /** The values of a file's texts by dotted path (for checking what was written). */
    static Map<String, String> values(String file, String content) {
        return leaves(file, content).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().value(), (a, b) -> b, LinkedHashMap::new));
    }

    /**
     * The file with the texts at {@code changes}' keys replaced, everything else (order,
     * comments, other texts' quoting) untouched. Checks its own work: the result must read
     * back as the old texts with exactly these changed.
     */
    static String rewrite(String file, String content, Map<String, String> changes) {
        Map<String, Leaf> leaves = leaves(file, content);
        record Span(int start, int end, String replacement) {
        }
        List<Span> spans = new ArrayList<>();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            Leaf leaf = leaves.get(change.getKey());
            if (leaf == null) {
                throw new TranslationException(file + " has no text '" + change.getKey() + "'.");
            }
            int start = content.offsetByCodePoints(0, leaf.node().getStartMark().getIndex());
            int end = content.offsetByCodePoints(0, leaf.node().getEndMark().getIndex());
            end = start + content.substring(start, end).stripTrailing().length();
            spans.add(new Span(start, end, render(change.getValue(), leaf.keyColumn())));
        }
        spans.sort((a, b) -> Integer.compare(b.start(), a.start()));
        StringBuilder out = new StringBuilder(content);
        for (Span s : spans) {
            out.replace(s.start(), s.end(), s.replacement());
        }
        String result = out.toString();
        Map<String, String> expected = values(file, content);
        expected.putAll(changes);
        if (!values(file, result).equals(expected)) {
            throw new IllegalStateException("rewriting " + file + " would change more than the reviewed texts");
        }
        return result;
    }

    /** A YAML scalar for {@code value}: a literal block for readable multi-line text, else double-quoted. */
    static String render(String value, int keyColumn) {
        if (value.contains("\n") && blockable(value)) {
            String indent = " ".repeat(keyColumn + 2);
            return "|-\n" + value.lines().map(l -> l.isEmpty() ? "" : indent + l).collect(Collectors.joining("\n"));
        }
        StringBuilder q = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        q.append(String.format("\\x%02x", c));
                    } else {
                        q.appendCodePoint(c);
                    }
                }
            }
        });
        return q.append('"').toString();
    }

    private static boolean blockable(String value) {
        if (value.startsWith(" ") || value.endsWith("\n") || value.startsWith("\n")) {
            return false;
        }
        for (String line : value.split("\n", -1)) {
            if (!line.equals(line.stripTrailing()) || line.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                return false;
            }
        }
        return true;
    }
}
