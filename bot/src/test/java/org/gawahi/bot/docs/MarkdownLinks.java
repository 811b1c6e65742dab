package org.gawahi.bot.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the relative links of Markdown files that do not resolve inside one folder (the
 * repository): a missing file, a path that leaves the folder (such as {@code ../shared/...}), an
 * absolute path, or an anchor no heading of the target makes. Links to web addresses are left
 * alone; links inside code are not links.
 */
final class MarkdownLinks {
    private static final Pattern FENCE = Pattern.compile("(?ms)^ {0,3}(```|~~~).*?^ {0,3}\\1[^\\n]*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1)(?:[^\\n]|\\n(?![ \\t]*\\n)))+?\\1");
    private static final Pattern INLINE = Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern HEADING = Pattern.compile("(?m)^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern EXTERNAL = Pattern.compile("(?i)^(https?:|mailto:|tel:)");

    private final Path root;

    MarkdownLinks(Path root) {
        this.root = Objects.requireNonNull(root).toAbsolutePath().normalize();
    }

    /** One line per broken link: {@code file:line: target: why}. */
    List<String> brokenLinksIn(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String text = withoutCode(read(absolute));
        List<String> broken = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE, REFERENCE)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                String why = problemWith(absolute, target);
                if (why != null) {
                    broken.add(root.relativize(absolute) + ":" + lineOf(text, m.start()) + ": " + target + ": " + why);
                }
            }
        }
        return broken;
    }

    private String problemWith(Path from, String target) {
        if (EXTERNAL.matcher(target).find()) {
            return null;
        }
        if (target.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            return "a scheme that is neither a web address nor a file in the repository";
        }
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        if (pathPart.startsWith("/")) {
            return "an absolute path, which does not resolve in a clone";
        }
        Path resolved = pathPart.isEmpty() ? from : from.getParent().resolve(decode(pathPart)).normalize();
        if (!resolved.startsWith(root)) {
            return "leaves the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file in the repository";
        }
        if (anchor != null && !anchor.isEmpty()) {
            if (!resolved.toString().endsWith(".md") || Files.isDirectory(resolved)) {
                return "an anchor into something that is not a Markdown file";
            }
            if (!headingAnchors(read(resolved)).contains(anchor.toLowerCase(Locale.ROOT))) {
                return "no heading makes the anchor #" + anchor;
            }
        }
        return null;
    }

    /** The anchors GitHub makes from headings: lower case, punctuation dropped, spaces to hyphens. */
    static List<String> headingAnchors(String markdown) {
        List<String> anchors = new ArrayList<>();
        Matcher m = HEADING.matcher(withoutCode(markdown));
        while (m.find()) {
            String slug = m.group(1).toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
                    .replace(' ', '-');
            String unique = slug;
            for (int n = 1; anchors.contains(unique); n++) {
                unique = slug + "-" + n;
            }
            anchors.add(unique);
        }
        return anchors;
    }

    /** Code blocks and code spans blanked (same length, same lines), so their text is no link. */
    private static String withoutCode(String markdown) {
        return blank(CODE_SPAN, blank(FENCE, markdown));
    }

    private static String blank(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", " ")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String path) {
        return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
