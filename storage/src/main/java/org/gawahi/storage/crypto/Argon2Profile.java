package org.gawahi.storage.crypto;

/**
 * How hard Argon2id works to turn a passphrase into the key that wraps a private key. The
 * parameters used are written into the key file, so a file always unwraps with the ones
 * it was made with, whatever the profile of the day.
 */
public enum Argon2Profile {
    /** OWASP's first recommendation: 46 MiB, one pass, one lane (about 50 ms here). */
    DEFAULT(new Argon2Params(47_104, 1, 1)),
    /** OWASP's lighter recommendation for small machines: 19 MiB, two passes, one lane. */
    MODERATE(new Argon2Params(19_456, 2, 1)),
    /** Cheap, for tests only: it protects a passphrase hardly at all. */
    TEST(new Argon2Params(1_024, 1, 1));

    private final Argon2Params params;

    Argon2Profile(Argon2Params params) {
        this.params = params;
    }

    Argon2Params params() {
        return params;
    }

    public int memoryKiB() {
        return params.memoryKiB();
    }

    public int iterations() {
        return params.iterations();
    }

    public int parallelism() {
        return params.parallelism();
    }
}
