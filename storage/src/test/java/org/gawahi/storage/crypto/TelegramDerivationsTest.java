package org.gawahi.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.conversation.TelegramIds;
import org.junit.jupiter.api.Test;

/**
 * Every value an existing data directory holds for a Telegram chat, derived under fixed keys by
 * the release before the neutral conversation id (the hex below was computed by that code, before
 * it changed): a draft row's name, a draft sealed under its per-chat key and associated data, the
 * audit's actor pseudonyms (server-secret and role-table ones) and the form's per-user name. If
 * any derivation changed its input encoding, a running bot would lose every draft in progress,
 * name every moderator anew in the audit, and forget who may review. A conversation of another
 * channel derives its own values, never a Telegram chat's, whatever its bytes.
 */
class TelegramDerivationsTest {
    private static final ConversationId CHAT = TelegramIds.conversation(1_234_567_890L);
    private static final ConversationId GROUP_CHAT = TelegramIds.conversation(-1_001_234_567_890L);
    private static final ConversationId USER = TelegramIds.conversation(987_654_321L);
    /** A web conversation whose bytes are exactly CHAT's, the worst case for a collision. */
    private static final ConversationId WEB_WITH_CHATS_BYTES = ConversationId.of("web", CHAT.bytes());

    private static byte[] counting(int length, int from) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    private static DraftCipher runKey() {
        return DraftCipher.ofRunKey("0123456789abcdef", SecretBytes.adopt(counting(32, 1)), Fixtures.RANDOM);
    }

    private static byte[] draftSealedByTheEarlierRelease() throws IOException {
        try (InputStream in = TelegramDerivationsTest.class.getResourceAsStream("telegram-draft-1234567890.hex")) {
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        }
    }

    @Test
    void aTelegramChatsDraftRowKeepsTheNameEarlierReleasesGaveIt() {
        DraftCipher cipher = runKey();

        assertThat(cipher.rowName(CHAT)).isEqualTo("985525e0f13373e74cd369ea8e51fdc19cc2552aa8ebdf4922839b234dc1b8e8");
        assertThat(cipher.rowName(GROUP_CHAT)).isEqualTo("6fb57598243018102f3d6519c634ee08ade18e1cdf93cdf877ac6e4412be56ca");
        assertThat(cipher.rowName(TelegramIds.conversation(0L))).isEqualTo("9e5f6aea6064e832e2d6b0ce2cc90d63aa2ee3464ef8d1614802ef588b3fd752");
    }

    @Test
    void aDraftSealedByAnEarlierReleaseStillOpensForItsChatOnly() throws Exception {
        DraftCipher cipher = runKey();
        byte[] sealed = draftSealedByTheEarlierRelease();

        assertThat(cipher.decrypt(CHAT, sealed).utf8String()).isEqualTo("{\"q3\":\"two vans\"}");
        assertThatThrownBy(() -> cipher.decrypt(TelegramIds.conversation(1_234_567_891L), sealed)).isInstanceOf(CannotOpenException.class);
    }

    @Test
    void aModeratorKeepsTheAuditPseudonymsAndFormNameEarlierReleasesGaveHer() {
        try (Pseudonyms pseudonyms = new Pseudonyms(ServerSecret.of(SecretBytes.adopt(counting(32, 64))));
             ActorPseudonyms roleTable = ActorPseudonyms.fromKey(counting(32, 100))) {
            assertThat(pseudonyms.actorPseudonym(USER))
                    .isEqualTo("e9aeef44d1e7626a61c4e7d64b27d992eae845d0be0b51eb78d4810c0f304221");
            assertThat(pseudonyms.formUser(USER))
                    .isEqualTo("6aef6094061e1c95dfd3ee08dc79f1def7f254b0b979d2dff2fe8f330fa747cb");
            assertThat(roleTable.of(USER))
                    .isEqualTo("857d756a9bf79445993df988d5a9ad143a9a4feb026432400f2d86fde5a2bac1");
        }
    }

    @Test
    void aWebConversationGetsItsOwnRowNameAndKeyEvenWithATelegramChatsBytes() throws Exception {
        DraftCipher cipher = runKey();
        byte[] sealed = draftSealedByTheEarlierRelease();

        assertThat(cipher.rowName(WEB_WITH_CHATS_BYTES)).matches("[0-9a-f]{64}")
                .isNotEqualTo(cipher.rowName(CHAT))
                .isNotEqualTo(cipher.rowName(ConversationId.of("terminal", CHAT.bytes())));
        assertThatThrownBy(() -> cipher.decrypt(WEB_WITH_CHATS_BYTES, sealed)).isInstanceOf(CannotOpenException.class);
        byte[] webDraft = cipher.encrypt(WEB_WITH_CHATS_BYTES, SecretBytes.utf8("web draft"));
        assertThat(cipher.decrypt(WEB_WITH_CHATS_BYTES, webDraft).utf8String()).isEqualTo("web draft");
        assertThatThrownBy(() -> cipher.decrypt(CHAT, webDraft)).isInstanceOf(CannotOpenException.class);
    }

    @Test
    void aWebConversationIsNamedApartFromEveryTelegramUserInTheAuditAndTheForm() {
        ConversationId web = ConversationId.of("web", USER.bytes());
        try (Pseudonyms pseudonyms = new Pseudonyms(ServerSecret.of(SecretBytes.adopt(counting(32, 64))));
             ActorPseudonyms roleTable = ActorPseudonyms.fromKey(counting(32, 100))) {
            assertThat(pseudonyms.actorPseudonym(web)).isNotEqualTo(pseudonyms.actorPseudonym(USER));
            assertThat(pseudonyms.formUser(web)).isNotEqualTo(pseudonyms.formUser(USER));
            assertThat(roleTable.of(web)).isNotEqualTo(roleTable.of(USER));
        }
    }

    /** Why no other channel can collide with Telegram: its input is never 8 bytes, and it names its channel. */
    @Test
    void onlyATelegramConversationFeedsItsBareBytes() {
        assertThat(ConversationInput.of(CHAT)).isEqualTo(new Canonical().int64(1_234_567_890L).toByteArray());
        assertThat(ConversationInput.of(ConversationId.of("web", new byte[] {1}))).hasSizeGreaterThanOrEqualTo(30)
                .isNotEqualTo(ConversationInput.of(ConversationId.of("webx", new byte[] {1})))
                .isNotEqualTo(ConversationInput.of(ConversationId.of("web", new byte[] {1, 0})));
        assertThatThrownBy(() -> ConversationId.of(ConversationId.TELEGRAM, new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
