package org.gawahi.storage.crypto;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.gawahi.config.secret.Secret;

/**
 * Argon2id parameters as stored in a key file. Bouncy Castle accepts a missing salt and
 * has weak defaults, so every parameter is set explicitly here.
 */
record Argon2Params(int memoryKiB, int iterations, int parallelism) {
    static final int VERSION = Argon2Parameters.ARGON2_VERSION_13;
    static final int SALT_BYTES = 16;
    private static final int OUTPUT_BYTES = Gcm.KEY_BYTES;
    /** Upper bounds, so a forged key file cannot make unlocking exhaust memory or time. */
    private static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_PARALLELISM = 16;

    boolean isPlausible() {
        return parallelism >= 1 && parallelism <= MAX_PARALLELISM
                && iterations >= 1 && iterations <= MAX_ITERATIONS
                && memoryKiB >= 8 * parallelism && memoryKiB <= MAX_MEMORY_KIB;
    }

    /**
     * Derives the 32-byte wrapping key. The passphrase is normalised to Unicode NFC first,
     * so the same words typed on two keyboards (Devanagari can be composed several ways)
     * give the same key. The caller wipes the result.
     */
    byte[] deriveKey(Secret passphrase, byte[] salt) {
        if (salt.length != SALT_BYTES) {
            throw new IllegalArgumentException("Argon2 salt must have " + SALT_BYTES + " bytes");
        }
        byte[] password = Normalizer.normalize(passphrase.reveal(), Normalizer.Form.NFC)
                .getBytes(StandardCharsets.UTF_8);
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(VERSION)
                .withSalt(salt)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build();
        byte[] key = new byte[OUTPUT_BYTES];
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            generator.generateBytes(password, key);
            return key;
        } finally {
            Bytes.wipe(password);
            parameters.clear();
        }
    }
}
