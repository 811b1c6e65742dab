package org.gawahi.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.secret.SecretBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotationTest {
    private static final Secret PASSPHRASE = Secret.of("correct horse battery staple");

    @TempDir
    Path data;

    private Keys keys() {
        return new Keys(data, Fixtures.RANDOM, Clock.systemUTC());
    }

    @Test
    void oldRecordsOpenAfterRotationAndNewSealsUseTheNewKey() throws Exception {
        String oldKeyId = keys().init(PASSPHRASE, Argon2Profile.TEST).keyId();
        byte[] oldAd = Fixtures.ad(oldKeyId);
        byte[] oldRecord = keys().sealer().seal(SecretBytes.utf8("before"), oldAd);

        KeyInfo rotated = keys().rotate(PASSPHRASE, Argon2Profile.TEST);
        Sealer sealer = keys().sealer();
        byte[] newAd = Fixtures.ad(sealer.keyId());
        byte[] newRecord = sealer.seal(SecretBytes.utf8("after"), newAd);

        assertThat(sealer.keyId()).isEqualTo(rotated.keyId()).isNotEqualTo(oldKeyId);
        assertThat(rotated.generation()).isEqualTo(2);
        try (Opener opener = keys().unlock(PASSPHRASE)) {
            assertThat(opener.open(oldRecord, oldAd).utf8String()).isEqualTo("before");
            assertThat(opener.open(newRecord, newAd).utf8String()).isEqualTo("after");
        }
    }

    @Test
    void stateShowsTheNewKeyActiveAndTheOldRetired() throws Exception {
        String oldKeyId = keys().init(PASSPHRASE, Argon2Profile.TEST).keyId();
        String newKeyId = keys().rotate(PASSPHRASE, Argon2Profile.TEST).keyId();

        KeyState state = keys().state();

        assertThat(state.activeKeyId()).contains(newKeyId);
        assertThat(state.collectiveKeys()).extracting(KeyInfo::keyId, KeyInfo::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(newKeyId, KeyStatus.ACTIVE),
                org.assertj.core.groups.Tuple.tuple(oldKeyId, KeyStatus.RETIRED));
    }

    @Test
    void reSealedRecordsSurviveDeletingTheRetiredKey() throws Exception {
        String oldKeyId = keys().init(PASSPHRASE, Argon2Profile.TEST).keyId();
        byte[] oldRecord = keys().sealer().seal(SecretBytes.utf8("testimony"), Fixtures.ad(oldKeyId));
        keys().rotate(PASSPHRASE, Argon2Profile.TEST);

        Sealer sealer = keys().sealer();
        byte[] resealed;
        try (Opener opener = keys().unlock(PASSPHRASE);
             SecretBytes plaintext = opener.open(oldRecord, Fixtures.ad(oldKeyId))) {
            resealed = sealer.seal(plaintext, Fixtures.ad(sealer.keyId()));
        }
        keys().deleteRetired(oldKeyId);

        try (Opener opener = keys().unlock(PASSPHRASE)) {
            assertThat(opener.open(resealed, Fixtures.ad(sealer.keyId())).utf8String()).isEqualTo("testimony");
            assertThatThrownBy(() -> opener.open(oldRecord, Fixtures.ad(oldKeyId)))
                    .isInstanceOf(CannotOpenException.class)
                    .hasMessageContaining("not unlocked");
        }
        assertThat(keys().state().collectiveKeys()).hasSize(1);
    }

    @Test
    void theActiveKeyCannotBeDeleted() throws Exception {
        String keyId = keys().init(PASSPHRASE, Argon2Profile.TEST).keyId();

        assertThatThrownBy(() -> keys().deleteRetired(keyId)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("active");
        assertThat(keys().sealer().keyId()).isEqualTo(keyId);
    }

    @Test
    void deletingAnUnknownKeyIsReported() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);

        assertThatThrownBy(() -> keys().deleteRetired("0123456789abcdef")).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> keys().deleteRetired("../server")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rotationRefusesAWrongPassphraseAndWritesNoKey() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);

        assertThatThrownBy(() -> keys().rotate(Secret.of("wrong"), Argon2Profile.TEST))
                .isInstanceOf(WrongPassphraseException.class);
        assertThat(keys().state().collectiveKeys()).hasSize(1);
    }

    @Test
    void rotationKeepsTheServerSecret() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        byte[] before = Files.readAllBytes(data.resolve("keys/server.secret"));

        keys().rotate(PASSPHRASE, Argon2Profile.TEST);

        assertThat(Files.readAllBytes(data.resolve("keys/server.secret"))).isEqualTo(before);
    }
}
