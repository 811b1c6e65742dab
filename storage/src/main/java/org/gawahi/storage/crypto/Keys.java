package org.gawahi.storage.crypto;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.secret.SecretBytes;

/**
 * The collective's keys under {@code <data>/keys/}: creating them, sealing without the
 * passphrase, unlocking with it, rotating, and retiring old keys.
 *
 * <p>Guarantees: a private key is written only wrapped by the passphrase (see
 * {@link Argon2Profile}); key files are mode 600 in a 700 directory where the file system
 * has POSIX permissions, appear atomically and are never overwritten; nothing here prints
 * or logs key bytes. Key status is not stored but derived: the key of the highest
 * generation is active, the others retired, so a rotation is a single atomic file write
 * and a crash cannot leave two active keys or none.
 */
public final class Keys {
    private final KeyDirectory dir;
    private final SecureRandom random;
    private final Clock clock;

    public Keys(Path dataDir, SecureRandom random, Clock clock) {
        this.dir = new KeyDirectory(Objects.requireNonNull(dataDir, "dataDir"));
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates the first collective key pair and the server secret ({@code keys init}).
     * Refuses if either already exists, so a mistaken second {@code init} cannot destroy
     * the only key that opens the testimonies.
     */
    public KeyInfo init(Secret passphrase, Argon2Profile profile) throws KeysExistException, KeyFileException {
        requirePassphrase(passphrase);
        Objects.requireNonNull(profile, "profile");
        if (!dir.read(KeyKind.COLLECTIVE).isEmpty() || dir.serverSecretExists()) {
            throw new KeysExistException(dir.keysDir());
        }
        // The key first: a crash before the server secret leaves a state `doctor` reports
        // as INCOMPLETE rather than a server secret without the key that matters.
        KeyFile key = newCollectiveKey(passphrase, profile, 1);
        try (ServerSecret secret = ServerSecret.generate(random)) {
            dir.writeServerSecret(secret);
        }
        return KeyInfo.of(key, KeyStatus.ACTIVE);
    }

    /**
     * Seals to the active collective key; needs no passphrase (intake-only mode). Reads and
     * checks the key files, so make one at start (and again after a rotation) and keep it.
     */
    public Sealer sealer() throws KeyFileException {
        KeyFile active = dir.active(KeyKind.COLLECTIVE)
                .orElseThrow(() -> KeyFileException.none(dir.keysDir(), "collective key"));
        return new HpkeSealer(active.keyId(), active.publicKey(), random);
    }

    /**
     * Unwraps every collective key, active and retired, so records sealed before a
     * rotation still open. All keys share the passphrase; if it does not open every one of
     * them the answer is {@link WrongPassphraseException}. Close the opener to wipe the keys.
     */
    public Opener unlock(Secret passphrase) throws KeyFileException, WrongPassphraseException {
        requirePassphrase(passphrase);
        List<KeyFile> files = dir.read(KeyKind.COLLECTIVE);
        if (files.isEmpty()) {
            throw KeyFileException.none(dir.keysDir(), "collective key");
        }
        Map<String, HpkeOpener.UnlockedKey> keys = new HashMap<>();
        try {
            for (KeyFile file : files) {
                SecretBytes privateKey = unwrapChecked(file, passphrase);
                keys.put(file.keyId(), new HpkeOpener.UnlockedKey(privateKey, file.publicKey()));
            }
        } catch (KeyFileException | WrongPassphraseException | RuntimeException e) {
            keys.values().forEach(k -> k.privateKey().wipe());
            throw e;
        }
        return new HpkeOpener(keys);
    }

    /**
     * Makes a new active collective key, wrapped by the same passphrase (checked against
     * the active key first, so a typo cannot leave keys with different passphrases). The
     * old keys become retired and still open their records: re-seal them with
     * {@link #unlock} and {@link #sealer}, then {@link #deleteRetired} each old key.
     */
    public KeyInfo rotate(Secret passphrase, Argon2Profile profile) throws KeyFileException, WrongPassphraseException {
        requirePassphrase(passphrase);
        Objects.requireNonNull(profile, "profile");
        KeyFile active = dir.active(KeyKind.COLLECTIVE)
                .orElseThrow(() -> KeyFileException.none(dir.keysDir(), "collective key"));
        unwrapChecked(active, passphrase).wipe();
        return KeyInfo.of(newCollectiveKey(passphrase, profile, active.generation() + 1), KeyStatus.ACTIVE);
    }

    /**
     * Deletes a retired collective key, once no record sealed to it is left. Refuses the
     * active key. Whatever is still sealed to the deleted key can never be opened again.
     */
    public void deleteRetired(String keyId) throws KeyFileException {
        if (!KeyIds.isValid(keyId)) {
            throw new IllegalArgumentException("malformed key id");
        }
        KeyFile active = dir.active(KeyKind.COLLECTIVE)
                .orElseThrow(() -> KeyFileException.none(dir.keysDir(), "collective key"));
        if (active.keyId().equals(keyId)) {
            Path path = dir.keyPath(KeyKind.COLLECTIVE, keyId);
            throw new KeyFileException(path, "collective key " + keyId
                    + " is the active key and cannot be deleted; rotate first");
        }
        dir.delete(KeyKind.COLLECTIVE, keyId);
    }

    /** What is on disk; reads and checks every key file, but needs no passphrase. */
    public KeyState state() throws KeyFileException {
        List<KeyInfo> collective = infos(dir.read(KeyKind.COLLECTIVE));
        List<KeyInfo> signing = infos(dir.read(KeyKind.SIGNING));
        boolean serverSecret = dir.serverSecretExists();
        if (serverSecret) {
            dir.readServerSecret().close(); // checks it; a damaged one throws
        }
        KeyState.Readiness readiness = collective.isEmpty() && !serverSecret ? KeyState.Readiness.NO_KEYS
                : collective.isEmpty() || !serverSecret ? KeyState.Readiness.INCOMPLETE
                : KeyState.Readiness.INTAKE_ONLY;
        return new KeyState(readiness, collective, signing, serverSecret);
    }

    /**
     * Makes a new report signing key ({@code keys/signing-<keyId>.key}), wrapped like the
     * collective key and by the same passphrase, which must open the active collective key.
     * A second call makes a newer signing key that becomes the active one; older ones stay
     * so that older reports can still be verified.
     */
    public KeyInfo newSigningKey(Secret passphrase, Argon2Profile profile)
            throws KeyFileException, WrongPassphraseException {
        requirePassphrase(passphrase);
        Objects.requireNonNull(profile, "profile");
        KeyFile collective = dir.active(KeyKind.COLLECTIVE)
                .orElseThrow(() -> KeyFileException.none(dir.keysDir(), "collective key"));
        unwrapChecked(collective, passphrase).wipe();
        int generation = dir.active(KeyKind.SIGNING).map(KeyFile::generation).orElse(0) + 1;
        KeyFile file = newKey(KeyKind.SIGNING, Ed25519.generatePrivateKey(random), passphrase, profile, generation);
        return KeyInfo.of(file, KeyStatus.ACTIVE);
    }

    /** Unwraps the active signing key. Close the signer to wipe it. */
    public Signer signer(Secret passphrase) throws KeyFileException, WrongPassphraseException {
        requirePassphrase(passphrase);
        KeyFile active = dir.active(KeyKind.SIGNING)
                .orElseThrow(() -> KeyFileException.none(dir.keysDir(), "signing key"));
        return new Signer(active.keyId(), unwrapChecked(active, passphrase), active.publicKey());
    }

    /** The public half of a signing key, active or retired, to verify a report with. */
    public byte[] signingPublicKey(String keyId) throws KeyFileException {
        if (!KeyIds.isValid(keyId)) {
            throw new IllegalArgumentException("malformed key id");
        }
        for (KeyFile file : dir.read(KeyKind.SIGNING)) {
            if (file.keyId().equals(keyId)) {
                return file.publicKey().clone();
            }
        }
        throw KeyFileException.missing(dir.keyPath(KeyKind.SIGNING, keyId), "signing key");
    }

    /** The server secret, for {@link Pseudonyms}; close it when done. */
    public ServerSecret serverSecret() throws KeyFileException {
        return dir.readServerSecret();
    }

    private KeyFile newCollectiveKey(Secret passphrase, Argon2Profile profile, int generation)
            throws KeyFileException {
        return newKey(KeyKind.COLLECTIVE, Hpke.generatePrivateKey(random), passphrase, profile, generation);
    }

    /** Wraps and writes a fresh private key (which it wipes) under a new random key id. */
    private KeyFile newKey(KeyKind kind, byte[] rawPrivateKey, Secret passphrase, Argon2Profile profile,
                           int generation) throws KeyFileException {
        String keyId = KeyIds.random(random);
        try (SecretBytes privateKey = SecretBytes.adopt(rawPrivateKey)) {
            byte[] publicKey = kind == KeyKind.COLLECTIVE ? Hpke.publicKeyOf(rawPrivateKey)
                    : Ed25519.publicKeyOf(rawPrivateKey);
            KeyFile file = KeyFile.wrap(kind, keyId, generation, now(), publicKey,
                    privateKey, passphrase, profile.params(), random);
            dir.write(file);
            return file;
        }
    }

    /** Unwraps, then checks the private key matches the stored public key. */
    private SecretBytes unwrapChecked(KeyFile file, Secret passphrase)
            throws KeyFileException, WrongPassphraseException {
        SecretBytes privateKey = file.unwrap(passphrase);
        byte[] raw = privateKey.bytes();
        try {
            byte[] derived = file.kind() == KeyKind.COLLECTIVE ? Hpke.publicKeyOf(raw) : Ed25519.publicKeyOf(raw);
            if (!MessageDigest.isEqual(derived, file.publicKey())) {
                privateKey.wipe();
                throw KeyFileException.damaged(dir.keyPath(file.kind(), file.keyId()), file.kind().description);
            }
            return privateKey;
        } finally {
            Bytes.wipe(raw);
        }
    }

    private static List<KeyInfo> infos(List<KeyFile> files) {
        return files.stream()
                .map(f -> KeyInfo.of(f, f == files.get(0) ? KeyStatus.ACTIVE : KeyStatus.RETIRED))
                .toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static void requirePassphrase(Secret passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        if (passphrase.isBlank()) {
            throw new IllegalArgumentException("the passphrase is empty");
        }
    }
}
