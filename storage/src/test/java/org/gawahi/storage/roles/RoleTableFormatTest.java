package org.gawahi.storage.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.conversation.TelegramIds;
import org.gawahi.storage.crypto.ActorPseudonyms;
import org.junit.jupiter.api.Test;

/**
 * The role table's plaintext, before it is sealed: a moderator is named by her Telegram user id
 * written as a decimal number, as every earlier release wrote it, so tables already on disk open
 * to the same grants and new ones are read by an older release.
 */
class RoleTableFormatTest {
    private static final ConversationId MODERATOR = TelegramIds.conversation(987_654_321L);
    private static final ConversationId MEMBER = TelegramIds.conversation(5601L);
    private static final String PLAINTEXT = "{\"version\":1,\"actorKey\":\"ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=\","
            + "\"grants\":{\"5601\":[\"COLLECTIVE\",\"ADMIN\"],\"987654321\":[\"MODERATOR\"]}}";

    private static byte[] actorKey() {
        byte[] b = new byte[ActorPseudonyms.KEY_BYTES];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (100 + i);
        }
        return b;
    }

    @Test
    void holdersAreWrittenByTheirTelegramIdAsEarlierReleasesDid() {
        try (RoleBook book = new RoleBook(Map.of(), ActorPseudonyms.fromKey(actorKey()))) {
            book.grant(MODERATOR, Role.MODERATOR);
            book.grant(MEMBER, Role.ADMIN);
            book.grant(MEMBER, Role.COLLECTIVE);

            try (SecretBytes plain = Roles.encode(book)) {
                assertThat(plain.utf8String()).isEqualTo(PLAINTEXT);
            }
        }
    }

    @Test
    void aTableWrittenByAnEarlierReleaseOpensToTheSameGrants() {
        try (RoleBook book = Roles.decode(SecretBytes.utf8(PLAINTEXT))) {
            assertThat(book.allows(MODERATOR, Role.MODERATOR)).isTrue();
            assertThat(book.allows(MODERATOR, Role.COLLECTIVE)).isFalse();
            assertThat(book.allows(MEMBER, Role.COLLECTIVE)).isTrue();
            assertThat(book.holdersOf(Role.MODERATOR)).containsExactlyInAnyOrder(MODERATOR, MEMBER);
            assertThat(book.actorPseudonym(MODERATOR))
                    .isEqualTo("857d756a9bf79445993df988d5a9ad143a9a4feb026432400f2d86fde5a2bac1");
        }
    }

    @Test
    void onlyATelegramUserCanBeGrantedARoleSinceTheTableNamesHerByHerTelegramId() {
        ConversationId web = ConversationId.of("web", MODERATOR.bytes());
        try (RoleBook book = new RoleBook(Map.of(), ActorPseudonyms.fromKey(actorKey()))) {
            assertThatThrownBy(() -> book.grant(web, Role.MODERATOR)).isInstanceOf(IllegalArgumentException.class);
            book.grant(MODERATOR, Role.MODERATOR);

            assertThat(book.allows(web, Role.MODERATOR)).isFalse();
            assertThat(book.holders()).containsOnlyKeys(MODERATOR);
        }
    }
}
