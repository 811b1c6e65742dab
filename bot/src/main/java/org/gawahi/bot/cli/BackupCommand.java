package org.gawahi.bot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.gawahi.storage.db.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A consistent copy of the database, taken online (the bot may keep running). The copy is
 * as sealed as the database: testimonies open only with the collective key and its
 * passphrase, drafts only with the server secret, and neither is in the copy.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Copy the database, still sealed, into a new file (never overwrites).",
                "The keys are not in the copy: back up GAWAHI_DATA_DIR/keys separately, once."})
final class BackupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The new file to write.")
    Path target;

    @Override
    public Integer call() {
        CliEnvironment env = GawahiCommand.environment(spec);
        Path dir = DataDirectory.requireExisting(env);
        Path to = env.workingDirectory().resolve(target).normalize();
        if (Files.exists(to)) {
            throw new UserFacingException("The file " + to + " already exists; a backup never overwrites a file. "
                    + "Choose a new name, or move the old file away first.");
        }
        try (Database db = Database.openExisting(dir)) {
            db.backupTo(to);
        }
        env.out().println("Backed up " + dir.resolve(Database.FILE_NAME) + " to " + to + " (checked, still sealed).");
        env.out().println("To restore: stop the bot, remove " + Database.FILE_NAME + " and its -wal and -shm files from "
                + dir + ", copy the backup there as " + Database.FILE_NAME + " (beside the same keys), start the bot.");
        return 0;
    }
}
