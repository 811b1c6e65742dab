package org.gawahi.bot.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditEntry;
import org.gawahi.storage.audit.AuditHead;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.audit.AuditVerification;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.db.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audit verify} and {@code audit show}: read the audit log; nothing here writes to it. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check and list the audit log of what moderators and operators did.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Show.class})
final class AuditCommand implements Runnable {
    /** Exit code of {@code audit verify} when the chain is broken (2 is taken by usage errors). */
    static final int BROKEN = 3;
    /** The actor's pseudonym is cut to this many hex digits in listings: enough to tell moderators apart. */
    static final int ACTOR_DIGITS = 12;
    private static final int ACTION_WIDTH = Arrays.stream(AuditAction.values()).mapToInt(a -> a.name().length()).max().orElse(0);

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check that no audit entry was edited, reordered or deleted; name the first bad one.",
                    "Exit 0 when intact, 3 when broken."})
    static final class Verify implements Callable<Integer> {
        @Mixin
        DataDirectory data;

        @Option(names = "--head", paramLabel = "HASH",
                description = "An audit head recorded earlier (printed on every report): also check that the chain "
                        + "still extends it, which catches entries cut off the end and a chain rewritten whole.")
        String head;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = data.open()) {
                AuditLog log = new AuditLog(db, Clock.systemUTC());
                AuditVerification result = head == null ? log.verify() : verifyAgainst(log, head);
                PrintWriter out = spec.commandLine().getOut();
                if (result.ok()) {
                    out.println("audit chain intact: " + result.count() + " entries, head " + result.head());
                    return 0;
                }
                AuditVerification.Break broken = result.broken().orElseThrow();
                out.println(broken.entry().isPresent()
                        ? "audit chain broken at entry " + broken.entry().getAsLong() + ": " + broken.reason()
                        : "audit chain broken: " + broken.reason());
                return BROKEN;
            } catch (StorageException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
        }

        private static AuditVerification verifyAgainst(AuditLog log, String head) {
            try {
                return log.verify(head.strip());
            } catch (IllegalArgumentException e) {
                throw new UserFacingException("--head takes an audit head: the 64 hex digits printed on a report "
                        + "or by `audit verify`.", e);
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "List audit entries, oldest first: by default the last 50. Times are UTC.")
    static final class Show implements Callable<Integer> {
        @Mixin
        DataDirectory data;

        @Option(names = "--from", paramLabel = "N", description = "The first entry to list (default: the last --limit).")
        Long from;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
                description = "How many entries to list, 1 to " + AuditLog.MAX_PAGE + " (default: ${DEFAULT-VALUE}).")
        int limit;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (limit < 1 || limit > AuditLog.MAX_PAGE) {
                throw new UserFacingException("--limit takes a number from 1 to " + AuditLog.MAX_PAGE + ".");
            }
            if (from != null && from < 1) {
                throw new UserFacingException("--from takes an entry number; entries are numbered from 1.");
            }
            try (Database db = data.open()) {
                AuditLog log = new AuditLog(db, Clock.systemUTC());
                AuditHead head = log.head();
                long start = from != null ? from : Math.max(1, head.seq() - limit + 1);
                print(spec.commandLine().getOut(), head, log.entries(start, limit), start);
                return 0;
            } catch (StorageException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
        }

        private static void print(PrintWriter out, AuditHead head, List<AuditEntry> entries, long start) {
            if (head.seq() == 0) {
                out.println("The audit log is empty.");
                return;
            }
            if (entries.isEmpty()) {
                out.println("No entries from " + start + " on; the last is entry " + head.seq() + ".");
                return;
            }
            out.println(String.format("%5s  %-20s  %-12s  %-" + ACTION_WIDTH + "s  %s",
                    "entry", "time (UTC)", "actor", "action", "subject"));
            for (AuditEntry e : entries) {
                out.println(String.format("%5d  %s  %-12s  %-" + ACTION_WIDTH + "s  %s", e.seq(), e.at(), shortActor(e.actor()),
                        e.action(), e.subject().orElse("-")));
            }
            out.println("entries " + entries.get(0).seq() + " to " + entries.get(entries.size() - 1).seq()
                    + " of " + head.seq() + "; head " + head.hash() + " (run `audit verify` to check them)");
        }

        private static String shortActor(String actor) {
            return actor.length() > ACTOR_DIGITS ? actor.substring(0, ACTOR_DIGITS) : actor;
        }
    }

    /** Where the database lives; the audit commands read an existing one as it is and never create or migrate it. */
    static final class DataDirectory {
        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:GAWAHI_DATA_DIR:-data}",
                description = "The data directory (default: GAWAHI_DATA_DIR, else ./data).")
        Path path;

        Database open() {
            Path dir = path.toString().isBlank() ? Path.of("data") : path;
            if (!Files.isDirectory(dir)) {
                throw new UserFacingException("The data directory " + dir.toAbsolutePath() + " does not exist. "
                        + "Set GAWAHI_DATA_DIR (or --data-dir) to the folder the bot keeps its database in.");
            }
            Path file = dir.resolve(Database.FILE_NAME);
            if (!Files.isRegularFile(file)) {
                throw new UserFacingException("There is no database at " + file.toAbsolutePath() + ". "
                        + "Set GAWAHI_DATA_DIR (or --data-dir) to the folder the bot keeps its database in; "
                        + "`audit` does not create one.");
            }
            // As it is: no migration, so checking a copy taken off a server changes nothing in it.
            return Database.openExisting(dir);
        }
    }
}
