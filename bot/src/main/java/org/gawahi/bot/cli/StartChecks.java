package org.gawahi.bot.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.gawahi.bot.telegram.TelegramSettings;
import org.gawahi.bot.telegram.TokenCheck;
import org.gawahi.storage.crypto.KeyState;

/**
 * What {@code gawahi run} checks before it starts anything, each refusal one or two plain
 * sentences: nothing is created or changed by a start that is refused.
 */
final class StartChecks {
    private StartChecks() {
    }

    /**
     * The data directory must exist (a start never creates it: {@code keys init} does, with
     * its keys) and must not be writable by every user; readable by others is only a warning.
     */
    static void dataDirectory(Path dir, PrintStream warnings) {
        if (!Files.isDirectory(dir)) {
            throw new UserFacingException("The data directory " + dir + " does not exist; nothing was created. "
                    + "Run `gawahi keys init` to make it with new keys, or set " + DataDirectory.VARIABLE
                    + " to the directory that holds your database and keys.");
        }
        Set<PosixFilePermission> mode = DataDirectory.posixPermissions(dir).orElse(Set.of());
        if (mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new UserFacingException("The data directory " + dir + " can be changed by every user of this "
                    + "machine, so the bot will not use it; nothing was changed. Run `chmod 700 " + dir
                    + "` and start again.");
        }
        List<Path> open = openToOthers(dir);
        if (!open.isEmpty()) {
            warnings.println("Warning: other users of this machine can read " + open.size() + " item(s) in " + dir
                    + " (e.g. " + dir.relativize(open.get(0)) + "); run `chmod -R go-rwx " + dir + "`.");
        }
    }

    /** The directory itself and what it holds, two levels down (the keys), open to group or others. */
    private static List<Path> openToOthers(Path dir) {
        try (Stream<Path> paths = Files.walk(dir, 2)) {
            return paths.filter(p -> DataDirectory.posixPermissions(p).map(DataDirectory::openToOthers).orElse(false))
                    .sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    /** Keys to seal to, complete: the bot never starts without them. */
    static void keysReady(KeyState state, Path dir) {
        if (state.readiness() == KeyState.Readiness.NO_KEYS) {
            throw new UserFacingException("There are no keys in " + dir.resolve("keys") + ", so nothing could be "
                    + "sealed; nothing was created. Run `gawahi keys init` first (or restore the keys from a backup).");
        }
        if (state.readiness() == KeyState.Readiness.INCOMPLETE) {
            throw new UserFacingException("The keys in " + dir.resolve("keys") + " are incomplete: the collective "
                    + "key or the server secret is missing. Restore the keys directory from your backup; nothing was changed.");
        }
    }

    /** Telegram must know the token: a bot that starts and never answers helps nobody. */
    static void telegramAccepts(TelegramSettings telegram, TokenCheck check) {
        switch (check.check(telegram)) {
            case ACCEPTED -> {
            }
            case TOKEN_REFUSED -> throw new UserFacingException("Telegram refused the bot token in "
                    + RunCommand.TOKEN + "; nothing was changed. Copy the token again from @BotFather "
                    + "(or make a new one there with /token) and set it.");
            case UNREACHABLE -> throw new UserFacingException("Telegram could not be reached at "
                    + telegram.apiUrl() + "; nothing was changed. Check this machine's network, DNS and "
                    + "firewall, or " + RunCommand.API_URL + " if you use your own Bot API server.");
        }
    }
}
