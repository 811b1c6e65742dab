package org.gawahi.bot.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.contact.ContactHandles;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.testimony.TestimonyTable;

/**
 * The retention rules: a rejected testimony's content is purged a while after the decision
 * (default 30 days, time to notice a wrong rejection), each purge audited by
 * {@link AuditLog#SYSTEM}, and with it the way back to its author if she had asked for contact
 * (a rejection alone keeps it: the collective may still need to reach her). A withdrawn
 * testimony's content and contact handle are deleted at once by the withdrawal itself; this
 * pass also checkpoints the WAL so that none of these lingers there. Needs no keys: it runs in
 * intake-only mode too.
 */
public final class Retention {
    public static final Duration DEFAULT_KEEP_REJECTED = Duration.ofDays(30);

    private final Database db;
    private final TestimonyTable testimonies;
    private final ContactHandles handles;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration keepRejected;

    public Retention(Database db, Clock clock, Duration keepRejected) {
        this.db = Objects.requireNonNull(db, "db");
        this.testimonies = new TestimonyTable(db);
        this.handles = new ContactHandles(db);
        this.audit = new AuditLog(db, clock);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keepRejected = Objects.requireNonNull(keepRejected, "keepRejected");
        if (keepRejected.isNegative()) {
            throw new IllegalArgumentException("a retention time cannot be negative");
        }
    }

    /** Purges what is due; returns how many testimonies' contents were purged. */
    public int run() {
        LocalDate before = LocalDate.now(clock).minusDays(keepRejected.toDays());
        int purged = db.inTransaction(c -> {
            int n = 0;
            for (String id : testimonies.rejectedBefore(before)) {
                if (testimonies.purgeRejected(id)) {
                    audit.append(AuditLog.SYSTEM, AuditAction.TESTIMONY_PURGED, Optional.of(id));
                    if (handles.erase(id)) {
                        audit.append(AuditLog.SYSTEM, AuditAction.CONTACT_HANDLE_ERASED, Optional.of(id));
                    }
                    n++;
                }
            }
            return n;
        });
        db.checkpoint();
        return purged;
    }
}
