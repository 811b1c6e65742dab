package org.gawahi.bot.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.audit.AuditTrail;
import org.gawahi.storage.contact.ContactBook;
import org.gawahi.storage.testimony.Testimonies;
import org.gawahi.storage.units.UnitOfWork;

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

    private final UnitOfWork units;
    private final Testimonies testimonies;
    private final ContactBook handles;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration keepRejected;

    /** {@code audit} is the system's trail (entries by {@link AuditLog#SYSTEM}), on the clock that dates the pass. */
    public Retention(UnitOfWork units, Testimonies testimonies, ContactBook handles, AuditTrail audit, Clock clock,
                     Duration keepRejected) {
        this.units = Objects.requireNonNull(units, "units");
        this.testimonies = Objects.requireNonNull(testimonies, "testimonies");
        this.handles = Objects.requireNonNull(handles, "handles");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keepRejected = Objects.requireNonNull(keepRejected, "keepRejected");
        if (keepRejected.isNegative()) {
            throw new IllegalArgumentException("a retention time cannot be negative");
        }
    }

    /** Purges what is due; returns how many testimonies' contents were purged. */
    public int run() {
        LocalDate before = LocalDate.now(clock).minusDays(keepRejected.toDays());
        int purged = units.atomically(() -> {
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
        units.scrubOldVersions();
        return purged;
    }
}
