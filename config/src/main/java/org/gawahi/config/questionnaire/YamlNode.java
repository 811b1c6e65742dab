package org.gawahi.config.questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A value read from YAML together with where it came from (file and path), so that every
 * problem can be reported as "text/mr.yaml: questions.q5.options.day: ...".
 */
final class YamlNode {
    static final Pattern ID = Pattern.compile("[a-z0-9_]+");

    private final String file;
    private final String path;
    private final Object value;
    private final Problems problems;

    private YamlNode(String file, String path, Object value, Problems problems) {
        this.file = file;
        this.path = path;
        this.value = value;
        this.problems = problems;
    }

    /** Parses a document; an unreadable one is reported and gives an empty map. */
    static YamlNode parse(String file, String content, Problems problems) {
        try {
            Object value = yaml().load(content);
            if (!(value instanceof Map)) {
                problems.add(file, "", "expected a mapping at the top of the file");
                value = Map.of();
            }
            return new YamlNode(file, "", value, problems);
        } catch (MarkedYAMLException e) {
            problems.add(file, "line " + (e.getProblemMark().getLine() + 1), "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            problems.add(file, "", "not valid YAML: " + e.getMessage());
        }
        return new YamlNode(file, "", Map.of(), problems);
    }

    /**
     * The document as plain maps, lists and scalars, read exactly as {@link #parse} reads it
     * (only true/false are booleans); for handing the questionnaire to another engine as JSON.
     */
    static Object tree(String content) {
        return yaml().load(content);
    }

    /**
     * YAML 1.1 reads {@code yes}, {@code no}, {@code on} and {@code off} as booleans, which
     * would silently turn option ids into {@code true}; only true and false are booleans here.
     */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Resolver resolver = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
                addImplicitResolver(Tag.INT, INT, "-+0123456789");
                addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
                addImplicitResolver(Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(Tag.NULL, EMPTY, null);
            }
        };
        return new Yaml(new SafeConstructor(options), new Representer(new org.yaml.snakeyaml.DumperOptions()),
                new org.yaml.snakeyaml.DumperOptions(), options, resolver);
    }

    String file() {
        return file;
    }

    String path() {
        return path;
    }

    void problem(String reason) {
        problems.add(file, path, reason);
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean isMap() {
        return value instanceof Map;
    }

    boolean has(String key) {
        return value instanceof Map<?, ?> m && m.containsKey(key);
    }

    /** Keys in file order; non-string keys (numbers) are read as their text. */
    List<String> keys() {
        if (!(value instanceof Map<?, ?> m)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        m.keySet().forEach(k -> keys.add(String.valueOf(k)));
        return keys;
    }

    Optional<YamlNode> child(String key) {
        if (!(value instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (String.valueOf(e.getKey()).equals(key)) {
                return e.getValue() == null ? Optional.empty()
                        : Optional.of(new YamlNode(file, childPath(key), e.getValue(), problems));
            }
        }
        return Optional.empty();
    }

    /** Reports keys that the format does not know, which are usually typos. */
    void allowOnly(Set<String> known) {
        for (String key : keys()) {
            if (!known.contains(key)) {
                problems.add(file, childPath(key), "unknown field (allowed: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    Optional<String> optString(String key) {
        Optional<YamlNode> c = child(key);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        Object v = c.get().value;
        if (v instanceof String || v instanceof Number) {
            return Optional.of(String.valueOf(v));
        }
        c.get().problem("expected a text");
        return Optional.empty();
    }

    String string(String key) {
        Optional<String> s = optString(key);
        if (!has(key)) {
            problems.add(file, childPath(key), "missing");
        } else if (s.isPresent() ? s.get().isBlank() : child(key).isEmpty()) {
            // child(key) is empty for a key written without a value ("why:"), which YAML reads as null
            problems.add(file, childPath(key), "empty");
        }
        return s.orElse("");
    }

    /** A required id matching [a-z0-9_]+. */
    String id(String key) {
        String id = string(key);
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            problems.add(file, childPath(key), "'" + id + "' is not a valid id (use a-z, 0-9 and _)");
        }
        return id;
    }

    boolean bool(String key, boolean fallback) {
        Optional<YamlNode> c = child(key);
        if (c.isEmpty()) {
            return fallback;
        }
        if (c.get().value instanceof Boolean b) {
            return b;
        }
        c.get().problem("expected true or false");
        return fallback;
    }

    OptionalInt optInt(String key) {
        Optional<YamlNode> c = child(key);
        if (c.isEmpty()) {
            return OptionalInt.empty();
        }
        if (c.get().value instanceof Integer i) {
            return OptionalInt.of(i);
        }
        c.get().problem("expected a whole number");
        return OptionalInt.empty();
    }

    /** The items of a list; a missing list is an empty one, anything else is reported. */
    List<YamlNode> list(String key) {
        Optional<YamlNode> c = child(key);
        if (c.isEmpty()) {
            return List.of();
        }
        if (!(c.get().value instanceof List<?> items)) {
            c.get().problem("expected a list");
            return List.of();
        }
        List<YamlNode> nodes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            nodes.add(new YamlNode(file, c.get().path + "[" + i + "]", items.get(i) == null ? Map.of() : items.get(i), problems));
        }
        return nodes;
    }

    List<String> stringList(String key) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : list(key)) {
            if (item.value instanceof String || item.value instanceof Number) {
                out.add(String.valueOf(item.value));
            } else {
                item.problem("expected a text");
            }
        }
        return out;
    }

    /** A map of plain texts (for messages, option labels, section titles). */
    Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        child(key).ifPresent(c -> {
            if (!c.isMap()) {
                c.problem("expected a mapping");
                return;
            }
            for (String k : c.keys()) {
                out.put(k, c.string(k));
            }
        });
        return out;
    }
}
