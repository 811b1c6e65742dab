package org.gawahi.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

class PrimitivesTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void hkdfMatchesRfc5869TestCase1() {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
        byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");

        byte[] prk = Hkdf.extract(salt, ikm);
        byte[] okm = Hkdf.expand(prk, info, 42);

        assertThat(HEX.formatHex(prk))
                .isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        assertThat(HEX.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                + "34007208d5b887185865");
    }

    @Test
    void hkdfMatchesRfc5869TestCase3WithoutSaltOrInfo() {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");

        byte[] okm = Hkdf.expand(Hkdf.extract(new byte[0], ikm), new byte[0], 42);

        assertThat(HEX.formatHex(okm)).isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
                + "9d201395faa4b61a96c8");
    }

    @Test
    void gcmRoundTripsAndRefusesOtherAssociatedData() throws Exception {
        byte[] key = new byte[32];
        byte[] sealed = Gcm.encrypt(key, "hello".getBytes(), "ad".getBytes(), Fixtures.RANDOM);

        assertThat(Gcm.decrypt(key, sealed, "ad".getBytes())).isEqualTo("hello".getBytes());
        assertThatThrownBy(() -> Gcm.decrypt(key, sealed, "AD".getBytes())).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> Gcm.decrypt(key, new byte[10], "ad".getBytes()))
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void gcmDrawsAFreshNonceEachTime() {
        byte[] key = new byte[32];

        byte[] a = Gcm.encrypt(key, new byte[16], new byte[0], Fixtures.RANDOM);
        byte[] b = Gcm.encrypt(key, new byte[16], new byte[0], Fixtures.RANDOM);

        assertThat(java.util.Arrays.copyOf(a, 12)).isNotEqualTo(java.util.Arrays.copyOf(b, 12));
    }

    @Test
    void paddingRoundTripsAndStepsAtOneKibibyte() throws Exception {
        assertThat(Padding.paddedLength(0)).isEqualTo(1024);
        assertThat(Padding.paddedLength(1020)).isEqualTo(1024);
        assertThat(Padding.paddedLength(1021)).isEqualTo(2048);
        byte[] text = {0, 1, 2, 0};
        assertThat(Padding.unpad(Padding.pad(text))).isEqualTo(text);
    }

    @Test
    void paddingRefusesALengthBeyondTheBuffer() {
        byte[] padded = Padding.pad(new byte[3]);
        padded[3] = (byte) 0xff;
        padded[2] = (byte) 0x0f;

        assertThatThrownBy(() -> Padding.unpad(padded)).isInstanceOf(CannotOpenException.class);
    }

    @Test
    void paddingRefusesNonZeroFill() {
        byte[] padded = Padding.pad(new byte[3]);
        padded[1000] = 1;

        assertThatThrownBy(() -> Padding.unpad(padded)).isInstanceOf(CannotOpenException.class);
    }
}
