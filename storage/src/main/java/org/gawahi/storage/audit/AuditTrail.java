package org.gawahi.storage.audit;

import java.util.Optional;

/**
 * The port through which the engine audits what moderators and the system do
 * ({@link AuditLog}, the hash-chained table, implements it). An entry appended inside a unit of
 * work commits or rolls back with it.
 */
public interface AuditTrail {
    /** Appends an entry to the chain; see {@link AuditLog#append}. */
    AuditEntry append(String actorPseudonym, AuditAction action, Optional<String> subjectId);

    /** The chain's last entry, as reports and briefs print it. */
    AuditHead head();
}
