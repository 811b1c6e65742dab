package org.gawahi.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.conversation.TelegramIds;
import org.junit.jupiter.api.Test;

class DraftCipherTest {
    private static final long CHAT_A_ID = 1_234_567_890L;
    private static final ConversationId CHAT_A = TelegramIds.conversation(CHAT_A_ID);
    private static final ConversationId CHAT_B = TelegramIds.conversation(1_234_567_891L);

    private final DraftCipher cipher = DraftCipher.generate(Fixtures.RANDOM);

    @Test
    void draftRoundTrips() throws Exception {
        byte[] encrypted = cipher.encrypt(CHAT_A, SecretBytes.utf8("{\"q3\":\"two vans\"}"));

        assertThat(cipher.decrypt(CHAT_A, encrypted).utf8String()).isEqualTo("{\"q3\":\"two vans\"}");
    }

    @Test
    void twoChatsGetDifferentRowNames() {
        assertThat(cipher.rowName(CHAT_A)).isNotEqualTo(cipher.rowName(CHAT_B)).matches("[0-9a-f]{64}");
        assertThat(cipher.rowName(CHAT_A)).isEqualTo(cipher.rowName(CHAT_A));
    }

    @Test
    void rowNameDoesNotContainTheChatId() {
        assertThat(cipher.rowName(CHAT_A)).doesNotContain(Long.toString(CHAT_A_ID)).doesNotContain(Long.toHexString(CHAT_A_ID));
    }

    @Test
    void draftOfChatACannotBeOpenedAsChatB() {
        byte[] encrypted = cipher.encrypt(CHAT_A, SecretBytes.utf8("draft"));

        assertThatThrownBy(() -> cipher.decrypt(CHAT_B, encrypted)).isInstanceOf(CannotOpenException.class);
    }

    @Test
    void anotherRunKeyCannotOpenTheDraftNorNameTheRow() {
        DraftCipher other = DraftCipher.generate(Fixtures.RANDOM);
        byte[] encrypted = cipher.encrypt(CHAT_A, SecretBytes.utf8("draft"));

        assertThatThrownBy(() -> other.decrypt(CHAT_A, encrypted)).isInstanceOf(CannotOpenException.class);
        assertThat(other.rowName(CHAT_A)).isNotEqualTo(cipher.rowName(CHAT_A));
        assertThat(other.keyId()).isNotEqualTo(cipher.keyId()).matches("[0-9a-f]{16}");
    }

    @Test
    void theSealedRunKeyOpensWithTheCollectiveKeyToTheSameNamesAndDrafts() throws Exception {
        Fixtures.Pair collective = Fixtures.keyPair();
        byte[] sealed = cipher.sealTo(collective.sealer());

        DraftCipher reopened = DraftCipher.open(cipher.keyId(), collective.sealer().keyId(), sealed,
                collective.opener(), Fixtures.RANDOM);

        assertThat(reopened.rowName(CHAT_A)).isEqualTo(cipher.rowName(CHAT_A));
        assertThat(reopened.decrypt(CHAT_A, cipher.encrypt(CHAT_A, SecretBytes.utf8("x"))).utf8String()).isEqualTo("x");
    }

    @Test
    void theSealedRunKeyDoesNotOpenUnderAnotherIdNorWithAnotherCollectiveKey() {
        Fixtures.Pair collective = Fixtures.keyPair();
        Fixtures.Pair stranger = Fixtures.keyPair(collective.sealer().keyId());
        byte[] sealed = cipher.sealTo(collective.sealer());
        String otherId = DraftCipher.generate(Fixtures.RANDOM).keyId();

        assertThatThrownBy(() -> DraftCipher.open(otherId, collective.sealer().keyId(), sealed, collective.opener(),
                Fixtures.RANDOM)).isInstanceOf(CannotOpenException.class);
        assertThatThrownBy(() -> DraftCipher.open(cipher.keyId(), collective.sealer().keyId(), sealed,
                stranger.opener(), Fixtures.RANDOM)).isInstanceOf(CannotOpenException.class);
    }

    @Test
    void draftsArePaddedSoDifferentLengthsEncryptAlike() {
        int shortOne = cipher.encrypt(CHAT_A, SecretBytes.utf8("{\"q3\":\"yes\"}")).length;
        int longer = cipher.encrypt(CHAT_A, Fixtures.text(900)).length;
        int overOneStep = cipher.encrypt(CHAT_A, Fixtures.text(1100)).length;

        assertThat(longer).isEqualTo(shortOne);
        assertThat(overOneStep).isEqualTo(shortOne + Padding.STEP);
    }

    @Test
    void everyFlippedByteOrTruncationIsRefusedWithCannotOpen() {
        byte[] encrypted = cipher.encrypt(CHAT_A, SecretBytes.utf8("a draft of some length"));

        for (int i = 0; i < encrypted.length; i++) {
            byte[] damaged = encrypted.clone();
            damaged[i] ^= 0x01;
            assertThat(catchThrowable(() -> cipher.decrypt(CHAT_A, damaged))).as("flip at %d", i)
                    .isInstanceOf(CannotOpenException.class);
            byte[] truncated = Arrays.copyOf(encrypted, i);
            assertThat(catchThrowable(() -> cipher.decrypt(CHAT_A, truncated))).as("truncated to %d", i)
                    .isInstanceOf(CannotOpenException.class);
        }
        assertThat(catchThrowable(() -> cipher.decrypt(CHAT_A, null))).isInstanceOf(CannotOpenException.class);
    }

    @Test
    void encryptingTwiceGivesDifferentCiphertexts() {
        assertThat(cipher.encrypt(CHAT_A, SecretBytes.utf8("same")))
                .isNotEqualTo(cipher.encrypt(CHAT_A, SecretBytes.utf8("same")));
    }

    @Test
    void printsNoKeyMaterial() {
        assertThat(cipher.toString()).isEqualTo("DraftCipher[REDACTED]");
    }

    @Test
    void reusedMacsAndCiphersGiveWhatFreshOnesGive() throws Exception {
        byte[] runKey = new byte[32];
        Fixtures.RANDOM.nextBytes(runKey);
        String keyId = KeyIds.random(Fixtures.RANDOM);
        DraftCipher reusing = DraftCipher.ofRunKey(keyId, SecretBytes.copyOf(runKey), Fixtures.RANDOM);
        byte[] prk = Hkdf.extract(ascii("gawahi/draft-run-key/v2"), runKey);
        byte[] namingKey = Hkdf.expand(prk, ascii("gawahi/draft-row-name/v2"), 32);

        for (long chat = CHAT_A_ID; chat < CHAT_A_ID + 5; chat++) {
            // Each call twice and interleaved, so later calls run on objects an earlier one used.
            for (int round = 0; round < 2; round++) {
                String name = Bytes.hex(Hkdf.hmac(namingKey, new Canonical().int64(chat).toByteArray()));
                byte[] chatKey = Hkdf.expand(prk, Bytes.concat(ascii("gawahi/draft-key/v2"),
                        new Canonical().int64(chat).toByteArray()), 32);
                byte[] ad = new Canonical().string("gawahi draft").int32(2).string(name).string(keyId).toByteArray();

                assertThat(reusing.rowName(TelegramIds.conversation(chat))).isEqualTo(name);
                byte[] sealed = reusing.encrypt(TelegramIds.conversation(chat), SecretBytes.utf8("draft " + chat));
                byte[] opened = Padding.unpad(Gcm.decrypt(chatKey, Arrays.copyOfRange(sealed, 1, sealed.length), ad));
                assertThat(new String(opened, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("draft " + chat);
                byte[] fresh = Gcm.encrypt(chatKey, Padding.pad(ascii("fresh " + chat)), ad, Fixtures.RANDOM);
                byte[] stored = Bytes.concat(new byte[] {2}, fresh);
                assertThat(reusing.decrypt(TelegramIds.conversation(chat), stored).utf8String()).isEqualTo("fresh " + chat);
            }
        }
        assertThat(reusing.idleInstances()).isPositive();
    }

    @Test
    void aDraftThatDoesNotOpenLeavesTheNextOneOpening() throws Exception {
        byte[] good = cipher.encrypt(CHAT_A, SecretBytes.utf8("draft"));
        byte[] forged = good.clone();
        forged[forged.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(CHAT_A, forged)).isInstanceOf(CannotOpenException.class);
        assertThat(cipher.decrypt(CHAT_A, good).utf8String()).isEqualTo("draft");
    }

    @Test
    void manyThreadsAtOnceEachOpenTheirOwnDrafts() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                ConversationId chat = TelegramIds.conversation(CHAT_A_ID + i % 17);
                String text = "draft " + i;
                results.add(pool.submit(() -> {
                    byte[] sealed = cipher.encrypt(chat, SecretBytes.utf8(text));
                    return cipher.decrypt(chat, sealed).utf8String().equals(text)
                            && cipher.rowName(chat).equals(cipher.rowName(chat));
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closingDropsTheReusedKeyedObjects() {
        cipher.encrypt(CHAT_A, SecretBytes.utf8("draft"));
        assertThat(cipher.idleInstances()).isPositive();

        cipher.close();

        assertThat(cipher.idleInstances()).isZero();
        assertThatThrownBy(() -> cipher.rowName(CHAT_A)).isInstanceOf(IllegalStateException.class);
        assertThat(cipher.idleInstances()).isZero();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
