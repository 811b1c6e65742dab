package org.gawahi.storage.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.conversation.ConversationId;

/**
 * Keyed hashes derived from the {@link ServerSecret}, each under its own HKDF-derived key
 * so that one kind of hash can never be matched against another:
 * <ul>
 *   <li>{@link #receiptHash}: what is stored for a receipt code (label
 *       {@code gawahi/receipt-hash/v1}).</li>
 *   <li>{@link #actorPseudonym}: how the audit log names a moderator (label
 *       {@code gawahi/audit-actor/v1}).</li>
 *   <li>{@link #launchHash}: what is stored for a form launch already used (label
 *       {@code gawahi/form-launch/v1}).</li>
 *   <li>{@link #formUser}: how the form's rate limit names a person, in memory only
 *       (label {@code gawahi/form-user/v1}).</li>
 *   <li>{@link #linkHash}: what is stored for a one-time form link, never the link's token
 *       (label {@code gawahi/form-link/v1}).</li>
 * </ul>
 * Both are HMAC-SHA256 as 64 hex digits. Thread-safe; {@link #close()} wipes the keys.
 */
public final class Pseudonyms implements AutoCloseable {
    private static final byte[] RECEIPT_LABEL = "gawahi/receipt-hash/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACTOR_LABEL = "gawahi/audit-actor/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAUNCH_LABEL = "gawahi/form-launch/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FORM_USER_LABEL = "gawahi/form-user/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LINK_LABEL = "gawahi/form-link/v1".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern LINK_TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,86}");
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,64}");

    private final SecretBytes receiptKey;
    private final SecretBytes actorKey;
    private final SecretBytes launchKey;
    private final SecretBytes formUserKey;
    private final SecretBytes linkKey;
    private volatile boolean closed;

    public Pseudonyms(ServerSecret serverSecret) {
        Objects.requireNonNull(serverSecret, "serverSecret");
        byte[] prk = serverSecret.extract();
        this.receiptKey = SecretBytes.adopt(Hkdf.expand(prk, RECEIPT_LABEL, Hkdf.HASH_BYTES));
        this.actorKey = SecretBytes.adopt(Hkdf.expand(prk, ACTOR_LABEL, Hkdf.HASH_BYTES));
        this.launchKey = SecretBytes.adopt(Hkdf.expand(prk, LAUNCH_LABEL, Hkdf.HASH_BYTES));
        this.formUserKey = SecretBytes.adopt(Hkdf.expand(prk, FORM_USER_LABEL, Hkdf.HASH_BYTES));
        this.linkKey = SecretBytes.adopt(Hkdf.expand(prk, LINK_LABEL, Hkdf.HASH_BYTES));
        Bytes.wipe(prk);
    }

    /**
     * The stored form of a receipt code. Takes the digits only: the caller strips the
     * spaces or dashes it shows the code with, so "1234 5678" and "1234-5678" match.
     */
    public String receiptHash(String receiptDigits) {
        Objects.requireNonNull(receiptDigits, "receiptDigits");
        if (!DIGITS.matcher(receiptDigits).matches()) {
            throw new IllegalArgumentException("a receipt code is 1 to 64 digits, with nothing else");
        }
        return mac(receiptKey, receiptDigits.getBytes(StandardCharsets.US_ASCII));
    }

    /** How the audit log named this moderator (her Telegram user's conversation) before roles existed. */
    public String actorPseudonym(ConversationId user) {
        return mac(actorKey, ConversationInput.of(user));
    }

    /** The stored form of a Mini App launch's fingerprint (64 lower-case hex digits). */
    public String launchHash(String launchFingerprint) {
        Objects.requireNonNull(launchFingerprint, "launchFingerprint");
        if (!HEX_64.matcher(launchFingerprint).matches()) {
            throw new IllegalArgumentException("a launch fingerprint is 64 lower-case hex digits");
        }
        return mac(launchKey, launchFingerprint.getBytes(StandardCharsets.US_ASCII));
    }

    /** How the form's rate limit names this person (her Telegram user's conversation); for memory, never for disk or logs. */
    public String formUser(ConversationId user) {
        return mac(formUserKey, ConversationInput.of(user));
    }

    /**
     * The stored form of a one-time form link's token (base64url, 22 to 86 characters: 128 to 512
     * random bits); empty when the text cannot be a token, so nothing else is ever hashed or looked up.
     */
    public java.util.Optional<String> linkHash(String linkToken) {
        if (linkToken == null || !LINK_TOKEN.matcher(linkToken).matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(mac(linkKey, linkToken.getBytes(StandardCharsets.US_ASCII)));
    }

    private String mac(SecretBytes key, byte[] data) {
        if (closed) {
            // Wiped keys are zeros: a hash under them is one anyone can compute.
            throw new IllegalStateException("these pseudonyms were closed");
        }
        byte[] raw = key.bytes();
        try {
            return Bytes.hex(Hkdf.hmac(raw, data));
        } finally {
            Bytes.wipe(raw);
        }
    }

    @Override
    public void close() {
        closed = true;
        receiptKey.wipe();
        actorKey.wipe();
        launchKey.wipe();
        formUserKey.wipe();
        linkKey.wipe();
    }

    @Override
    public String toString() {
        return "Pseudonyms[REDACTED]";
    }
}
