package org.gawahi.storage.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.conversation.ConversationId;

/**
 * How the audit log names a moderator: HMAC-SHA256 of her conversation (for Telegram, her user id
 * as 8 bytes, big-endian, as before conversations were neutral; see {@link ConversationInput}) under a random
 * 32-byte key that is kept only inside the role table, which is sealed to the collective
 * key. So the key exists in memory only while the keys are unlocked, and a seized
 * intake-only server (or a backup) cannot turn an audit entry back into a Telegram id by
 * trying every id, as it could with a key derived from the server secret
 * ({@link Pseudonyms#actorPseudonym} is kept only for entries written before roles existed).
 *
 * <p>A random key rather than one derived from the collective private key: it survives a
 * key rotation (the role table is re-sealed, the key inside it unchanged), so one moderator
 * keeps one pseudonym across rotations. Thread-safe; {@link #close()} wipes the key.
 */
public final class ActorPseudonyms implements AutoCloseable {
    public static final int KEY_BYTES = 32;
    private static final byte[] LABEL = "gawahi/audit-actor/v2".getBytes(StandardCharsets.US_ASCII);

    private final SecretBytes key;
    private volatile boolean closed;

    private ActorPseudonyms(SecretBytes key) {
        this.key = key;
    }

    /** A fresh key, for the first role ever granted. */
    public static ActorPseudonyms generate(SecureRandom random) {
        byte[] raw = new byte[KEY_BYTES];
        Objects.requireNonNull(random, "random").nextBytes(raw);
        return new ActorPseudonyms(SecretBytes.adopt(raw));
    }

    /** The key as read back from the opened role table; copied, so the caller wipes its own. */
    public static ActorPseudonyms fromKey(byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("an actor pseudonym key is " + KEY_BYTES + " bytes");
        }
        return new ActorPseudonyms(SecretBytes.copyOf(raw));
    }

    /** A copy of the key, to be sealed with the role table; the caller wipes it. */
    public byte[] exportKey() {
        requireOpen();
        return key.bytes();
    }

    /** The audit actor for this person (her Telegram user's conversation): 64 hex digits. */
    public String of(ConversationId user) {
        requireOpen();
        byte[] input = ConversationInput.of(user);
        byte[] raw = key.bytes();
        byte[] subKey = Hkdf.expand(raw, LABEL, Hkdf.HASH_BYTES);
        Bytes.wipe(raw);
        try {
            return Bytes.hex(Hkdf.hmac(subKey, input));
        } finally {
            Bytes.wipe(subKey);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("these actor pseudonyms were closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        key.wipe();
    }

    @Override
    public String toString() {
        return "ActorPseudonyms[REDACTED]";
    }
}
