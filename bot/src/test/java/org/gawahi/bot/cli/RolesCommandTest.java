package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.gawahi.bot.telegram.TelegramChats;
import org.gawahi.storage.LeakScan;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditEntry;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.gawahi.storage.roles.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolesCommandTest {
    private static final String PASSPHRASE = TestStorage.PASSPHRASE.reveal();
    private static final long MODERATOR_ID = 5_551_234_567L;

    @TempDir
    Path work;

    private Path data;
    private Cli cli;

    @BeforeEach
    void keys() {
        data = work.resolve("data");
        cli = new Cli(work).passphrase(PASSPHRASE);
        assertThat(cli.run("keys", "init").exitCode()).isZero();
    }

    @Test
    void grantListAndRevokeAreAuditedWithTheOperatorAsActor() throws Exception {
        Cli.Result granted = cli.run("roles", "grant", "moderator", Long.toString(MODERATOR_ID));
        assertThat(granted.exitCode()).as(granted.all()).isZero();
        assertThat(granted.out()).contains("Granted moderator to " + MODERATOR_ID);

        Cli.Result listed = cli.run("roles", "list");
        assertThat(listed.out()).contains(Long.toString(MODERATOR_ID)).contains("moderator");

        assertThat(cli.run("roles", "revoke", "moderator", Long.toString(MODERATOR_ID)).out()).contains("Revoked");
        assertThat(cli.run("roles", "list").out()).contains("Nobody holds a role");

        try (TestStorage storage = TestStorage.create(data); Opener opener = storage.unlock();
             RoleBook book = new Roles(storage.db, TestStorage.RANDOM).open(opener)) {
            List<AuditEntry> entries = new AuditLog(storage.db, Clock.systemUTC()).entries(1, 10);
            assertThat(entries).extracting(AuditEntry::action)
                    .containsExactly(AuditAction.ROLE_GRANTED, AuditAction.ROLE_REVOKED);
            assertThat(entries).allSatisfy(e -> {
                assertThat(e.actor()).isEqualTo(AuditLog.OPERATOR);
                assertThat(e.subject()).contains(book.actorPseudonym(TelegramChats.conversation(MODERATOR_ID)));
            });
        }
    }

    @Test
    void grantingTwiceChangesNothingAndAuditsOnce() throws Exception {
        cli.run("roles", "grant", "moderator", Long.toString(MODERATOR_ID));
        Cli.Result again = cli.run("roles", "grant", "moderator", Long.toString(MODERATOR_ID));
        assertThat(again.out()).contains("already holds");
        try (Database db = Database.open(data)) {
            assertThat(new AuditLog(db, Clock.systemUTC()).head().seq()).isEqualTo(1);
        }
    }

    @Test
    void refusesAnUnknownRoleAndAMalformedId() {
        Cli.Result role = cli.run("roles", "grant", "boss", "123");
        assertThat(role.exitCode()).isEqualTo(2);
        assertThat(role.err()).contains("There is no role \"boss\"");
        Cli.Result id = cli.run("roles", "grant", "moderator", "@someone");
        assertThat(id.exitCode()).isEqualTo(2);
        assertThat(id.err()).contains("is not a Telegram user id");
    }

    @Test
    void refusesAWrongPassphraseAndChangesNothing() throws Exception {
        Cli.Result wrong = new Cli(work).passphrase("not the passphrase at all").run("roles", "grant", "moderator", "123");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("passphrase does not open");
        try (Database db = Database.open(data)) {
            assertThat(new AuditLog(db, Clock.systemUTC()).head().seq()).isZero();
        }
    }

    @Test
    void seizedDataDirectoryNamesNoModerator() {
        cli.run("roles", "grant", "moderator", Long.toString(MODERATOR_ID));
        LeakScan scan = new LeakScan().chatId("moderator", MODERATOR_ID);
        assertThat(scan.findIn(LeakScan.filesUnder(data))).isEmpty();
    }

    @Test
    void keyRotationKeepsTheRolesReadable() throws Exception {
        cli.run("roles", "grant", "admin", Long.toString(MODERATOR_ID));
        Cli.Result rotated = cli.run("keys", "rotate");
        assertThat(rotated.exitCode()).as(rotated.all()).isZero();
        try (TestStorage storage = TestStorage.create(data); Opener opener = storage.unlock();
             RoleBook book = new Roles(storage.db, TestStorage.RANDOM).open(opener)) {
            assertThat(book.allows(TelegramChats.conversation(MODERATOR_ID), Role.MODERATOR)).isTrue();
        }
    }
}
