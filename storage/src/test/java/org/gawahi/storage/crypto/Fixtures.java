package org.gawahi.storage.crypto;

import java.security.SecureRandom;
import java.util.Map;
import org.gawahi.config.secret.SecretBytes;

/** Small factories for tests: key pairs and sealers without touching the disk. */
final class Fixtures {
    static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {
    }

    /** A sealer and the opener for the same fresh key pair. */
    record Pair(Sealer sealer, Opener opener) {
    }

    static Pair keyPair() {
        return keyPair(KeyIds.random(RANDOM));
    }

    static Pair keyPair(String keyId) {
        byte[] privateKey = Hpke.generatePrivateKey(RANDOM);
        byte[] publicKey = Hpke.publicKeyOf(privateKey);
        Opener opener = new HpkeOpener(Map.of(keyId,
                new HpkeOpener.UnlockedKey(SecretBytes.adopt(privateKey), publicKey)));
        return new Pair(new HpkeSealer(keyId, publicKey, RANDOM), opener);
    }

    static byte[] ad(String keyId) {
        return AssociatedData.of("testimony", "t-1", 1, keyId).bytes();
    }

    static SecretBytes text(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return SecretBytes.adopt(b);
    }
}
