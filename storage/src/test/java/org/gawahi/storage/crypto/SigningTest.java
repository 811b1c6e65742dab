package org.gawahi.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import org.gawahi.config.secret.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningTest {
    private static final Secret PASSPHRASE = Secret.of("a long enough passphrase");
    private static final byte[] REPORT = "raids,Q3 2026,Maharashtra,12".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path data;

    private Keys keys() {
        return new Keys(data, Fixtures.RANDOM, Clock.systemUTC());
    }

    @Test
    void signedReportVerifiesWithThePublicKeyAndForgeriesDoNot() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        String keyId = keys().newSigningKey(PASSPHRASE, Argon2Profile.TEST).keyId();

        try (Signer signer = keys().signer(PASSPHRASE)) {
            byte[] signature = signer.sign(REPORT);
            byte[] publicKey = keys().signingPublicKey(keyId);

            assertThat(signer.keyId()).isEqualTo(keyId);
            assertThat(signer.publicKey()).isEqualTo(publicKey);
            assertThat(Signer.verify(publicKey, REPORT, signature)).isTrue();
            byte[] forged = REPORT.clone();
            forged[forged.length - 1] = '3';
            assertThat(Signer.verify(publicKey, forged, signature)).isFalse();
            signature[0] ^= 1;
            assertThat(Signer.verify(publicKey, REPORT, signature)).isFalse();
        }
    }

    @Test
    void verifyAnswersFalseForMalformedInput() {
        assertThat(Signer.verify(new byte[31], REPORT, new byte[64])).isFalse();
        assertThat(Signer.verify(new byte[32], REPORT, new byte[63])).isFalse();
        assertThat(Signer.verify(null, REPORT, new byte[64])).isFalse();
        assertThat(Signer.verify(new byte[32], REPORT, new byte[64])).isFalse();
    }

    @Test
    void signingMatchesRfc8032TestVector1() {
        HexFormat hex = HexFormat.of();
        byte[] privateKey = hex.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

        assertThat(hex.formatHex(Ed25519.publicKeyOf(privateKey)))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(hex.formatHex(Ed25519.sign(privateKey, new byte[0]))).isEqualTo(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                        + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void signingKeyNeedsThePassphraseOfTheCollectiveKey() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);

        assertThatThrownBy(() -> keys().newSigningKey(Secret.of("another"), Argon2Profile.TEST))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessage("the passphrase does not open the collective key");
        assertThat(keys().state().signingKeys()).isEmpty();
    }

    @Test
    void wrongPassphraseForTheSigningKeyIsReportedKindly() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        keys().newSigningKey(PASSPHRASE, Argon2Profile.TEST);

        assertThatThrownBy(() -> keys().signer(Secret.of("another")))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessage("the passphrase does not open the signing key");
    }

    @Test
    void signingKeyFileIsPrivateAndItsDamageIsReported() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        String keyId = keys().newSigningKey(PASSPHRASE, Argon2Profile.TEST).keyId();
        Path file = data.resolve("keys/signing-" + keyId + ".key");
        assertThat(file).exists();

        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 100));

        assertThatThrownBy(() -> keys().signer(PASSPHRASE)).isInstanceOf(KeyFileException.class)
                .hasMessage("signing key file " + file + " is truncated or damaged; restore it from your backup");
    }

    @Test
    void aNewerSigningKeyBecomesActiveAndOlderOnesStillVerify() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        String first = keys().newSigningKey(PASSPHRASE, Argon2Profile.TEST).keyId();
        byte[] oldSignature;
        try (Signer signer = keys().signer(PASSPHRASE)) {
            oldSignature = signer.sign(REPORT);
        }

        String second = keys().newSigningKey(PASSPHRASE, Argon2Profile.TEST).keyId();

        try (Signer signer = keys().signer(PASSPHRASE)) {
            assertThat(signer.keyId()).isEqualTo(second);
        }
        assertThat(Signer.verify(keys().signingPublicKey(first), REPORT, oldSignature)).isTrue();
        assertThat(keys().state().signingKeys()).extracting(KeyInfo::keyId).containsExactly(second, first);
    }

    @Test
    void closedSignerRefusesToSign() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        keys().newSigningKey(PASSPHRASE, Argon2Profile.TEST);
        Signer signer = keys().signer(PASSPHRASE);
        signer.close();

        assertThatThrownBy(() -> signer.sign(REPORT)).isInstanceOf(IllegalStateException.class);
        assertThat(signer.toString()).doesNotContain("[B@");
    }
}
