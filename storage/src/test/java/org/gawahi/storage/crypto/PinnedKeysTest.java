package org.gawahi.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.config.settings.KeyFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of whoever had the disk for an hour, on real key files: a swapped public key, an
 * added key, a private key that does not match; and the pin that makes the bot refuse them.
 * The attacker knows the file format and recomputes every checksum; only the passphrase and
 * the pin are out of reach.
 */
class PinnedKeysTest {
    private static final Secret PASSPHRASE = Secret.of("the collective's own passphrase");
    private static final Secret ATTACKER = Secret.of("the police's passphrase");

    @TempDir
    Path data;

    private Keys keys() {
        return new Keys(data, Fixtures.RANDOM, Clock.systemUTC());
    }

    private KeyDirectory dir() {
        return new KeyDirectory(data);
    }

    private Path file(KeyInfo key) {
        return dir().keyPath(KeyKind.COLLECTIVE, key.keyId());
    }

    /** A well-formed key file of the attacker's own key pair, with whatever id and generation she likes. */
    private KeyFile attackerKey(String keyId, int generation, byte[] attackerPrivate) {
        try (SecretBytes privateKey = SecretBytes.adopt(attackerPrivate.clone())) {
            byte[] publicKey = Hpke.publicKeyOf(attackerPrivate);
            return KeyFile.wrap(KeyKind.COLLECTIVE, keyId, generation, Instant.parse("2026-11-02T10:15:30Z"),
                    publicKey, privateKey, ATTACKER, Argon2Profile.TEST.params(), Fixtures.RANDOM);
        }
    }

    private static String fingerprintId(byte[] privateKey) {
        return KeyIds.fingerprint(KeyKind.COLLECTIVE, Hpke.publicKeyOf(privateKey)).digits();
    }

    @Test
    void aNewKeysIdIsTheFingerprintOfItsPublicKey() throws Exception {
        KeyInfo key = keys().init(PASSPHRASE, Argon2Profile.TEST);
        KeyFile onDisk = dir().read(KeyKind.COLLECTIVE).get(0);

        assertThat(key.keyId()).matches("[0-9]{30}").isEqualTo(key.fingerprint().digits());
        assertThat(key.legacyId()).isFalse();
        assertThat(KeyIds.fingerprint(KeyKind.COLLECTIVE, onDisk.publicKey())).isEqualTo(key.fingerprint());
        assertThat(keys().rotate(PASSPHRASE, Argon2Profile.TEST).keyId()).matches("[0-9]{30}");
    }

    /** Pins the computation FORMAT.md describes, done here by hand from the public key bytes. */
    @Test
    void theFingerprintIsSixChunksOfALabelledSha256() throws Exception {
        byte[] publicKey = new byte[32];
        for (int i = 0; i < 32; i++) {
            publicKey[i] = (byte) i;
        }
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (byte[] field : new byte[][] {"gawahi-key-fingerprint".getBytes(StandardCharsets.US_ASCII), null,
                "collective".getBytes(StandardCharsets.US_ASCII), "x25519".getBytes(StandardCharsets.US_ASCII),
                publicKey}) {
            if (field == null) {
                in.writeBytes(new byte[] {0, 0, 0, 1}); // the version, a 4-byte integer
            } else {
                in.writeBytes(new byte[] {0, 0, 0, (byte) field.length});
                in.writeBytes(field);
            }
        }
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(in.toByteArray());
        StringBuilder expected = new StringBuilder();
        for (int chunk = 0; chunk < 6; chunk++) {
            long n = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(hash, chunk * 5, chunk * 5 + 5)).longValue();
            expected.append(String.format("%05d", n % 100_000));
        }

        assertThat(KeyIds.fingerprint(KeyKind.COLLECTIVE, publicKey).digits()).isEqualTo(expected.toString());
        assertThat(KeyIds.fingerprint(KeyKind.SIGNING, publicKey).digits()).isNotEqualTo(expected.toString());
    }

    @Test
    void thePrintedFingerprintPinsTheKeyWithOrWithoutSpacesOrDashes() throws Exception {
        KeyInfo key = keys().init(PASSPHRASE, Argon2Profile.TEST);
        String printed = key.fingerprint().grouped();

        assertThat(printed).matches("[0-9]{5}( [0-9]{5}){5}");
        for (String typed : new String[] {printed, printed.replace(' ', '-'), printed.replace(" ", ""),
                " " + printed.replace(" ", " - ") + "\n"}) {
            Optional<KeyFingerprint> pin = KeyFingerprint.parse(typed);
            assertThat(pin).as(typed).contains(key.fingerprint());
            assertThat(keys().intakeSealer(pin, Optional.empty()).keyId()).isEqualTo(key.keyId());
        }
        assertThat(KeyFingerprint.parse(printed.substring(1))).isEmpty();
        assertThat(KeyFingerprint.parse(printed + "1")).isEmpty();
        assertThat(KeyFingerprint.parse(printed.replace('1', 'l'))).isEmpty();
    }

    @Test
    void aSwappedPublicKeyWithTheSameIdIsRefusedNamingTheFileNeverAsAWrongPassphrase() throws Exception {
        KeyInfo key = keys().init(PASSPHRASE, Argon2Profile.TEST);
        Path victim = file(key);
        Files.delete(victim);
        dir().write(attackerKey(key.keyId(), key.generation(), Hpke.generatePrivateKey(Fixtures.RANDOM)));

        for (Throwable refused : new Throwable[] {catchThrowable(() -> keys().state()),
                catchThrowable(() -> keys().intakeSealer(Optional.empty(), Optional.empty())),
                catchThrowable(() -> keys().intakeSealer(Optional.of(key.fingerprint()), Optional.empty())),
                catchThrowable(() -> keys().sealer()),
                catchThrowable(() -> keys().unlock(PASSPHRASE))}) {
            assertThat(refused).isInstanceOf(KeyFileException.class)
                    .hasMessageContaining(victim.toString())
                    .hasMessageContaining("is not its id: the public key was replaced");
            assertThat(((KeyFileException) refused).file()).isEqualTo(victim);
        }
    }

    @Test
    void aPublicKeySwappedBesideTheOriginalWrappedKeyIsReportedAsSwapped() throws Exception {
        KeyInfo key = keys().init(PASSPHRASE, Argon2Profile.TEST);
        Path victim = file(key);
        KeyFile file = dir().read(KeyKind.COLLECTIVE).get(0);
        byte[] otherPublic = Hpke.publicKeyOf(Hpke.generatePrivateKey(Fixtures.RANDOM));
        Files.delete(victim);
        dir().write(new KeyFile(file.kind(), file.keyId(), file.generation(), file.created(), otherPublic,
                file.kdf(), file.salt(), file.nonce(), file.wrapped()));

        assertThat(catchThrowable(() -> keys().unlock(PASSPHRASE))).isInstanceOf(KeyFileException.class)
                .isNotInstanceOf(WrongPassphraseException.class).hasMessageContaining("public key was replaced");
    }

    @Test
    void anExtraKeyOfAHigherGenerationIsNeverSealedTo() throws Exception {
        KeyInfo ours = keys().init(PASSPHRASE, Argon2Profile.TEST);
        byte[] attackerPrivate = Hpke.generatePrivateKey(Fixtures.RANDOM);
        KeyFile added = attackerKey(fingerprintId(attackerPrivate), ours.generation() + 1, attackerPrivate);
        dir().write(added);
        Path addedPath = dir().keyPath(KeyKind.COLLECTIVE, added.keyId());

        // The id is honest (the attacker used her key's fingerprint): the disk alone looks like a rotation.
        assertThat(keys().state().activeKeyId()).contains(added.keyId());
        assertThatThrownBy(() -> keys().intakeSealer(Optional.empty(), Optional.empty()))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("2 collective keys").hasMessageContaining(addedPath.getFileName().toString())
                .hasMessageContaining("someone added a key").hasMessageContaining("GAWAHI_KEY_FINGERPRINT");
        assertThatThrownBy(() -> keys().intakeSealer(Optional.of(ours.fingerprint()), Optional.empty()))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("is not the key pinned by GAWAHI_KEY_FINGERPRINT")
                .hasMessageContaining(addedPath.toString());
        for (Throwable refused : new Throwable[] {catchThrowable(() -> keys().unlock(PASSPHRASE)),
                catchThrowable(() -> keys().rotate(PASSPHRASE, Argon2Profile.TEST))}) {
            assertThat(refused).isInstanceOf(KeyFileException.class)
                    .hasMessageContaining(addedPath.toString())
                    .hasMessageContaining("does not open with the passphrase that opens " + file(ours).getFileName())
                    .hasMessageContaining("someone added or replaced it");
            assertThat(((KeyFileException) refused).file()).isEqualTo(addedPath);
        }
        assertThat(keys().state().collectiveKeys()).hasSize(2);
    }

    @Test
    void twoKeysClaimingTheSameNewestGenerationAreRefusedEvenPinned() throws Exception {
        KeyInfo ours = keys().init(PASSPHRASE, Argon2Profile.TEST);
        byte[] attackerPrivate = Hpke.generatePrivateKey(Fixtures.RANDOM);
        dir().write(attackerKey(fingerprintId(attackerPrivate), ours.generation(), attackerPrivate));

        for (Optional<KeyFingerprint> pin : java.util.List.of(Optional.<KeyFingerprint>empty(),
                Optional.of(ours.fingerprint()))) {
            assertThatThrownBy(() -> keys().intakeSealer(pin, Optional.empty())).isInstanceOf(KeyFileException.class)
                    .hasMessageContaining("both claim to be the newest (generation 1)");
        }
    }

    @Test
    void aPinnedFingerprintThatDiffersRefusesIntake() throws Exception {
        KeyInfo ours = keys().init(PASSPHRASE, Argon2Profile.TEST);
        KeyFingerprint other = KeyIds.fingerprint(KeyKind.COLLECTIVE,
                Hpke.publicKeyOf(Hpke.generatePrivateKey(Fixtures.RANDOM)));

        assertThatThrownBy(() -> keys().intakeSealer(Optional.of(other), Optional.empty()))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("no collective key in " + data.resolve("keys"))
                .hasMessageContaining("pinned by GAWAHI_KEY_FINGERPRINT (" + other.grouped() + ")")
                .hasMessageContaining(ours.fingerprint().grouped())
                .hasMessageContaining("no testimony is taken");
        try (Opener opener = keys().unlock(PASSPHRASE)) {
            assertThatThrownBy(() -> keys().intakeSealer(Optional.of(other), Optional.of(opener)))
                    .isInstanceOf(KeyFileException.class).hasMessageContaining("pinned");
        }
    }

    @Test
    void aPrivateKeyThatDoesNotMatchItsPublicKeyIsAMismatchNotAWrongPassphrase() throws Exception {
        KeyInfo key = keys().init(PASSPHRASE, Argon2Profile.TEST);
        KeyFile original = dir().read(KeyKind.COLLECTIVE).get(0);
        byte[] otherPublic = Hpke.publicKeyOf(Hpke.generatePrivateKey(Fixtures.RANDOM));
        KeyFile mismatched;
        try (SecretBytes privateKey = original.unwrap(PASSPHRASE)) {
            mismatched = KeyFile.wrap(KeyKind.COLLECTIVE, KeyIds.fingerprint(KeyKind.COLLECTIVE, otherPublic).digits(),
                    original.generation(), original.created(), otherPublic, privateKey, PASSPHRASE,
                    Argon2Profile.TEST.params(), Fixtures.RANDOM);
        }
        Files.delete(file(key));
        dir().write(mismatched);
        Path path = dir().keyPath(KeyKind.COLLECTIVE, mismatched.keyId());

        Throwable refused = catchThrowable(() -> keys().unlock(PASSPHRASE));

        assertThat(refused).isInstanceOf(KeyFileException.class)
                .hasMessage("collective key file " + path + " opens with the passphrase, but its private key does "
                        + "not match the public key beside it: the public key was altered. Nothing is sealed to it; "
                        + "restore the keys directory from your backup and find out who had the server");
        assertThat(catchThrowable(() -> keys().rotate(PASSPHRASE, Argon2Profile.TEST)))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("does not match the public key");
    }

    @Test
    void anInterruptedRotationStopsIntakeOnlyUntilPinnedUnlockedOrRotatedAgain() throws Exception {
        KeyInfo old = keys().init(PASSPHRASE, Argon2Profile.TEST);
        byte[] oldRecord = keys().sealer().seal(SecretBytes.utf8("before"), Fixtures.ad(old.keyId()));
        KeyInfo fresh = keys().rotate(PASSPHRASE, Argon2Profile.TEST); // then the power went: the old key stays

        assertThatThrownBy(() -> keys().intakeSealer(Optional.empty(), Optional.empty()))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("a rotation was interrupted");
        assertThat(keys().intakeSealer(Optional.of(fresh.fingerprint()), Optional.empty()).keyId())
                .isEqualTo(fresh.keyId());
        try (Opener opener = keys().unlock(PASSPHRASE)) {
            assertThat(keys().intakeSealer(Optional.empty(), Optional.of(opener)).keyId()).isEqualTo(fresh.keyId());
        }
        KeyInfo again = keys().rotate(PASSPHRASE, Argon2Profile.TEST);
        keys().deleteRetired(fresh.keyId());
        keys().deleteRetired(old.keyId()); // after re-sealing, as `keys rotate` does

        assertThat(keys().intakeSealer(Optional.empty(), Optional.empty()).keyId()).isEqualTo(again.keyId());
        assertThat(again.generation()).isEqualTo(3);
        try (Opener opener = keys().unlock(PASSPHRASE)) {
            assertThatThrownBy(() -> opener.open(oldRecord, Fixtures.ad(old.keyId())))
                    .isInstanceOf(CannotOpenException.class);
        }
    }

    @Test
    void legacyRandomIdKeysStillOpenTheirSealedRecordsAndCanBePinned() throws Exception {
        // A key file as versions before fingerprint ids wrote it: the same format, a random id.
        byte[] privateKey = Hpke.generatePrivateKey(Fixtures.RANDOM);
        byte[] publicKey = Hpke.publicKeyOf(privateKey);
        String legacyId = KeyIds.random(Fixtures.RANDOM);
        try (SecretBytes secret = SecretBytes.adopt(privateKey)) {
            dir().write(KeyFile.wrap(KeyKind.COLLECTIVE, legacyId, 1, Instant.parse("2025-01-01T00:00:00Z"),
                    publicKey, secret, PASSPHRASE, Argon2Profile.TEST.params(), Fixtures.RANDOM));
        }
        byte[] record = new HpkeSealer(legacyId, publicKey, Fixtures.RANDOM)
                .seal(SecretBytes.utf8("sealed last year"), Fixtures.ad(legacyId));
        KeyFingerprint fingerprint = KeyIds.fingerprint(KeyKind.COLLECTIVE, publicKey);

        KeyInfo info = keys().state().collectiveKeys().get(0);
        assertThat(info.keyId()).isEqualTo(legacyId);
        assertThat(info.legacyId()).isTrue();
        assertThat(info.fingerprint()).isEqualTo(fingerprint);
        try (Opener opener = keys().unlock(PASSPHRASE)) {
            assertThat(opener.open(record, Fixtures.ad(legacyId)).utf8String()).isEqualTo("sealed last year");
        }
        assertThat(keys().intakeSealer(Optional.of(fingerprint), Optional.empty()).keyId()).isEqualTo(legacyId);
        assertThat(Keys.fingerprintOf(keys().intakeSealer(Optional.empty(), Optional.empty()))).contains(fingerprint);

        KeyInfo rotated = keys().rotate(PASSPHRASE, Argon2Profile.TEST);
        assertThat(rotated.legacyId()).isFalse();
        try (Opener opener = keys().unlock(PASSPHRASE)) {
            assertThat(opener.open(record, Fixtures.ad(legacyId)).utf8String()).isEqualTo("sealed last year");
        }
    }

    @Test
    void aLegacyKeyWithASwappedPublicKeyIsCaughtByThePin() throws Exception {
        byte[] privateKey = Hpke.generatePrivateKey(Fixtures.RANDOM);
        String legacyId = KeyIds.random(Fixtures.RANDOM);
        KeyFingerprint pinned = KeyIds.fingerprint(KeyKind.COLLECTIVE, Hpke.publicKeyOf(privateKey));
        dir().write(attackerKey(legacyId, 1, Hpke.generatePrivateKey(Fixtures.RANDOM))); // a random id vouches for nothing

        assertThatThrownBy(() -> keys().intakeSealer(Optional.of(pinned), Optional.empty()))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("no collective key")
                .hasMessageContaining(pinned.grouped());
    }
}
