package org.gawahi.config.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawahi.config.secret.Secret;

/**
 * Reads {@link Settings} from environment variables and refuses broken values with every
 * problem at once. Passing the environment as a map keeps this testable and keeps secrets
 * off the command line, where any user of the machine could read them.
 */
public final class SettingsLoader {
    static final Duration DEFAULT_DRAFT_TTL = Duration.ofHours(24);
    static final Duration MAX_DRAFT_TTL = Duration.ofDays(7);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(m|h|d)");
    /** Telegram's rule for the webhook secret token. */
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    /** Pins the collective key: the bot seals to no other. */
    public static final String KEY_FINGERPRINT = "GAWAHI_KEY_FINGERPRINT";
    public static final String PUBLIC_URL = "GAWAHI_PUBLIC_URL";

    private SettingsLoader() {
    }

    public static Settings fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Path dataDirectory = Path.of(value(env, "GAWAHI_DATA_DIR").orElse("data"));
        Settings.DraftMode drafts = value(env, "GAWAHI_DRAFTS").map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "disk" -> Settings.DraftMode.DISK;
            case "memory" -> Settings.DraftMode.MEMORY;
            default -> {
                problems.add("GAWAHI_DRAFTS='" + v + "': use 'disk' (default) or 'memory'");
                yield Settings.DraftMode.DISK;
            }
        }).orElse(Settings.DraftMode.DISK);
        Duration ttl = value(env, "GAWAHI_DRAFT_TTL").map(v -> duration("GAWAHI_DRAFT_TTL", v, problems))
                .orElse(DEFAULT_DRAFT_TTL);
        Optional<Path> questionnaire = value(env, "GAWAHI_QUESTIONNAIRE").map(Path::of);

        Optional<Secret> token = value(env, "GAWAHI_TELEGRAM_TOKEN").map(Secret::of);
        token.ifPresent(t -> {
            if (!t.reveal().matches("\\d{1,20}:[A-Za-z0-9_-]+")) {
                problems.add("GAWAHI_TELEGRAM_TOKEN does not look like a bot token (digits, a colon, then letters); "
                        + "copy it again from @BotFather");
            }
        });
        URI apiUrl = value(env, "GAWAHI_TELEGRAM_API_URL").map(v -> uri("GAWAHI_TELEGRAM_API_URL", v, problems))
                .orElse(URI.create("https://api.telegram.org"));
        Settings.Mode mode = value(env, "GAWAHI_MODE").map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "polling" -> Settings.Mode.POLLING;
            case "webhook" -> Settings.Mode.WEBHOOK;
            default -> {
                problems.add("GAWAHI_MODE='" + v + "': use 'polling' (default) or 'webhook'");
                yield Settings.Mode.POLLING;
            }
        }).orElse(Settings.Mode.POLLING);
        Optional<URI> webhookUrl = value(env, "GAWAHI_WEBHOOK_URL").map(v -> uri("GAWAHI_WEBHOOK_URL", v, problems));
        Optional<Secret> webhookSecret = value(env, "GAWAHI_WEBHOOK_SECRET").map(Secret::of);
        if (mode == Settings.Mode.WEBHOOK) {
            if (webhookUrl.isEmpty() || !"https".equals(webhookUrl.get().getScheme())) {
                problems.add("GAWAHI_WEBHOOK_URL: webhook mode needs the public https:// address Telegram will post to");
            }
        }
        if (webhookSecret.isPresent() && !WEBHOOK_SECRET.matcher(webhookSecret.get().reveal()).matches()) {
            // Absent is fine: the bot then makes a random one that only it and Telegram know.
            problems.add("GAWAHI_WEBHOOK_SECRET: use 1-256 characters of A-Z a-z 0-9 _ -");
        }
        String bindAddress = value(env, "GAWAHI_BIND_ADDRESS").orElse("127.0.0.1");
        int port = value(env, "GAWAHI_PORT").map(v -> port(v, problems)).orElse(8080);
        Optional<KeyFingerprint> keyFingerprint = keyFingerprint(env, problems);
        Optional<URI> publicUrl = value(env, PUBLIC_URL).flatMap(v -> publicUrl(v, problems));
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return new Settings(dataDirectory, drafts, ttl, questionnaire,
                new Settings.Telegram(token, apiUrl, mode, webhookUrl, webhookSecret, bindAddress, port),
                keyFingerprint, publicUrl);
    }

    /** {@code GAWAHI_PUBLIC_URL}'s value as the bot reads it; empty when it is not a public https address. */
    public static Optional<URI> publicUrl(String value) {
        return publicUrl(value, new ArrayList<>());
    }

    /**
     * The form's public address: https, a host, no query, fragment or user info (a Mini App must
     * be https; anything after the host other than a path would be carried into every link).
     * A trailing slash is dropped so that {@code <url>/form/} has one.
     */
    private static Optional<URI> publicUrl(String value, List<String> problems) {
        String problem = PUBLIC_URL + "='" + value + "': write the public https:// address of this server "
                + "(e.g. https://gawahi.example.org), as your reverse proxy serves it; without it there is no form";
        try {
            URI uri = new URI(value.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problems.add(problem);
                return Optional.empty();
            }
            String text = uri.toString();
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            return Optional.of(URI.create(text));
        } catch (URISyntaxException e) {
            problems.add(problem);
            return Optional.empty();
        }
    }

    /**
     * The pinned collective key from {@code GAWAHI_KEY_FINGERPRINT}, as {@code keys init} printed
     * it (with or without spaces or dashes); empty when unset. For commands that need nothing else.
     */
    public static Optional<KeyFingerprint> keyFingerprint(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Optional<KeyFingerprint> pin = keyFingerprint(env, problems);
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return pin;
    }

    private static Optional<KeyFingerprint> keyFingerprint(Map<String, String> env, List<String> problems) {
        return value(env, KEY_FINGERPRINT).flatMap(v -> {
            Optional<KeyFingerprint> pin = KeyFingerprint.parse(v);
            if (pin.isEmpty()) {
                // Never start unpinned because of a typo: the operator meant to pin.
                problems.add(KEY_FINGERPRINT + "='" + v + "': write the " + KeyFingerprint.DIGITS
                        + " digits `gawahi keys status` shows (spaces and dashes between them are fine)");
            }
            return pin;
        });
    }

    /**
     * The report thresholds from {@code GAWAHI_MIN_COUNT}, {@code GAWAHI_MIN_SENSITIVE_COUNT}
     * , {@code GAWAHI_MIN_DENOMINATOR} and {@code GAWAHI_MIN_GROUP}; refuses anything that is not a whole number of at
     * least {@value ReportThresholds#FLOOR}, naming every variable at fault.
     */
    public static ReportThresholds reportThresholds(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        ReportThresholds d = ReportThresholds.defaults();
        int count = threshold(env, "GAWAHI_MIN_COUNT", d.minimumCount(), problems);
        int sensitive = threshold(env, "GAWAHI_MIN_SENSITIVE_COUNT", d.minimumSensitiveCount(), problems);
        int denominator = threshold(env, "GAWAHI_MIN_DENOMINATOR", d.minimumDenominator(), problems);
        int group = threshold(env, "GAWAHI_MIN_GROUP", Math.max(d.minimumGroup(), sensitive), problems);
        if (problems.isEmpty() && sensitive < count) {
            problems.add("GAWAHI_MIN_SENSITIVE_COUNT=" + sensitive + " is below GAWAHI_MIN_COUNT=" + count
                    + ": sensitive figures need at least the normal threshold");
        }
        if (problems.isEmpty() && denominator < count) {
            problems.add("GAWAHI_MIN_DENOMINATOR=" + denominator + " is below GAWAHI_MIN_COUNT=" + count
                    + ": the denominator is printed beside every percentage");
        }
        if (problems.isEmpty() && group < sensitive) {
            problems.add("GAWAHI_MIN_GROUP=" + group + " is below GAWAHI_MIN_SENSITIVE_COUNT=" + sensitive
                    + ": a group smaller than that is never printed at all");
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return new ReportThresholds(count, sensitive, denominator, group);
    }

    private static int threshold(Map<String, String> env, String name, int fallback, List<String> problems) {
        Optional<String> v = value(env, name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n >= ReportThresholds.FLOOR) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + "='" + v.get() + "': a whole number of at least " + ReportThresholds.FLOOR
                + " (default " + fallback + "); small counts below it could point to one woman");
        return fallback;
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    static Duration duration(String name, String value, List<String> problems) {
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            problems.add(name + "='" + value + "': write a number and a unit, e.g. 30m, 24h or 2d");
            return DEFAULT_DRAFT_TTL;
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(Duration.ofMinutes(5)) < 0 || d.compareTo(MAX_DRAFT_TTL) > 0) {
            problems.add(name + "='" + value + "': keep it between 5m and 7d");
            return DEFAULT_DRAFT_TTL;
        }
        return d;
    }

    private static URI uri(String name, String value, List<String> problems) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(value, "not an http(s) address");
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add(name + "='" + value + "': not an http:// or https:// address");
            return URI.create("https://invalid.invalid");
        }
    }

    private static int port(String value, List<String> problems) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("GAWAHI_PORT='" + value + "': a port number from 1 to 65535");
        return 8080;
    }
}
