package org.gawahi.bot.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gawahi.config.secret.Secret;
import org.gawahi.config.settings.SettingsLoader;
import org.gawahi.storage.contact.ContactHandles;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.KeyInfo;
import org.gawahi.storage.crypto.KeyState;
import org.gawahi.storage.crypto.KeyStatus;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.db.DataDirectoryLock;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.drafts.DraftKeys;
import org.gawahi.storage.roles.Roles;
import org.gawahi.storage.testimony.Resealing;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A new collective key; every testimony re-sealed to it; then the old key deleted. Each step
 * is safe to interrupt: until the last one, the old key is still on disk and still opens
 * whatever has not been re-sealed, and running the command again finishes the job (with one
 * more new key). Needs the data directory to itself: the bot must be stopped.
 */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Make a new collective key, re-seal every testimony to it, then delete the old key.",
                "Stop the bot first. The passphrase comes from GAWAHI_PASSPHRASE or is asked for."})
final class KeysRotateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = GawahiCommand.environment(spec);
        PrintStream out = env.out();
        Path dir = DataDirectory.requireExisting(env);
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dir)) {
            Keys keys = new Keys(dir, new SecureRandom(), Clock.systemUTC());
            KeyState before = keys.state();
            if (before.readiness() != KeyState.Readiness.INTAKE_ONLY) {
                throw new UserFacingException("Cannot rotate: " + KeysStatusCommand.describe(before.readiness()) + ".");
            }
            Secret passphrase = Passphrases.read(env);
            Argon2Profile profile = Argon2Choice.from(env, env.err());
            keys.unlock(passphrase).close(); // every key must open before anything changes
            try (Database db = Database.open(dir)) {
                KeyInfo fresh = keys.rotate(passphrase, profile);
                out.println("New collective key " + fresh.keyId() + " (generation " + fresh.generation()
                        + "), fingerprint " + fresh.fingerprint().grouped() + ".");
                out.println("If you pin the key, set " + SettingsLoader.KEY_FINGERPRINT + "=\"" + fresh.fingerprint()
                        .grouped() + "\" before starting the bot again: it refuses any key but the pinned one.");
                Resealing.Outcome outcome = reseal(env, keys, passphrase, new Resealing(db));
                out.println("Re-sealed " + outcome.resealed() + " testimonies to the new key.");
                for (String id : outcome.failedIds()) {
                    out.println("Testimony " + id + " did not open (damaged, or sealed to a key that is not here): "
                            + "left as it was; the others went on.");
                }
                Roles roles = new Roles(db, new SecureRandom());
                ContactHandles.Resealed handles;
                try (Opener opener = keys.unlock(passphrase)) {
                    if (!roles.reseal(opener, keys.sealer()) && roleTableRefused(roles, opener)) {
                        out.println(Roles.NOT_AUTHENTIC);
                    }
                    handles = new ContactHandles(db).resealAll(opener, keys.sealer());
                    DraftKeys.Resealed drafts = DraftKeys.resealAll(db, opener, keys.sealer(), new SecureRandom(),
                            java.time.Clock.systemUTC());
                    if (drafts.resealed() > 0) {
                        out.println("Re-sealed " + drafts.resealed() + " draft keys: unfinished testimonies resume at the "
                                + "next start with the passphrase.");
                    }
                }
                java.util.Set<String> inUse = new java.util.HashSet<>(outcome.keyIdsInUse().keySet());
                inUse.addAll(handles.keyIdsInUse().keySet()); // a contact handle that did not open keeps its key
                roles.sealedToKeyId().ifPresent(inUse::add); // a role table that did not open keeps its key
                List<String> kept = deleteRetiredKeys(keys, inUse, out);
                int failed = outcome.failed() + handles.failed(); // a contact handle counts with its testimony
                if (failed > 0 || !kept.isEmpty()) {
                    throw new UserFacingException(notFinished(failed, kept));
                }
            }
        }
        out.println("Done. Back up the keys directory again now: old backups of it hold only the deleted key.");
        return 0;
    }

    private static boolean roleTableRefused(Roles roles, Opener opener) {
        try {
            return roles.state(opener) == Roles.State.NOT_AUTHENTIC;
        } catch (org.gawahi.storage.crypto.CannotOpenException e) {
            return false;
        }
    }

    private static String notFinished(int failed, List<String> kept) {
        String what = failed == 1 ? "1 testimony did not open and stays" : failed + " testimonies did not open and stay";
        String keys = kept.isEmpty() ? "" : " The retired key" + (kept.size() == 1 ? " " : "s ") + String.join(", ", kept)
                + (kept.size() == 1 ? " was" : " were") + " kept so as not to lose them.";
        return what + " as before (damaged, or sealed to a key that is not here)." + keys + " The new key is active. "
                + "Restore those rows from a backup (see `gawahi doctor`), then run `gawahi keys rotate` again. "
                + "Until then, with more than one key on disk, the bot takes testimonies only when started with the "
                + "passphrase or pinned to the new key (" + SettingsLoader.KEY_FINGERPRINT + ").";
    }

    private static Resealing.Outcome reseal(CliEnvironment env, Keys keys, Secret passphrase, Resealing resealing)
            throws Exception {
        Sealer sealer = keys.sealer();
        ProgressBar bar = ProgressBar.on(env, "re-sealing");
        try (Opener opener = keys.unlock(passphrase)) {
            return resealing.resealAll(opener, sealer, bar::update);
        } finally {
            bar.finish();
        }
    }

    /** Deletes each retired key no testimony (nor the role table) is sealed to any more; returns those kept. */
    private static List<String> deleteRetiredKeys(Keys keys, java.util.Set<String> inUse, PrintStream out)
            throws Exception {
        List<String> kept = new ArrayList<>();
        for (KeyInfo key : keys.state().collectiveKeys()) {
            if (key.status() != KeyStatus.RETIRED) {
                continue;
            }
            if (inUse.contains(key.keyId())) {
                kept.add(key.keyId());
            } else {
                keys.deleteRetired(key.keyId());
                out.println("Deleted the retired key " + key.keyId() + ".");
            }
        }
        return kept;
    }
}
