package org.gawahi.bot.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.gawahi.config.secret.Secret;
import org.gawahi.config.settings.SettingsLoader;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.KeyInfo;
import org.gawahi.storage.crypto.KeyState;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.db.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create the data directory (mode 700), the collective key pair and the server secret.",
                "The passphrase comes from GAWAHI_PASSPHRASE or is asked twice. Never overwrites existing keys."})
final class KeysInitCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = GawahiCommand.environment(spec);
        PrintStream out = env.out();
        Path dir = DataDirectory.resolve(env);
        Keys keys = new Keys(dir, new SecureRandom(), Clock.systemUTC());
        // Refuse before asking for a passphrase: nothing typed should be wasted on a refusal.
        if (java.nio.file.Files.isDirectory(dir) && keys.state().readiness() != KeyState.Readiness.NO_KEYS) {
            throw new UserFacingException("Keys already exist in " + dir.resolve("keys") + "; refusing to overwrite "
                    + "them, since they are the only way to open the testimonies sealed to them. Use "
                    + "`gawahi keys rotate` for a new collective key, or `gawahi keys status` to see what is there.");
        }
        Secret passphrase = Passphrases.readNew(env);
        Argon2Profile profile = Argon2Choice.from(env, env.err());
        DataDirectory.createPrivate(dir);
        DataDirectory.posixPermissions(dir).filter(DataDirectory::openToOthers).ifPresent(p ->
                env.err().println("Note: " + dir + " is open to other users (" + PosixFilePermissions.toString(p)
                        + "); run `chmod 700 " + dir + "` (the keys directory inside is private either way)."));
        KeyInfo key = keys.init(passphrase, profile);
        try (Database db = Database.open(dir)) {
            out.println("Created the collective key and the server secret in " + dir.resolve("keys")
                    + ", and the database " + db.file().getFileName() + ".");
        }
        out.println("The collective key's fingerprint (write it down; compare it aloud with the one `gawahi keys "
                + "status` and the bot show):");
        out.println();
        out.println("    " + key.fingerprint().grouped());
        out.println();
        out.println("Pin it, so the bot refuses any other key someone might put in its place: "
                + SettingsLoader.KEY_FINGERPRINT + "=\"" + key.fingerprint().grouped() + "\"");
        out.println("The bot can now take testimonies (intake-only without the passphrase; unlocked with it).");
        out.println("Keep the passphrase somewhere safe: without it no testimony can ever be read.");
        out.println("Back up the keys directory once, now, apart from the database backups: both are needed to restore.");
        return 0;
    }
}
