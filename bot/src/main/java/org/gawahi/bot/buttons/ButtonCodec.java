package org.gawahi.bot.buttons;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place button data is written and read. Data is parts joined by {@code :}; the first
 * part names the {@link Namespace}. Telegram's limit of 64 bytes is checked here, on writing
 * (a screen that would break it is a bug, and fails loudly) and on reading (longer data is
 * nobody's). Reading never throws: data of no namespace, or of the wrong shape, is empty.
 *
 * <p>Data of a desk's letter is that desk's even when malformed, so the desk refuses it in its
 * own words; the interview's data must be three parts, none empty.
 *
 * <p>The moderation desk wrote {@code m:...} before it had a letter of its own, and {@code m}
 * is also the interview's month button ({@code m:q1:3}). Review screens may still be on a
 * moderator's phone across the upgrade, so the old desk data are still read as the desk's, by
 * shape: a month is three parts ending in a month number, the desk's old data never are.
 */
public final class ButtonCodec {
    /** Telegram's limit on callback data. */
    public static final int MAX_BYTES = 64;
    private static final String SEPARATOR = ":";
    private static final String OLD_DESK_HEAD = "m";
    private static final Pattern MONTH_NUMBER = Pattern.compile("\\d{1,2}");
    /** The contact actions the desk wrote under {@code m:} before they had a namespace. */
    private static final List<String> OLD_CONTACT_ACTIONS = List.of("c", "x", "xx");
    private static final Map<String, Namespace> BY_HEAD = new HashMap<>();

    static {
        for (Namespace namespace : Namespace.values()) {
            for (String head : namespace.heads()) {
                if (BY_HEAD.put(head, namespace) != null) {
                    throw new ExceptionInInitializerError("two namespaces begin with " + head);
                }
            }
        }
    }

    private ButtonCodec() {
    }

    /**
     * @throws IllegalArgumentException the data would be longer than {@value #MAX_BYTES} bytes, a
     *                                  part is empty or holds the separator, or the action is not
     *                                  one of the interview's kinds where it must be
     */
    public static String encode(ButtonData button) {
        List<String> parts = new ArrayList<>();
        if (button.namespace() == Namespace.RESPONDENT) {
            if (!Namespace.RESPONDENT.heads().contains(button.action()) || button.arguments().size() != 2) {
                throw new IllegalArgumentException("not an interview button: a kind, a context and an argument");
            }
            if (button.action().equals(OLD_DESK_HEAD) && !MONTH_NUMBER.matcher(button.subject()).matches()) {
                throw new IllegalArgumentException("a month button's argument is a month number");
            }
        } else {
            parts.add(button.namespace().heads().get(0));
        }
        parts.add(button.action());
        parts.addAll(button.arguments());
        for (String part : parts) {
            if (part.isEmpty() || part.contains(SEPARATOR)) {
                throw new IllegalArgumentException("a button part is empty or holds '" + SEPARATOR + "'");
            }
        }
        String data = String.join(SEPARATOR, parts);
        if (!fits(data)) {
            throw new IllegalArgumentException("button data of " + bytes(data) + " bytes; Telegram allows " + MAX_BYTES);
        }
        return data;
    }

    /** What the data says, if it is data of one of our namespaces. */
    public static Optional<ButtonData> decode(String data) {
        if (data == null || data.isEmpty() || !fits(data)) {
            return Optional.empty();
        }
        String[] parts = data.split(SEPARATOR, -1);
        if (parts.length < 2) {
            return Optional.empty();
        }
        Namespace namespace = parts[0].equals(OLD_DESK_HEAD) && !isMonth(parts)
                ? (OLD_CONTACT_ACTIONS.contains(parts[1]) ? Namespace.CONTACT : Namespace.MODERATION)
                : BY_HEAD.get(parts[0]);
        if (namespace == null) {
            return Optional.empty();
        }
        if (namespace == Namespace.RESPONDENT) {
            boolean whole = parts.length == 3 && Arrays.stream(parts).noneMatch(String::isEmpty);
            return whole ? Optional.of(ButtonData.of(namespace, parts[0], parts[1], parts[2])) : Optional.empty();
        }
        // A desk's letter makes it the desk's, whole or not: the desk refuses it in its own words
        // (and audits a stranger's press), as it did before there were namespaces.
        return Optional.of(new ButtonData(namespace, parts[1], List.of(parts).subList(2, parts.length)));
    }

    /** Data within Telegram's limit: 1 to {@value #MAX_BYTES} bytes of UTF-8. */
    public static boolean fits(String data) {
        int bytes = bytes(data);
        return bytes > 0 && bytes <= MAX_BYTES;
    }

    private static int bytes(String data) {
        return data.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean isMonth(String[] parts) {
        return parts.length == 3 && MONTH_NUMBER.matcher(parts[2]).matches();
    }
}
