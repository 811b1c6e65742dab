package org.gawahi.storage.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.gawahi.config.secret.SecretBytes;

/**
 * The server secret: 32 random bytes kept beside the keys (never in the database or its
 * backups) from which the receipt and audit keys are derived. It is not wrapped by the
 * passphrase, because an intake-only server must issue receipts. Drafts are not under it
 * (anyone with the disk has it): they are under a key held in memory ({@link DraftCipher}).
 *
 * <p>On disk ({@code keys/server.secret}, mode 600): the magic {@code GWHS}, a format
 * version byte (1), the 32 secret bytes, then the first 8 bytes of SHA-256 over all that,
 * so a damaged file is reported instead of silently changing every receipt hash.
 *
 * <p>Prints as redacted; {@link #close()} wipes it.
 */
public final class ServerSecret implements AutoCloseable {
    static final int BYTES = 32;
    private static final byte[] MAGIC = "GWHS".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final int CHECK_BYTES = 8;
    private static final int FILE_BYTES = MAGIC.length + 1 + BYTES + CHECK_BYTES;
    private static final String WHAT = "server secret";

    private final SecretBytes secret;
    private volatile boolean closed;

    private ServerSecret(SecretBytes secret) {
        this.secret = secret;
    }

    static ServerSecret generate(SecureRandom random) {
        byte[] secret = new byte[BYTES];
        random.nextBytes(secret);
        return new ServerSecret(SecretBytes.adopt(secret));
    }

    /** A server secret from given bytes (tests, and a future restore command). */
    static ServerSecret of(SecretBytes secret) {
        if (secret.length() != BYTES) {
            throw new IllegalArgumentException("a server secret has " + BYTES + " bytes");
        }
        return new ServerSecret(SecretBytes.copyOf(secret.bytes()));
    }

    /** HKDF-SHA256 pseudo-random key from the secret, for the derivations of one purpose. */
    byte[] extract() {
        requireOpen();
        byte[] raw = secret.bytes();
        try {
            return Hkdf.extract("gawahi server secret v1".getBytes(StandardCharsets.US_ASCII), raw);
        } finally {
            Bytes.wipe(raw);
        }
    }

    byte[] encode() {
        requireOpen();
        byte[] out = new byte[FILE_BYTES];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[MAGIC.length] = VERSION;
        byte[] raw = secret.bytes();
        System.arraycopy(raw, 0, out, MAGIC.length + 1, BYTES);
        Bytes.wipe(raw);
        System.arraycopy(check(out), 0, out, FILE_BYTES - CHECK_BYTES, CHECK_BYTES);
        return out;
    }

    static ServerSecret decode(Path file, byte[] content) throws KeyFileException {
        try {
            if (content.length != FILE_BYTES
                    || !Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                    || !MessageDigest.isEqual(check(content),
                            Arrays.copyOfRange(content, FILE_BYTES - CHECK_BYTES, FILE_BYTES))) {
                throw KeyFileException.damaged(file, WHAT);
            }
            if (content[MAGIC.length] != VERSION) {
                throw new KeyFileException(file, WHAT + " file " + file
                        + " has a format this version of Gawahi does not know; upgrade Gawahi");
            }
            return new ServerSecret(SecretBytes.adopt(
                    Arrays.copyOfRange(content, MAGIC.length + 1, MAGIC.length + 1 + BYTES)));
        } finally {
            Bytes.wipe(content);
        }
    }

    private static byte[] check(byte[] content) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(content, 0, FILE_BYTES - CHECK_BYTES);
            return Arrays.copyOf(sha256.digest(), CHECK_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** A wiped secret is all zeros: deriving from it would give keys anyone can compute. */
    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this server secret was closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        secret.wipe();
    }

    @Override
    public String toString() {
        return "ServerSecret[REDACTED]";
    }
}
