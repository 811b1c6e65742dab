package org.gawahi.storage.crypto;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.config.settings.KeyFingerprint;

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
 *
 * <p>A collective key made here has the fingerprint of its public key as its id
 * ({@link KeyIds#fingerprint}), so a key file whose public key was swapped is refused by every
 * method, naming the file. Which key the running bot may seal to is decided by
 * {@link #intakeSealer}, against a key someone added.
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
     * Seals to the active collective key; needs no passphrase. Reads and checks the key files,
     * so make one and keep it. For tools that have just unlocked every key with the
     * passphrase (rotation, review); the running bot takes {@link #intakeSealer}.
     */
    public Sealer sealer() throws KeyFileException {
        KeyFile active = dir.active(KeyKind.COLLECTIVE)
                .orElseThrow(() -> KeyFileException.none(dir.keysDir(), "collective key"));
        return new HpkeSealer(active.keyId(), active.publicKey(), random);
    }

    /**
     * The sealer of the running bot: seals to the active collective key only when the pin,
     * the passphrase ({@code unlocked}, from {@link #unlock}) or its being the only key vouches
     * for it (see {@link IntakeKey}); otherwise a {@link KeyFileException} says which file is
     * wrong and what to do, and nothing is sealed. Make it once at start.
     *
     * @param pin      the fingerprint the operator pinned ({@code GAWAHI_KEY_FINGERPRINT})
     * @param unlocked the opener, when the bot was started with the passphrase
     */
    public Sealer intakeSealer(Optional<KeyFingerprint> pin, Optional<Opener> unlocked) throws KeyFileException {
        KeyFile key = new IntakeKey(dir).choose(Objects.requireNonNull(pin, "pin"),
                Objects.requireNonNull(unlocked, "unlocked"));
        return new HpkeSealer(key.keyId(), key.publicKey(), random);
    }

    /** The fingerprint of the key a sealer made here seals to, to show people (empty for any other sealer). */
    /** The raw X25519 public key {@code sealer} seals to (a copy), for a page that seals to it too. */
    public static Optional<byte[]> publicKeyOf(Sealer sealer) {
        return sealer instanceof HpkeSealer h ? Optional.of(h.publicKey()) : Optional.empty();
    }

    public static Optional<KeyFingerprint> fingerprintOf(Sealer sealer) {
        return sealer instanceof HpkeSealer h
                ? Optional.of(KeyIds.fingerprint(KeyKind.COLLECTIVE, h.publicKey())) : Optional.empty();
    }

    /**
     * Unwraps every collective key, active and retired, so records sealed before a
     * rotation still open. All keys share the passphrase. If it opens none of them the answer
     * is {@link WrongPassphraseException}; if it opens some but not another, that other was not
     * made with it (added or replaced by someone who had the disk), and if a private key does
     * not match the public key beside it, the public key was altered: both are a
     * {@link KeyFileException} naming the file, never a wrong passphrase. Close the opener to
     * wipe the keys.
     */
    public Opener unlock(Secret passphrase) throws KeyFileException, WrongPassphraseException {
        requirePassphrase(passphrase);
        List<KeyFile> files = dir.read(KeyKind.COLLECTIVE);
        if (files.isEmpty()) {
            throw KeyFileException.none(dir.keysDir(), "collective key");
        }
        Map<String, HpkeOpener.UnlockedKey> keys = new HashMap<>();
        try {
            List<KeyFile> notOpened = new ArrayList<>();
            KeyFile opened = null;
            for (KeyFile file : files) {
                try {
                    SecretBytes privateKey = unwrapChecked(file, passphrase);
                    keys.put(file.keyId(), new HpkeOpener.UnlockedKey(privateKey, file.publicKey()));
                    opened = opened == null ? file : opened;
                } catch (WrongPassphraseException e) {
                    notOpened.add(file);
                }
            }
            if (!notOpened.isEmpty() && opened == null) {
                throw new WrongPassphraseException(KeyKind.COLLECTIVE.description);
            }
            if (!notOpened.isEmpty()) {
                KeyFile stranger = notOpened.get(0);
                throw KeyFileException.notWrappedByThePassphrase(dir.keyPath(stranger.kind(), stranger.keyId()),
                        KeyKind.COLLECTIVE.description, dir.keyPath(opened.kind(), opened.keyId()));
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
        // Every key, not only the active one: an added key must not become the base of the next.
        unlock(passphrase).close();
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

    /**
     * Wraps and writes a fresh private key (which it wipes). A collective key's id is its
     * fingerprint; a signing key keeps a random id (reports name it, and publish their own
     * fingerprint of it).
     */
    private KeyFile newKey(KeyKind kind, byte[] rawPrivateKey, Secret passphrase, Argon2Profile profile,
                           int generation) throws KeyFileException {
        try (SecretBytes privateKey = SecretBytes.adopt(rawPrivateKey)) {
            byte[] publicKey = kind == KeyKind.COLLECTIVE ? Hpke.publicKeyOf(rawPrivateKey)
                    : Ed25519.publicKeyOf(rawPrivateKey);
            String keyId = kind == KeyKind.COLLECTIVE ? KeyIds.fingerprint(kind, publicKey).digits()
                    : KeyIds.random(random);
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
                throw KeyFileException.privateKeyMismatch(dir.keyPath(file.kind(), file.keyId()),
                        file.kind().description);
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
