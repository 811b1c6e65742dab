package org.gawahi.bot.miniapp;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.bot.miniapp.LaunchRefused.Reason;
import org.gawahi.bot.telegram.TelegramChats;
import org.gawahi.config.secret.Secret;
import org.gawahi.storage.drafts.ChatRef;

/**
 * Checks the {@code initData} Telegram hands a Mini App, as Telegram documents it
 * (core.telegram.org/bots/webapps, "Validating data received via the Mini App" and "... for
 * third-party use"), with the JDK alone:
 * <ul>
 *   <li>{@code hash} must be {@code hex(HMAC_SHA256(key = HMAC_SHA256(key = "WebAppData",
 *       msg = token), msg = data-check-string))}, the data-check-string being every field but
 *       {@code hash}, sorted by name, as {@code name=value} lines joined by {@code \n}. Only
 *       Telegram and this bot know the key, so this proves the data came from Telegram for
 *       this bot.</li>
 *   <li>{@code signature}, where present, must be Telegram's Ed25519 signature of
 *       {@code <bot id>:WebAppData\n} followed by the sorted fields without {@code hash} and
 *       {@code signature}: data signed for another bot is refused.</li>
 *   <li>{@code auth_date} no more than {@link #MAX_AGE} old (and not in the future beyond a
 *       small clock skew); {@code user} present with a numeric {@code id}.</li>
 * </ul>
 * A name appearing twice, undecodable percent-escapes, or input longer than
 * {@link #MAX_CHARS} are refused before any hashing. Thread-safe. Nothing is logged here:
 * callers log the {@link LaunchRefused.Reason} alone.
 */
public final class LaunchValidator {
    /** A launch older than this is refused: one hour, as the form promises. */
    public static final Duration MAX_AGE = Duration.ofHours(1);
    /** Telegram's clock and ours may differ a little; a launch from further ahead is refused. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    /** Real launch data is well under 2 KB (a user object with a photo URL); anything far longer is not one. */
    public static final int MAX_CHARS = 8192;
    /** Telegram's Ed25519 key for production bots (core.telegram.org/bots/webapps). */
    public static final String TELEGRAM_PRODUCTION_KEY =
            "e7bf03a2fa4602af4580703d88dda5bb59f32ed8b02a56c187fe7d34caed242d";

    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,12}");
    private static final Pattern BOT_ID = Pattern.compile("[0-9]{1,20}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([_-][A-Za-z0-9]{1,8}){0,2}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String botId;
    private final SecretKeySpec hashKey;
    private final PublicKey telegramKey;
    private final Clock clock;

    /** For the bot with {@code token}, with Telegram's production signing key. */
    public LaunchValidator(Secret token, Clock clock) {
        this(token, HexFormat.of().parseHex(TELEGRAM_PRODUCTION_KEY), clock);
    }

    /** As above with another signing key: Telegram's test environment, or a test's own. */
    public LaunchValidator(Secret token, byte[] telegramPublicKey, Clock clock) {
        Objects.requireNonNull(token, "token");
        String raw = token.reveal();
        int colon = raw.indexOf(':');
        if (colon < 1 || !BOT_ID.matcher(raw.substring(0, colon)).matches()) {
            throw new IllegalArgumentException("a bot token starts with the bot's numeric id and a colon");
        }
        this.botId = raw.substring(0, colon);
        this.hashKey = new SecretKeySpec(hmac("WebAppData".getBytes(StandardCharsets.US_ASCII),
                raw.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        this.telegramKey = ed25519PublicKey(telegramPublicKey);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The launch, if Telegram vouched for {@code initData} for this bot within the last hour.
     *
     * @param initData the raw string, exactly as {@code Telegram.WebApp.initData} holds it
     * @throws LaunchRefused saying why in one word, never with the data
     */
    public Launch validate(String initData) throws LaunchRefused {
        if (initData == null || initData.isEmpty() || initData.length() > MAX_CHARS) {
            throw new LaunchRefused(Reason.MISSING);
        }
        TreeMap<String, String> fields = fields(initData);
        String hash = fields.remove("hash");
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw new LaunchRefused(Reason.FORGED);
        }
        byte[] expected = hmac(hashKey, dataCheckString(fields).getBytes(StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(hash))) {
            throw new LaunchRefused(Reason.FORGED);
        }
        String signature = fields.get("signature");
        if (signature != null) {
            TreeMap<String, String> signed = new TreeMap<>(fields);
            signed.remove("signature");
            if (!telegramSigned(botId + ":WebAppData\n" + dataCheckString(signed), signature)) {
                throw new LaunchRefused(Reason.FORGED);
            }
        }
        Instant authDate = authDate(fields.get("auth_date"));
        Instant now = clock.instant();
        if (authDate.isBefore(now.minus(MAX_AGE)) || authDate.isAfter(now.plus(MAX_SKEW))) {
            throw new LaunchRefused(Reason.STALE);
        }
        JsonNode user = user(fields.get("user"));
        Optional<String> language = Optional.ofNullable(user.get("language_code")).filter(JsonNode::isTextual)
                .map(JsonNode::asText).filter(l -> LANGUAGE.matcher(l).matches());
        return new Launch(TelegramChats.ref(user.get("id").asLong()), language, authDate, fingerprint(hash, fields));
    }

    /** The name=value pairs, percent-decoded as URLSearchParams does; a repeated name is refused. */
    private static TreeMap<String, String> fields(String initData) throws LaunchRefused {
        TreeMap<String, String> fields = new TreeMap<>();
        for (String pair : initData.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new LaunchRefused(Reason.MALFORMED);
            }
            try {
                String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (fields.put(name, value) != null) {
                    throw new LaunchRefused(Reason.MALFORMED);
                }
            } catch (IllegalArgumentException e) {
                throw new LaunchRefused(Reason.MALFORMED);
            }
        }
        return fields;
    }

    private static String dataCheckString(Map<String, String> sorted) {
        StringBuilder out = new StringBuilder();
        sorted.forEach((name, value) -> {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(name).append('=').append(value);
        });
        return out.toString();
    }

    private boolean telegramSigned(String data, String signature) throws LaunchRefused {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(signature.replace('+', '-').replace('/', '_'));
        } catch (IllegalArgumentException e) {
            throw new LaunchRefused(Reason.FORGED);
        }
        if (bytes.length != 64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(telegramKey);
            verifier.update(data.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(bytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static Instant authDate(String value) throws LaunchRefused {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new LaunchRefused(Reason.MALFORMED);
        }
        return Instant.ofEpochSecond(Long.parseLong(value));
    }

    private static JsonNode user(String value) throws LaunchRefused {
        if (value == null) {
            throw new LaunchRefused(Reason.MALFORMED);
        }
        try {
            JsonNode user = JSON.readTree(value);
            if (user == null || !user.isObject() || user.get("id") == null || !user.get("id").canConvertToLong()
                    || !user.get("id").isIntegralNumber() || user.get("id").asLong() <= 0) {
                throw new LaunchRefused(Reason.MALFORMED);
            }
            return user;
        } catch (IOException e) {
            throw new LaunchRefused(Reason.MALFORMED);
        }
    }

    /** The same for the same signed fields however they were ordered or escaped. */
    private static String fingerprint(String hash, Map<String, String> fields) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("gawahi/launch/v1\n".getBytes(StandardCharsets.US_ASCII));
            sha.update(dataCheckString(fields).getBytes(StandardCharsets.UTF_8));
            sha.update(("\nhash=" + hash).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static PublicKey ed25519PublicKey(byte[] raw) {
        Objects.requireNonNull(raw, "telegramPublicKey");
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        byte[] encoded = Arrays.copyOf(ED25519_X509_PREFIX, ED25519_X509_PREFIX.length + 32);
        System.arraycopy(raw, 0, encoded, ED25519_X509_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot read an Ed25519 key", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        return hmac(new SecretKeySpec(key, "HmacSHA256"), data);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "LaunchValidator[bot " + botId + "]";
    }
}
