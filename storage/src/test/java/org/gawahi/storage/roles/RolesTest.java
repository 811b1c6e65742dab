package org.gawahi.storage.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.gawahi.storage.LeakScan;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.conversation.TelegramIds;
import org.gawahi.storage.crypto.Opener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolesTest {
    private static final long MODERATOR_TELEGRAM_ID = 7_000_123_456L;
    private static final ConversationId MODERATOR_ID = TelegramIds.conversation(MODERATOR_TELEGRAM_ID);

    @TempDir
    Path dir;

    @Test
    void grantedRoleSurvivesReopeningWithTheKeys() throws Exception {
        try (TestStorage storage = TestStorage.create(dir); Opener opener = storage.unlock()) {
            Roles roles = new Roles(storage.db, TestStorage.RANDOM);
            try (RoleBook book = roles.open(opener)) {
                assertThat(book.grant(MODERATOR_ID, Role.MODERATOR)).isTrue();
                assertThat(book.grant(MODERATOR_ID, Role.MODERATOR)).isFalse();
                roles.save(book, storage.keys.sealer(), opener);
            }
            try (RoleBook again = roles.open(opener)) {
                assertThat(again.allows(MODERATOR_ID, Role.MODERATOR)).isTrue();
                assertThat(again.allows(MODERATOR_ID, Role.COLLECTIVE)).isFalse();
                assertThat(again.allows(TelegramIds.conversation(42L), Role.MODERATOR)).isFalse();
            }
        }
    }

    @Test
    void revokedRoleNoLongerAllows() throws Exception {
        try (TestStorage storage = TestStorage.create(dir); Opener opener = storage.unlock()) {
            Roles roles = new Roles(storage.db, TestStorage.RANDOM);
            try (RoleBook book = roles.open(opener)) {
                book.grant(MODERATOR_ID, Role.MODERATOR);
                roles.save(book, storage.keys.sealer(), opener);
            }
            try (RoleBook book = roles.open(opener)) {
                assertThat(book.revoke(MODERATOR_ID, Role.MODERATOR)).isTrue();
                assertThat(book.revoke(MODERATOR_ID, Role.MODERATOR)).isFalse();
                roles.save(book, storage.keys.sealer(), opener);
            }
            try (RoleBook book = roles.open(opener)) {
                assertThat(book.allows(MODERATOR_ID, Role.MODERATOR)).isFalse();
                assertThat(book.holders()).isEmpty();
            }
        }
    }

    @Test
    void adminCoversEveryRole() throws Exception {
        try (TestStorage storage = TestStorage.create(dir); Opener opener = storage.unlock();
             RoleBook book = new Roles(storage.db, TestStorage.RANDOM).open(opener)) {
            book.grant(MODERATOR_ID, Role.ADMIN);
            assertThat(book.allows(MODERATOR_ID, Role.MODERATOR)).isTrue();
            assertThat(book.allows(MODERATOR_ID, Role.COLLECTIVE)).isTrue();
            assertThat(book.holdersOf(Role.MODERATOR)).containsExactly(MODERATOR_ID);
        }
    }

    @Test
    void actorPseudonymIsStableAcrossOpeningsAndUnlikeTheServerSecretOne() throws Exception {
        try (TestStorage storage = TestStorage.create(dir); Opener opener = storage.unlock()) {
            Roles roles = new Roles(storage.db, TestStorage.RANDOM);
            String first;
            try (RoleBook book = roles.open(opener)) {
                book.grant(MODERATOR_ID, Role.MODERATOR);
                roles.save(book, storage.keys.sealer(), opener);
                first = book.actorPseudonym(MODERATOR_ID);
            }
            try (RoleBook book = roles.open(opener)) {
                assertThat(book.actorPseudonym(MODERATOR_ID)).isEqualTo(first).matches("[0-9a-f]{64}");
                assertThat(book.actorPseudonym(TelegramIds.conversation(MODERATOR_TELEGRAM_ID + 1))).isNotEqualTo(first);
            }
            // The server secret sits beside the database unwrapped: it must not name a moderator.
            assertThat(storage.pseudonyms.actorPseudonym(MODERATOR_ID)).isNotEqualTo(first);
        }
    }

    @Test
    void storedRoleTableNamesNoModerator() throws Exception {
        try (TestStorage storage = TestStorage.create(dir); Opener opener = storage.unlock()) {
            Roles roles = new Roles(storage.db, TestStorage.RANDOM);
            try (RoleBook book = roles.open(opener)) {
                book.grant(MODERATOR_ID, Role.MODERATOR);
                roles.save(book, storage.keys.sealer(), opener);
            }
        }
        LeakScan scan = new LeakScan().chatId("moderator id", MODERATOR_TELEGRAM_ID).text("role name", "MODERATOR");
        assertThat(scan.findIn(LeakScan.filesUnder(dir))).isEmpty();
    }

    @Test
    void roleTableFollowsTheKeyThroughARotation() throws Exception {
        try (TestStorage storage = TestStorage.create(dir)) {
            Roles roles = new Roles(storage.db, TestStorage.RANDOM);
            String pseudonym;
            try (Opener opener = storage.unlock(); RoleBook book = roles.open(opener)) {
                book.grant(MODERATOR_ID, Role.MODERATOR);
                roles.save(book, storage.keys.sealer(), opener);
                pseudonym = book.actorPseudonym(MODERATOR_ID);
            }
            storage.keys.rotate(TestStorage.PASSPHRASE, org.gawahi.storage.crypto.Argon2Profile.TEST);
            try (Opener opener = storage.unlock()) {
                assertThat(roles.reseal(opener, storage.keys.sealer())).isTrue();
                assertThat(roles.sealedToKeyId()).contains(storage.keys.sealer().keyId());
                assertThat(roles.state(opener)).isEqualTo(Roles.State.AUTHENTIC);
                try (RoleBook book = roles.open(opener)) {
                    assertThat(book.actorPseudonym(MODERATOR_ID)).isEqualTo(pseudonym);
                }
            }
        }
    }
}
