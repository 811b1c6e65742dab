package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {
    static final String MODERATOR = "a1".repeat(32);
    static final String TESTIMONY = "0123456789abcdef0123456789abcdef";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:17:42Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    static Run gawahi(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GawahiCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    Run audit(String... args) {
        List<String> all = new ArrayList<>(List.of("audit"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data-dir", dir.toString()));
        return gawahi(all.toArray(String[]::new));
    }

    /** Appends n entries and returns the head hash. */
    String logWith(int n) {
        try (Database db = Database.open(dir)) {
            AuditLog log = new AuditLog(db, CLOCK);
            for (int i = 0; i < n; i++) {
                log.append(MODERATOR, i % 2 == 0 ? AuditAction.TESTIMONY_VIEWED : AuditAction.TESTIMONY_APPROVED,
                        Optional.of(TESTIMONY));
            }
            return log.head().hash();
        }
    }

    void tamper(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS audit_no_update");
            s.execute("DROP TRIGGER IF EXISTS audit_no_delete");
            s.execute(sql);
        }
    }

    @Test
    void verifyReportsAnIntactChainWithItsHead() {
        String head = logWith(3);

        Run run = audit("verify");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("audit chain intact: 3 entries, head " + head + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void verifyReadsTheEvidenceAsItIsWithoutMigratingIt() throws Exception {
        String head = logWith(3);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 2"); // as if copied off a server that ran an older release
        }

        Run run = audit("verify");

        assertThat(run.out()).isEqualTo("audit chain intact: 3 entries, head " + head + System.lineSeparator());
        assertThat(Database.schemaVersionOf(dir)).hasValue(2);
    }

    @Test
    void verifyExitsThreeNamingAnEditedEntry() throws Exception {
        logWith(3);
        tamper("UPDATE audit SET action = 'TESTIMONY_REJECTED' WHERE seq = 2");

        Run run = audit("verify");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).isEqualTo("audit chain broken at entry 2: its contents do not match its hash: edited"
                + System.lineSeparator());
    }

    @Test
    void verifyExitsThreeNamingADeletedEntry() throws Exception {
        logWith(4);
        tamper("DELETE FROM audit WHERE seq = 2");

        Run run = audit("verify");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).startsWith("audit chain broken at entry 2: entry 2 is missing");
    }

    @Test
    void verifyWithTheHeadSeenEarlierCatchesACutOffEnd() throws Exception {
        String head = logWith(3);
        tamper("DELETE FROM audit WHERE seq = 3");

        assertThat(audit("verify").exit()).isZero();

        Run run = audit("verify", "--head", head);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).startsWith("audit chain broken: the head seen earlier (" + head + ") is not in this chain of 2 entries");
    }

    @Test
    void verifyWithAnEarlierHeadPassesAsTheChainGrows() {
        String earlier = logWith(2);
        String later = logWith(2);

        Run run = audit("verify", "--head", earlier);

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("4 entries, head " + later);
    }

    @Test
    void verifyRefusesAHeadThatIsNotAHash() {
        logWith(1);

        Run run = audit("verify", "--head", "not-a-hash");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--head takes an audit head").doesNotContain("Exception");
    }

    @Test
    void aMissingDataDirectoryIsExplained() {
        Run run = gawahi("audit", "verify", "--data-dir", dir.resolve("nope").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("does not exist").contains("GAWAHI_DATA_DIR");
        assertThat(dir.resolve("nope")).doesNotExist();
    }

    @Test
    void aMissingDatabaseIsExplainedAndNotCreated() {
        Run run = audit("verify");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("There is no database at").contains("GAWAHI_DATA_DIR");
        assertThat(dir.resolve(Database.FILE_NAME)).doesNotExist();
    }

    @Test
    void showListsTheLastEntriesWithShortActorsAndFullSubjects() {
        String head = logWith(3);

        Run run = audit("show");

        assertThat(run.exit()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "entry  time (UTC)            actor         action                      subject",
                "    1  2026-03-01T10:00:00Z  a1a1a1a1a1a1  TESTIMONY_VIEWED            " + TESTIMONY,
                "    2  2026-03-01T10:00:00Z  a1a1a1a1a1a1  TESTIMONY_APPROVED          " + TESTIMONY,
                "    3  2026-03-01T10:00:00Z  a1a1a1a1a1a1  TESTIMONY_VIEWED            " + TESTIMONY,
                "entries 1 to 3 of 3; head " + head + " (run `audit verify` to check them)");
    }

    @Test
    void showPagesWithFromAndLimit() {
        logWith(10);

        assertThat(audit("show", "--from", "4", "--limit", "2").out()).contains("    4  ", "    5  ")
                .doesNotContain("    3  ", "    6  ").contains("entries 4 to 5 of 10");
        assertThat(audit("show", "--limit", "3").out()).contains("entries 8 to 10 of 10");
        assertThat(audit("show", "--from", "11").out()).contains("No entries from 11 on; the last is entry 10.");
    }

    @Test
    void showSaysWhenTheLogIsEmpty() throws Exception {
        Files.createDirectories(dir);
        Database.open(dir).close();

        Run run = audit("show");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("The audit log is empty." + System.lineSeparator());
    }

    @Test
    void showRefusesLimitsOutOfBounds() {
        logWith(1);

        assertThat(audit("show", "--limit", "0").exit()).isEqualTo(2);
        assertThat(audit("show", "--limit", "1001").err()).contains("--limit takes a number from 1 to 1000");
        assertThat(audit("show", "--from", "0").err()).contains("numbered from 1");
    }

    @Test
    void showPointsToVerifyWhenAnEntryCannotBeRead() throws Exception {
        logWith(2);
        tamper("UPDATE audit SET action = 'her name is Sunita' WHERE seq = 2");

        Run run = audit("show");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("entry 2").contains("audit verify").doesNotContain("Sunita");
        assertThat(audit("verify").out()).startsWith("audit chain broken at entry 2:");
    }

    @Test
    void auditIsListedAmongTheCommands() {
        assertThat(gawahi("--help").out()).contains("audit");
        assertThat(gawahi("audit").out()).contains("verify").contains("show");
    }

    @Test
    void takesTheDataDirectoryFromGawahiDataDir() throws Exception {
        String head = logWith(2);
        // The environment cannot be set in-process, so run the real entry point in a child JVM.
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.gawahi.bot.Main", "audit", "verify")
                .redirectErrorStream(true);
        child.environment().put("GAWAHI_DATA_DIR", dir.toString());
        Process p = child.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(p.waitFor()).isZero();
        assertThat(out).contains("audit chain intact: 2 entries, head " + head);
    }
}
