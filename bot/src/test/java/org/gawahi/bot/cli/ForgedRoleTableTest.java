package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.Base64;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.AssociatedData;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.db.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adversary of issue 13 holds a copy of the data directory and every key file, but no
 * passphrase. The role table is sealed to the collective's public key, so he can seal one of
 * his own granting his Telegram id admin, exactly as FORMAT.md describes, and write it with
 * plain SQL. Once the collective unlocks, that table must grant nobody anything, and say so.
 */
class ForgedRoleTableTest {
    private static final String PASSPHRASE = TestStorage.PASSPHRASE.reveal();
    private static final String HONEST = "1000001";
    private static final String ADVERSARY = "6660666";
    static final String REFUSED = "The role table in the database does not verify";

    @TempDir
    Path work;

    private Path data;

    @BeforeEach
    void anOperatorGrantsAModeratorTheRealWay() {
        data = work.resolve("data");
        assertThat(new Cli(work).passphrase(PASSPHRASE).run("keys", "init").exitCode()).isZero();
        Cli.Result grant = new Cli(work).passphrase(PASSPHRASE).run("roles", "grant", "moderator", HONEST);
        assertThat(grant.exitCode()).as(grant.all()).isZero();
    }

    @Test
    void aTableSealedWithThePublicKeyAndWrittenBySqlGrantsNobodyAnythingAndSaysSo() throws Exception {
        forgeTableGrantingAdmin(false);

        Cli.Result list = new Cli(work).passphrase(PASSPHRASE).run("roles", "list");

        assertThat(list.err()).contains(REFUSED).doesNotContain("Exception").doesNotContain("passphrase");
        assertThat(list.out()).doesNotContain(ADVERSARY).doesNotContain(HONEST).contains("Nobody holds a role");
    }

    @Test
    void aForgedTableWithoutAMacIsNotTakenForOneWrittenBeforeMacsExisted() throws Exception {
        forgeTableGrantingAdmin(true);

        Cli.Result list = new Cli(work).passphrase(PASSPHRASE).run("roles", "list");

        assertThat(list.err()).contains(REFUSED).doesNotContain("Authenticated the role table");
        assertThat(list.out()).doesNotContain(ADVERSARY);
    }

    @Test
    void doctorNamesTheForgedTableInOneSentence() throws Exception {
        forgeTableGrantingAdmin(false);

        Cli.Result doctor = new Cli(work).passphrase(PASSPHRASE).run("doctor");

        assertThat(doctor.exitCode()).isEqualTo(2);
        assertThat(doctor.out()).contains("PROBLEM").contains(REFUSED).doesNotContain(ADVERSARY)
                .doesNotContain("Exception").doesNotContain("does not open the collective key");
    }

    @Test
    void anHonestTableIsNotADoctorsProblem() {
        Cli.Result doctor = new Cli(work).passphrase(PASSPHRASE).run("doctor");

        assertThat(doctor.out()).doesNotContain(REFUSED);
    }

    @Test
    void grantingAgainReplacesTheForgedTableWithOnlyWhatTheOperatorGranted() throws Exception {
        forgeTableGrantingAdmin(false);

        Cli.Result grant = new Cli(work).passphrase(PASSPHRASE).run("roles", "grant", "moderator", HONEST);
        Cli.Result list = new Cli(work).passphrase(PASSPHRASE).run("roles", "list");

        assertThat(grant.exitCode()).as(grant.all()).isZero();
        assertThat(list.err()).doesNotContain(REFUSED);
        assertThat(list.out()).contains(HONEST).doesNotContain(ADVERSARY);
    }

    @Test
    void anHonestRevokeStillWorks() {
        Cli.Result revoke = new Cli(work).passphrase(PASSPHRASE).run("roles", "revoke", "moderator", HONEST);
        Cli.Result list = new Cli(work).passphrase(PASSPHRASE).run("roles", "list");

        assertThat(revoke.out()).contains("Revoked moderator from " + HONEST);
        assertThat(list.all()).doesNotContain(REFUSED).contains("Nobody holds a role");
    }

    @Test
    void aRotationKeepsTheHonestTableAuthentic() {
        Cli.Result rotate = new Cli(work).passphrase(PASSPHRASE).run("keys", "rotate");
        assertThat(rotate.exitCode()).as(rotate.all()).isZero();

        Cli.Result list = new Cli(work).passphrase(PASSPHRASE).run("roles", "list");
        Cli.Result doctor = new Cli(work).passphrase(PASSPHRASE).run("doctor");

        assertThat(list.err()).doesNotContain(REFUSED);
        assertThat(list.out()).contains(HONEST);
        assertThat(doctor.out()).doesNotContain(REFUSED);
    }

    @Test
    void aTableWrittenBeforeMacsExistedIsAuthenticatedOnceByTheFirstUnlockedRun() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
             Statement s = c.createStatement()) { // as an installation from before V7 and V9 holds it
            s.executeUpdate("UPDATE roles SET mac = NULL");
            s.executeUpdate("DELETE FROM decisions_authenticated");
        }

        Cli.Result first = new Cli(work).passphrase(PASSPHRASE).run("roles", "list");
        Cli.Result second = new Cli(work).passphrase(PASSPHRASE).run("roles", "list");

        assertThat(first.err()).contains("Authenticated the role table").contains("as the database holds it now");
        assertThat(first.out()).contains(HONEST);
        assertThat(second.all()).doesNotContain("Authenticated the role table").doesNotContain(REFUSED);
        assertThat(second.out()).contains(HONEST);
    }

    /** What anyone with the disk can do: seal to the public key (FORMAT.md) and write it with SQL. */
    private void forgeTableGrantingAdmin(boolean withoutMac) throws Exception {
        Sealer publicKeyOnly = new Keys(data, new SecureRandom(), Clock.systemUTC()).sealer();
        byte[] actorKey = new byte[32];
        new SecureRandom().nextBytes(actorKey);
        String json = "{\"version\":1,\"actorKey\":\"" + Base64.getEncoder().encodeToString(actorKey)
                + "\",\"grants\":{\"" + ADVERSARY + "\":[\"ADMIN\"]}}";
        byte[] sealed = publicKeyOnly.seal(SecretBytes.adopt(json.getBytes(StandardCharsets.UTF_8)),
                AssociatedData.of("roles", "1", 1, publicKeyOnly.keyId()).bytes());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
             PreparedStatement s = c.prepareStatement("UPDATE roles SET key_id = ?, sealed = ?"
                     + (withoutMac ? ", mac = NULL" : ""))) {
            s.setString(1, publicKeyOnly.keyId());
            s.setBytes(2, sealed);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
