package org.gawahi.storage.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import org.gawahi.config.secret.SecretBytes;

/**
 * Names and encrypts draft rows with keys derived from the {@link ServerSecret} and the
 * chat id, so that the database alone, or a backup of it, opens no draft and names no
 * chat.
 *
 * <ul>
 *   <li>Row name: HMAC-SHA256 of the chat id under a naming key (HKDF label
 *       {@code gawahi/draft-row-name/v1}), as 64 hex digits.</li>
 *   <li>Content: AES-256-GCM under a per-chat key (HKDF info {@code gawahi/draft-key/v1}
 *       followed by the chat id), with the row name (and format version) as associated
 *       data, so a draft copied into another chat's row does not open. Layout: a version
 *       byte (1), the 12-byte nonce, the ciphertext with its 16-byte tag.</li>
 * </ul>
 * Anyone who has the server secret as well can try every chat id: these names protect
 * short-lived drafts, never a submitted testimony. Thread-safe; {@link #close()} wipes
 * the derived keys and drops the reused JDK objects keyed with them.
 *
 * <p>The JDK {@code Mac} and {@code Cipher} objects are reused ({@link InstancePool}), the
 * two HMACs keyed once with this cipher's own keys: a copy of a key inside a JDK object,
 * which no API can wipe, is what every call made before anyway, only now it lives as long as
 * the keys it copies (in memory, never on disk) instead of until the next garbage collection.
 * Per-chat keys are still derived at each call and wiped after it; no draft is cached.
 */
public final class DraftCipher implements AutoCloseable {
    private static final byte VERSION = 1;
    private static final byte[] NAMING_LABEL = ascii("gawahi/draft-row-name/v1");
    private static final byte[] KEY_LABEL = ascii("gawahi/draft-key/v1");
    private static final String AD_KIND = "gawahi draft";

    private final SecretBytes pseudoRandomKey;
    private final SecretBytes namingKey;
    private final SecureRandom random;
    private final InstancePool<Mac> namingMacs;
    private final InstancePool<Mac> keyMacs;
    private final InstancePool<Cipher> ciphers = new InstancePool<>(Gcm::newCipher);
    private volatile boolean closed;

    public DraftCipher(ServerSecret serverSecret, SecureRandom random) {
        Objects.requireNonNull(serverSecret, "serverSecret");
        this.random = Objects.requireNonNull(random, "random");
        byte[] prk = serverSecret.extract();
        this.pseudoRandomKey = SecretBytes.adopt(prk.clone());
        this.namingKey = SecretBytes.adopt(Hkdf.expand(prk, NAMING_LABEL, Hkdf.HASH_BYTES));
        Bytes.wipe(prk);
        this.namingMacs = new InstancePool<>(() -> keyedMac(namingKey));
        this.keyMacs = new InstancePool<>(() -> keyedMac(pseudoRandomKey));
    }

    private static Mac keyedMac(SecretBytes key) {
        byte[] raw = key.bytes();
        try {
            return Hkdf.hmacSha256(raw);
        } finally {
            Bytes.wipe(raw);
        }
    }

    /** The name of the draft row of a chat: stable for one server secret, 64 hex digits. */
    public String rowName(long chatId) {
        requireOpen();
        Mac mac = namingMacs.take();
        String name = Bytes.hex(mac.doFinal(new Canonical().int64(chatId).toByteArray()));
        namingMacs.give(mac);
        return name;
    }

    /** Encrypts a draft of this chat under a fresh nonce. Does not wipe {@code plaintext}. */
    public byte[] encrypt(long chatId, SecretBytes plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] key = chatKey(chatId);
        byte[] raw = plaintext.bytes();
        try {
            Cipher cipher = ciphers.take();
            byte[] sealed = Gcm.encrypt(cipher, key, raw, associatedData(chatId), random);
            ciphers.give(cipher);
            byte[] out = new byte[1 + sealed.length];
            out[0] = VERSION;
            System.arraycopy(sealed, 0, out, 1, sealed.length);
            return out;
        } finally {
            Bytes.wipe(key, raw);
        }
    }

    /** Decrypts a draft of this chat; anything else (another chat's, damaged) does not open. */
    public SecretBytes decrypt(long chatId, byte[] ciphertext) throws CannotOpenException {
        if (ciphertext == null || ciphertext.length < 1 + Gcm.NONCE_BYTES + Gcm.TAG_BYTES) {
            throw new CannotOpenException("draft is truncated");
        }
        if (ciphertext[0] != VERSION) {
            throw new CannotOpenException("draft has an unknown format version");
        }
        byte[] key = chatKey(chatId);
        try {
            byte[] sealed = java.util.Arrays.copyOfRange(ciphertext, 1, ciphertext.length);
            Cipher cipher = ciphers.take();
            SecretBytes opened = SecretBytes.adopt(Gcm.decrypt(cipher, key, sealed, associatedData(chatId)));
            ciphers.give(cipher);
            return opened;
        } catch (AEADBadTagException e) {
            throw new CannotOpenException("draft does not open (damaged, another chat's, or another server secret)");
        } finally {
            Bytes.wipe(key);
        }
    }

    private byte[] chatKey(long chatId) {
        requireOpen();
        Mac mac = keyMacs.take();
        byte[] key = Hkdf.expand(mac, Bytes.concat(KEY_LABEL, new Canonical().int64(chatId).toByteArray()),
                Gcm.KEY_BYTES);
        keyMacs.give(mac);
        return key;
    }

    private byte[] associatedData(long chatId) {
        return new Canonical().string(AD_KIND).int32(VERSION).string(rowName(chatId)).toByteArray();
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
