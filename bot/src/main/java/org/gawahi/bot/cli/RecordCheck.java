package org.gawahi.bot.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.roles.Roles;
import org.gawahi.storage.testimony.Decisions;
import org.gawahi.storage.testimony.SealedTestimonies;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyTable;

/**
 * {@code doctor}'s look at every testimony row, when the passphrase is given: rows sealed to a
 * key that is not the collective's, records that do not open, and states no moderator's
 * decision authenticates; and the role table, when it does not verify. Names rows by id only, never content; changes nothing.
 */
final class RecordCheck {
    /** One line for doctor. */
    record Finding(Kind kind, String line) {
        enum Kind { OK, NOTE, PROBLEM }
    }

    private final Database db;
    private final Opener opener;
    private final Set<String> collectiveKeyIds;
    private final SealedTestimonies testimonies;

    RecordCheck(Database db, Opener opener, Set<String> collectiveKeyIds) {
        this.db = Objects.requireNonNull(db, "db");
        this.testimonies = new SealedTestimonies(db);
        this.opener = Objects.requireNonNull(opener, "opener");
        this.collectiveKeyIds = Set.copyOf(collectiveKeyIds);
    }

    List<Finding> check() {
        List<Finding> findings = new ArrayList<>();
        Decisions decisions = new Decisions(db, opener);
        Decisions.Upgrade upgrade = decisions.upgradeState();
        switch (upgrade) {
            case TO_DO -> findings.add(new Finding(Finding.Kind.NOTE, "decisions made before this version are not authenticated "
                    + "yet: the next unlocked run (the bot with the passphrase, review, export or report) authenticates "
                    + "them once, trusting the database as it is then; rows decided so far are not listed below"));
            case MARK_MISSING -> findings.add(new Finding(Finding.Kind.PROBLEM, "the record that earlier decisions were authenticated is "
                    + "missing, though decisions carry MACs: the database was changed outside Gawahi; restore it from a "
                    + "backup you trust"));
            case MARK_DOES_NOT_VERIFY -> findings.add(new Finding(Finding.Kind.PROBLEM, "the record that earlier decisions were "
                    + "authenticated does not verify: the database was changed outside Gawahi; restore it from a backup "
                    + "you trust"));
            default -> { }
        }
        roleTableProblem().ifPresent(line -> findings.add(new Finding(Finding.Kind.PROBLEM, line)));
        int checked = 0;
        int bad = 0;
        for (TestimonyTable.Row row : testimonies.sealed()) {
            checked++;
            String problem = problemOf(row, decisions, upgrade == Decisions.Upgrade.TO_DO);
            if (problem != null) {
                bad++;
                findings.add(new Finding(Finding.Kind.PROBLEM, "testimony " + row.id() + ": " + problem));
            }
        }
        if (bad == 0) {
            findings.add(new Finding(Finding.Kind.OK, "records: all " + checked + " testimonies that hold content open, are "
                    + "sealed to the collective's keys, and their state verifies"));
        }
        return findings;
    }

    /** The role table is checked as the desk reads it: one that does not verify grants nobody anything. */
    private java.util.Optional<String> roleTableProblem() {
        try {
            return new Roles(db, new java.security.SecureRandom()).state(opener) == Roles.State.NOT_AUTHENTIC
                    ? java.util.Optional.of(Roles.NOT_AUTHENTIC) : java.util.Optional.empty();
        } catch (CannotOpenException e) {
            return java.util.Optional.of("The role table is sealed to a key that is not one of the unlocked keys: "
                    + "nobody can review; restore that key file, or grant the roles again with `gawahi roles grant`.");
        }
    }

    private String problemOf(TestimonyTable.Row row, Decisions decisions, boolean earlierDecisionsPending) {
        if (row.keyId() == null || !collectiveKeyIds.contains(row.keyId())) {
            return "sealed to the key " + row.keyId() + ", which is not one of the collective's keys in the keys "
                    + "directory: restore that key file from a backup, or the row was put there by someone else";
        }
        try {
            testimonies.open(row, opener);
        } catch (CannotOpenException | IllegalArgumentException e) {
            return "its record does not open (damaged): it is left out of review, export, reports and key rotation; "
                    + "restore the row from a backup";
        }
        Decisions.Verdict verdict = decisions.verdict(row);
        if (verdict == Decisions.Verdict.NOT_AUTHENTIC && !(earlierDecisionsPending && row.decision() == null)) {
            return "its state (" + row.status().name().toLowerCase(Locale.ROOT) + ") does not verify: it was changed "
                    + "or inserted outside Gawahi, so it is not counted, exported or shown for review";
        }
        return null;
    }
}
