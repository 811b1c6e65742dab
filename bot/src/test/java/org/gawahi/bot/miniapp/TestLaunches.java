package org.gawahi.bot.miniapp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Launch data made the way Telegram makes it, for tests: the HMAC with the bot's token, and
 * optionally an Ed25519 signature with a test key standing in for Telegram's.
 */
public final class TestLaunches {
    /** A stand-in for Telegram's signing key; tests give its public half to the validator. */
    public static final KeyPair TELEGRAM = ed25519();

    private TestLaunches() {
    }

    /** The raw public key of {@link #TELEGRAM}, 32 bytes. */
    public static byte[] telegramPublicKey() {
        byte[] encoded = TELEGRAM.getPublic().getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    /** The fields of a launch for {@code userId} at {@code authDate}, in Telegram's order. */
    public static Map<String, String> fields(long userId, String language, Instant authDate) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("query_id", "AAHdF6IQAAAAAN0XohDhrOrc");
        fields.put("user", "{\"id\":" + userId + ",\"first_name\":\"Test\",\"language_code\":\"" + language
                + "\",\"allows_write_to_pm\":true}");
        fields.put("auth_date", Long.toString(authDate.getEpochSecond()));
        return fields;
    }

    /** initData for these fields, hashed with {@code token} (no signature). */
    public static String hashed(String token, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("hash", hash(token, fields));
        return encode(all);
    }

    /** initData with a signature for {@code signedForBotId} by {@link #TELEGRAM}, then hashed with {@code token}. */
    public static String signedAndHashed(String token, long signedForBotId, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("signature", sign(signedForBotId, fields));
        all.put("hash", hash(token, all));
        return encode(all);
    }

    public static String launch(String token, long userId, String language, Instant authDate) {
        return hashed(token, fields(userId, language, authDate));
    }

    public static String hash(String token, Map<String, String> fields) {
        byte[] secret = hmac("WebAppData".getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hmac(secret, checkString(fields).getBytes(StandardCharsets.UTF_8)));
    }

    public static String sign(long botId, Map<String, String> fields) {
        Map<String, String> signed = new TreeMap<>(fields);
        signed.remove("hash");
        signed.remove("signature");
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(TELEGRAM.getPrivate());
            signer.update((botId + ":WebAppData\n" + checkString(signed)).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }

    private static String checkString(Map<String, String> fields) {
        return new TreeMap<>(fields).entrySet().stream().filter(e -> !e.getKey().equals("hash"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
