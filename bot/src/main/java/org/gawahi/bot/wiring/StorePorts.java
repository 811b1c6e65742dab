package org.gawahi.bot.wiring;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import org.gawahi.bot.moderation.Retention;
import org.gawahi.bot.moderation.Review;
import org.gawahi.bot.moderation.ReviewStores;
import org.gawahi.bot.reports.ReportStores;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.contact.ContactBook;
import org.gawahi.storage.contact.ContactHandles;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.events.EventTable;
import org.gawahi.storage.reports.DisclosureHistory;
import org.gawahi.storage.testimony.SealedTestimonies;

/**
 * The engine's storage ports over the SQLite database, made in one place for the Spring wiring,
 * the CLI and the tests: only the wiring and the CLI see {@link Database}.
 */
public final class StorePorts {
    private StorePorts() {
    }

    /** Review's stores; its audit entries are dated by {@code clock}. */
    public static ReviewStores review(Database db, Clock clock) {
        return new ReviewStores(db, new SealedTestimonies(db), new EventTable(db), new AuditLog(db, clock),
                ContactBook.of(new ContactHandles(db)));
    }

    /** Review over the database, with the unlocked keys. */
    public static Review review(Database db, Opener opener, Sealer sealer, Clock clock, SecureRandom random) {
        return new Review(review(db, clock), opener, sealer, clock, random);
    }

    /**
     * What reports and briefs read. The audit trail is read for its head only (reports append
     * nothing), so its clock is the system's.
     */
    public static ReportStores reports(Database db) {
        return new ReportStores(new SealedTestimonies(db), new EventTable(db), new DisclosureHistory(db, new SecureRandom()),
                new AuditLog(db, Clock.systemUTC()));
    }

    /** The retention pass over the database; needs no keys. */
    public static Retention retention(Database db, Clock clock, Duration keepRejected) {
        return new Retention(db, new SealedTestimonies(db), ContactBook.of(new ContactHandles(db)),
                new AuditLog(db, clock), clock, keepRejected);
    }
}
