package org.gawahi.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import org.gawahi.config.secret.SecretBytes;
import org.junit.jupiter.api.Test;

class SealingTest {
    private final Fixtures.Pair pair = Fixtures.keyPair();
    private final String keyId = pair.sealer().keyId();

    @Test
    void sealedTestimonyOpensWithSameAssociatedData() throws Exception {
        SecretBytes plaintext = SecretBytes.utf8("पुलिस रात को आई / police came at night");
        byte[] sealed = pair.sealer().seal(plaintext, Fixtures.ad(keyId));

        try (SecretBytes opened = pair.opener().open(sealed, Fixtures.ad(keyId))) {
            assertThat(opened).isEqualTo(plaintext);
        }
    }

    @Test
    void emptyPlaintextRoundTrips() throws Exception {
        byte[] sealed = pair.sealer().seal(SecretBytes.copyOf(new byte[0]), Fixtures.ad(keyId));

        assertThat(pair.opener().open(sealed, Fixtures.ad(keyId)).length()).isZero();
    }

    @Test
    void plaintextEndingInZerosRoundTrips() throws Exception {
        SecretBytes plaintext = SecretBytes.copyOf(new byte[] {1, 0, 0, 0});
        byte[] sealed = pair.sealer().seal(plaintext, Fixtures.ad(keyId));

        assertThat(pair.opener().open(sealed, Fixtures.ad(keyId))).isEqualTo(plaintext);
    }

    @Test
    void sealedTestimonyOpensOnlyWithSameAssociatedData() {
        byte[] sealed = pair.sealer().seal(Fixtures.text(100), Fixtures.ad(keyId));

        for (AssociatedData other : new AssociatedData[] {
                AssociatedData.of("testimony", "t-2", 1, keyId),
                AssociatedData.of("testimony", "t-1", 2, keyId),
                AssociatedData.of("redacted", "t-1", 1, keyId),
                AssociatedData.of("testimony", "t-1", 1, "0000000000000000")}) {
            assertThatThrownBy(() -> pair.opener().open(sealed, other.bytes()))
                    .isInstanceOf(CannotOpenException.class);
        }
    }

    @Test
    void sealingTwiceGivesDifferentRecords() {
        SecretBytes plaintext = Fixtures.text(10);

        assertThat(pair.sealer().seal(plaintext, Fixtures.ad(keyId)))
                .isNotEqualTo(pair.sealer().seal(plaintext, Fixtures.ad(keyId)));
    }

    @Test
    void everyFlippedByteIsRefusedWithCannotOpen() {
        byte[] sealed = pair.sealer().seal(Fixtures.text(50), Fixtures.ad(keyId));

        for (int i = 0; i < sealed.length; i++) {
            for (int bit : new int[] {0x01, 0x80, 0xff}) {
                byte[] damaged = sealed.clone();
                damaged[i] ^= (byte) bit;
                Throwable thrown = catchThrowable(() -> pair.opener().open(damaged, Fixtures.ad(keyId)));
                assertThat(thrown).as("flip 0x%02x at byte %d", bit, i).isInstanceOf(CannotOpenException.class);
            }
        }
    }

    @Test
    void everyTruncationIsRefusedWithCannotOpen() {
        byte[] sealed = pair.sealer().seal(Fixtures.text(50), Fixtures.ad(keyId));

        for (int length = 0; length < sealed.length; length++) {
            byte[] truncated = Arrays.copyOf(sealed, length);
            Throwable thrown = catchThrowable(() -> pair.opener().open(truncated, Fixtures.ad(keyId)));
            assertThat(thrown).as("truncated to %d", length).isInstanceOf(CannotOpenException.class);
        }
    }

    @Test
    void appendedBytesAreRefusedWithCannotOpen() {
        byte[] sealed = pair.sealer().seal(Fixtures.text(50), Fixtures.ad(keyId));
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 1024);

        assertThatThrownBy(() -> pair.opener().open(longer, Fixtures.ad(keyId)))
                .isInstanceOf(CannotOpenException.class);
    }

    @Test
    void nullRecordIsRefusedWithCannotOpen() {
        assertThatThrownBy(() -> pair.opener().open(null, Fixtures.ad(keyId)))
                .isInstanceOf(CannotOpenException.class);
    }

    @Test
    void lowOrderEncapsulatedKeyIsRefusedWithCannotOpen() {
        byte[] sealed = pair.sealer().seal(Fixtures.text(50), Fixtures.ad(keyId));
        int encAt = 2 + keyId.length() + 2;
        Arrays.fill(sealed, encAt, encAt + 32, (byte) 0); // the all-zero point: X25519 gives a zero secret

        assertThatThrownBy(() -> pair.opener().open(sealed, Fixtures.ad(keyId)))
                .isInstanceOf(CannotOpenException.class);
    }

    @Test
    void recordSealedToAnotherKeyIsRefusedWithCannotOpen() {
        Fixtures.Pair other = Fixtures.keyPair();
        byte[] sealed = other.sealer().seal(Fixtures.text(50), Fixtures.ad(other.sealer().keyId()));

        assertThatThrownBy(() -> pair.opener().open(sealed, Fixtures.ad(other.sealer().keyId())))
                .isInstanceOf(CannotOpenException.class)
                .hasMessageContaining(other.sealer().keyId());
    }

    @Test
    void recordWithSameKeyIdButOtherKeyIsRefusedWithCannotOpen() {
        Fixtures.Pair impostor = Fixtures.keyPair(keyId);
        byte[] sealed = impostor.sealer().seal(Fixtures.text(50), Fixtures.ad(keyId));

        assertThatThrownBy(() -> pair.opener().open(sealed, Fixtures.ad(keyId)))
                .isInstanceOf(CannotOpenException.class);
    }

    @Test
    void paddingHidesLength() {
        int oneByte = pair.sealer().seal(Fixtures.text(1), Fixtures.ad(keyId)).length;
        int thousandBytes = pair.sealer().seal(Fixtures.text(1000), Fixtures.ad(keyId)).length;
        int step = pair.sealer().seal(Fixtures.text(1020), Fixtures.ad(keyId)).length;
        int nextStep = pair.sealer().seal(Fixtures.text(1025), Fixtures.ad(keyId)).length;

        assertThat(thousandBytes).isEqualTo(oneByte);
        assertThat(step).isEqualTo(oneByte);
        assertThat(nextStep).isEqualTo(oneByte + 1024);
    }

    @Test
    void sealedRecordStartsWithVersionAndKeyId() {
        byte[] sealed = pair.sealer().seal(Fixtures.text(1), Fixtures.ad(keyId));

        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(sealed[1]).isEqualTo((byte) 16);
        assertThat(new String(sealed, 2, 16, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(keyId);
        assertThat(sealed).hasSize(2 + 16 + 2 + 32 + 1024 + 16);
    }

    @Test
    void sealingRefusesMissingAssociatedData() {
        assertThatThrownBy(() -> pair.sealer().seal(Fixtures.text(1), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> pair.sealer().seal(Fixtures.text(1), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sealingDoesNotWipeCallersPlaintext() {
        SecretBytes plaintext = Fixtures.text(5);
        pair.sealer().seal(plaintext, Fixtures.ad(keyId));

        assertThat(plaintext.utf8String()).isEqualTo("abcde");
    }

    @Test
    void closedOpenerRefusesToOpen() {
        byte[] sealed = pair.sealer().seal(Fixtures.text(5), Fixtures.ad(keyId));
        pair.opener().close();

        assertThatThrownBy(() -> pair.opener().open(sealed, Fixtures.ad(keyId)))
                .isInstanceOf(IllegalStateException.class);
    }
}
