package org.gawahi.storage.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.secret.SecretBytes;

/**
 * What whoever had the disk can do to a keys directory without the passphrase, for tests of
 * every layer: she knows the file format and recomputes every checksum.
 */
public final class KeyForgery {
    public static final Secret ATTACKER = Secret.of("the passphrase of whoever had the disk");

    private final KeyDirectory dir;

    public KeyForgery(Path dataDir) {
        this.dir = new KeyDirectory(dataDir);
    }

    /** Replaces the key file's public key (and wrapped key) with her own, keeping its id, generation and times. */
    public Path swapPublicKey(String keyId) throws Exception {
        KeyFile victim = find(keyId);
        Path path = dir.keyPath(KeyKind.COLLECTIVE, keyId);
        Files.delete(path);
        dir.write(own(keyId, victim.generation(), victim.created(), Hpke.generatePrivateKey(Fixtures.RANDOM)));
        return path;
    }

    /** Adds a key file of her own key pair, honestly named by its fingerprint, at the given generation. */
    public Path addKey(int generation) throws Exception {
        byte[] privateKey = Hpke.generatePrivateKey(Fixtures.RANDOM);
        String keyId = KeyIds.fingerprint(KeyKind.COLLECTIVE, Hpke.publicKeyOf(privateKey)).digits();
        dir.write(own(keyId, generation, Instant.parse("2026-11-02T10:15:30Z"), privateKey));
        return dir.keyPath(KeyKind.COLLECTIVE, keyId);
    }

    /**
     * Rewrites a key file, with the collective's passphrase, so that its private key is the
     * collective's but the public key beside it (and the id, its fingerprint) is another: what
     * the passphrase opens no longer matches what intake seals to. Returns the new file.
     */
    public Path mismatch(String keyId, Secret passphrase) throws Exception {
        KeyFile original = find(keyId);
        byte[] otherPublic = Hpke.publicKeyOf(Hpke.generatePrivateKey(Fixtures.RANDOM));
        String otherId = KeyIds.fingerprint(KeyKind.COLLECTIVE, otherPublic).digits();
        try (SecretBytes privateKey = original.unwrap(passphrase)) {
            dir.write(KeyFile.wrap(KeyKind.COLLECTIVE, otherId, original.generation(), original.created(), otherPublic,
                    privateKey, passphrase, Argon2Profile.TEST.params(), Fixtures.RANDOM));
        }
        Files.delete(dir.keyPath(KeyKind.COLLECTIVE, keyId));
        return dir.keyPath(KeyKind.COLLECTIVE, otherId);
    }

    /**
     * Not an attack: rewrites the collective's key pair under a random 16-hex id, as versions
     * before fingerprint ids wrote it, to stand for an existing installation. Returns the new id.
     */
    public String asLegacy(String keyId, Secret passphrase) throws Exception {
        KeyFile original = find(keyId);
        String legacyId = KeyIds.random(Fixtures.RANDOM);
        try (SecretBytes privateKey = original.unwrap(passphrase)) {
            dir.write(KeyFile.wrap(KeyKind.COLLECTIVE, legacyId, original.generation(), original.created(),
                    original.publicKey(), privateKey, passphrase, Argon2Profile.TEST.params(), Fixtures.RANDOM));
        }
        Files.delete(dir.keyPath(KeyKind.COLLECTIVE, keyId));
        return legacyId;
    }

    private KeyFile find(String keyId) throws KeyFileException {
        return dir.read(KeyKind.COLLECTIVE).stream().filter(f -> f.keyId().equals(keyId)).findFirst().orElseThrow();
    }

    private static KeyFile own(String keyId, int generation, Instant created, byte[] privateKey) {
        try (SecretBytes secret = SecretBytes.adopt(privateKey)) {
            return KeyFile.wrap(KeyKind.COLLECTIVE, keyId, generation, created, Hpke.publicKeyOf(privateKey), secret,
                    ATTACKER, Argon2Profile.TEST.params(), Fixtures.RANDOM);
        }
    }
}
