package org.gawahi.bot.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.crypto.VaultException;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.roles.Roles;
import org.gawahi.storage.testimony.SealedTestimonies;
import org.gawahi.storage.testimony.Decisions;

/**
 * What a command that reads sealed data needs: the database of the data directory and the
 * collective keys, unlocked with the passphrase ({@code GAWAHI_PASSPHRASE} or asked for).
 * Closing wipes the keys and closes the database.
 */
final class Unlocked implements AutoCloseable {
    final Path dir;
    final Database db;
    final Opener opener;
    final Sealer sealer;
    final SecureRandom random = new SecureRandom();
    final Clock clock = Clock.systemUTC();
    final AuditLog audit;
    final Roles roles;
    final SealedTestimonies testimonies;

    private Unlocked(Path dir, Database db, Opener opener, Sealer sealer) {
        this.dir = dir;
        this.db = db;
        this.opener = opener;
        this.sealer = sealer;
        this.audit = new AuditLog(db, clock);
        this.roles = new Roles(db, random);
        this.testimonies = new SealedTestimonies(db);
    }

    static Unlocked open(CliEnvironment env) throws VaultException {
        Path dir = DataDirectory.requireExisting(env);
        Keys keys = new Keys(dir, new SecureRandom(), Clock.systemUTC());
        Sealer sealer = keys.sealer();
        Opener opener = keys.unlock(Passphrases.read(env));
        try {
            Unlocked u = new Unlocked(dir, Database.open(dir), opener, sealer);
            authenticateEarlierDecisions(u, env);
            return u;
        } catch (RuntimeException e) {
            opener.close();
            throw e;
        }
    }

    /**
     * The first unlocked run after the upgrade authenticates the decisions made before it, as
     * the disk holds them now (see {@link Decisions#authenticateEarlierDecisions}); later runs do nothing.
     */
    private static void authenticateEarlierDecisions(Unlocked u, CliEnvironment env) {
        Decisions.UpgradeOutcome outcome = new Decisions(u.db, u.opener).authenticateEarlierDecisions(u.sealer.keyId());
        if (outcome.upgrade() == Decisions.Upgrade.DONE_NOW && outcome.authenticated() + outcome.notOpened() > 0) {
            env.err().println("Authenticated " + outcome.authenticated() + " moderators' decisions made before this "
                    + "version, once, as the database holds them now." + (outcome.notOpened() == 0 ? ""
                    : " " + outcome.notOpened() + " sealed to a key that is not here stay unauthenticated; "
                    + "`gawahi doctor` lists them."));
        }
        if (outcome.upgrade() == Decisions.Upgrade.DONE_NOW && u.roles.authenticateExisting(u.opener)) {
            env.err().println("Authenticated the role table written before this version, once, as the database "
                    + "holds it now.");
        }
        try {
            if (u.roles.state(u.opener) == Roles.State.NOT_AUTHENTIC) {
                env.err().println(Roles.NOT_AUTHENTIC);
            }
        } catch (CannotOpenException e) {
            env.err().println("The role table is sealed to a key that is not here; `gawahi doctor` says more.");
        }
    }

    @Override
    public void close() {
        opener.close();
        db.close();
    }
}
