package org.gawahi.storage.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.conversation.ConversationId;

/**
 * Names and encrypts draft rows under a <em>run key</em>: 32 random bytes made at each start
 * of the bot, held in memory only. Nothing on the disk, the key files included, gives the run
 * key: the one copy that is written is {@linkplain #sealTo sealed} to the collective's public
 * key, so only an unlocked start (the passphrase) can open it again. That is the point: a copy
 * of the data directory with every key file (the server secret too) opens no draft and names
 * no chat behind a draft row, not even for a chat id the holder already suspects, since both
 * the row name and the content key need the run key.
 *
 * <ul>
 *   <li>Row name: HMAC-SHA256 of the conversation ({@link ConversationInput}: a Telegram chat's id
 *       as 8 bytes, big-endian, as before conversations were neutral) under a naming key (HKDF-Expand of the run key's
 *       HKDF-Extract, info {@code gawahi/draft-row-name/v2}), as 64 hex digits.</li>
 *   <li>Content: the draft {@linkplain Padding padded} to a multiple of 1 KiB (its length
 *       tells only roughly how far she got), then AES-256-GCM under a per-chat key (info
 *       {@code gawahi/draft-key/v2} followed by the same encoding of the conversation), with associated data binding the
 *       row name, this run key's id and the format version, so a draft copied into another
 *       row, or presented under another run key, does not open. Layout: a version byte (2),
 *       the 12-byte nonce, the ciphertext with its 16-byte tag.</li>
 *   <li>The sealed copy of the run key: HPKE ({@link Sealer}) with associated data of kind
 *       {@value #RUN_KEY_KIND}, the run key's own random id, version 1 and the collective
 *       key's id.</li>
 * </ul>
 * Thread-safe; {@link #close()} wipes the run key and the derived keys and drops the reused
 * JDK objects keyed with them.
 *
 * <p>The JDK {@code Mac} and {@code Cipher} objects are reused ({@link InstancePool}), the
 * two HMACs keyed once with this cipher's own keys: a copy of a key inside a JDK object,
 * which no API can wipe, lives as long as the keys it copies (in memory, never on disk).
 * Per-chat keys are derived at each call and wiped after it; no draft is cached.
 */
public final class DraftCipher implements AutoCloseable {
    /** The kind in the associated data of a sealed run key. */
    public static final String RUN_KEY_KIND = "draft run key";
    private static final int RUN_KEY_VERSION = 1;
    private static final int RUN_KEY_BYTES = 32;
    private static final byte VERSION = 2;
    private static final byte[] EXTRACT_SALT = ascii("gawahi/draft-run-key/v2");
    private static final byte[] NAMING_LABEL = ascii("gawahi/draft-row-name/v2");
    private static final byte[] KEY_LABEL = ascii("gawahi/draft-key/v2");
    private static final String AD_KIND = "gawahi draft";

    private final String keyId;
    private final SecretBytes runKey;
    private final SecretBytes pseudoRandomKey;
    private final SecretBytes namingKey;
    private final SecureRandom random;
    private final InstancePool<Mac> namingMacs;
    private final InstancePool<Mac> keyMacs;
    private final InstancePool<Cipher> ciphers = new InstancePool<>(Gcm::newCipher);
    private volatile boolean closed;

    private DraftCipher(String keyId, SecretBytes runKey, SecureRandom random) {
        this.keyId = keyId;
        this.runKey = runKey;
        this.random = Objects.requireNonNull(random, "random");
        byte[] raw = runKey.bytes();
        byte[] prk = Hkdf.extract(EXTRACT_SALT, raw);
        Bytes.wipe(raw);
        this.pseudoRandomKey = SecretBytes.adopt(prk.clone());
        this.namingKey = SecretBytes.adopt(Hkdf.expand(prk, NAMING_LABEL, Hkdf.HASH_BYTES));
        Bytes.wipe(prk);
        this.namingMacs = new InstancePool<>(() -> keyedMac(namingKey));
        this.keyMacs = new InstancePool<>(() -> keyedMac(pseudoRandomKey));
    }

    /** A given run key, for tests that derive the keys by hand. */
    static DraftCipher ofRunKey(String keyId, SecretBytes runKey, SecureRandom random) {
        return new DraftCipher(keyId, runKey, random);
    }

    /** A fresh run key under a fresh random id: what a start of the bot makes. */
    public static DraftCipher generate(SecureRandom random) {
        byte[] key = new byte[RUN_KEY_BYTES];
        random.nextBytes(key);
        return new DraftCipher(KeyIds.random(random), SecretBytes.adopt(key), random);
    }

    /**
     * Opens an earlier run's key from its sealed copy; needs the collective's private key,
     * so only an unlocked start can.
     *
     * @throws CannotOpenException when the opener lacks the collective key it was sealed to,
     *                             or the copy is damaged or was moved to another id
     */
    public static DraftCipher open(String keyId, String collectiveKeyId, byte[] sealed, Opener opener,
                                   SecureRandom random) throws CannotOpenException {
        if (!KeyIds.isValid(keyId)) {
            throw new CannotOpenException("draft run key has a malformed id");
        }
        SecretBytes key = opener.open(sealed, runKeyAssociatedData(keyId, collectiveKeyId));
        if (key.length() != RUN_KEY_BYTES) {
            key.wipe();
            throw new CannotOpenException("draft run key has the wrong length");
        }
        return new DraftCipher(keyId, key, random);
    }

    /** The sealed copy of this run key, for the {@code draft_keys} table. */
    public byte[] sealTo(Sealer sealer) {
        requireOpen();
        return sealer.seal(runKey, runKeyAssociatedData(keyId, sealer.keyId()));
    }

    static byte[] runKeyAssociatedData(String keyId, String collectiveKeyId) {
        return AssociatedData.of(RUN_KEY_KIND, keyId, RUN_KEY_VERSION, collectiveKeyId).bytes();
    }

    /** This run key's random id (not secret): its row in {@code draft_keys}. */
    public String keyId() {
        return keyId;
    }

    private static Mac keyedMac(SecretBytes key) {
        byte[] raw = key.bytes();
        try {
            return Hkdf.hmacSha256(raw);
        } finally {
            Bytes.wipe(raw);
        }
    }

    /** The name of the draft row of a conversation under this run key, 64 hex digits. */
    public String rowName(ConversationId conversation) {
        requireOpen();
        byte[] input = ConversationInput.of(conversation);
        Mac mac = namingMacs.take();
        String name = Bytes.hex(mac.doFinal(input));
        namingMacs.give(mac);
        return name;
    }

    /** Pads and encrypts a draft of this conversation under a fresh nonce. Does not wipe {@code plaintext}. */
    public byte[] encrypt(ConversationId conversation, SecretBytes plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] key = chatKey(conversation);
        byte[] raw = plaintext.bytes();
        byte[] padded = Padding.pad(raw);
        try {
            Cipher cipher = ciphers.take();
            byte[] sealed = Gcm.encrypt(cipher, key, padded, associatedData(conversation), random);
            ciphers.give(cipher);
            byte[] out = new byte[1 + sealed.length];
            out[0] = VERSION;
            System.arraycopy(sealed, 0, out, 1, sealed.length);
            return out;
        } finally {
            Bytes.wipe(key, raw, padded);
        }
    }

    /** Decrypts a draft of this conversation; anything else (another conversation's, another run's, damaged) does not open. */
    public SecretBytes decrypt(ConversationId conversation, byte[] ciphertext) throws CannotOpenException {
        if (ciphertext == null || ciphertext.length < 1 + Gcm.NONCE_BYTES + Gcm.TAG_BYTES) {
            throw new CannotOpenException("draft is truncated");
        }
        if (ciphertext[0] != VERSION) {
            throw new CannotOpenException("draft has an unknown format version");
        }
        byte[] key = chatKey(conversation);
        byte[] padded = null;
        try {
            byte[] sealed = Arrays.copyOfRange(ciphertext, 1, ciphertext.length);
            Cipher cipher = ciphers.take();
            padded = Gcm.decrypt(cipher, key, sealed, associatedData(conversation));
            ciphers.give(cipher);
            return SecretBytes.adopt(Padding.unpad(padded));
        } catch (AEADBadTagException e) {
            throw new CannotOpenException("draft does not open (damaged, another chat's, or another run key's)");
        } finally {
            Bytes.wipe(key);
            if (padded != null) {
                Bytes.wipe(padded);
            }
        }
    }

    private byte[] chatKey(ConversationId conversation) {
        requireOpen();
        byte[] info = Bytes.concat(KEY_LABEL, ConversationInput.of(conversation));
        Mac mac = keyMacs.take();
        byte[] key = Hkdf.expand(mac, info, Gcm.KEY_BYTES);
        keyMacs.give(mac);
        return key;
    }

    private byte[] associatedData(ConversationId conversation) {
        return new Canonical().string(AD_KIND).int32(VERSION).string(rowName(conversation)).string(keyId).toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Wiped keys are zeros: using them would name and encrypt drafts under public keys. */
    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this draft cipher was closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        namingMacs.clear();
        keyMacs.clear();
        ciphers.clear();
        runKey.wipe();
        pseudoRandomKey.wipe();
        namingKey.wipe();
    }

    /** Reused JDK objects held now, for tests: none once closed. */
    int idleInstances() {
        return namingMacs.idleCount() + keyMacs.idleCount() + ciphers.idleCount();
    }

    @Override
    public String toString() {
        return "DraftCipher[REDACTED]";
    }
}
