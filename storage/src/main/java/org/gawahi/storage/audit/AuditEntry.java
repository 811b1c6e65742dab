package org.gawahi.storage.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the audit log, as stored.
 *
 * @param seq      its place in the chain, from 1, without gaps
 * @param at       when, in UTC, to the hour (to the minute in entries written before that)
 * @param actor    who: an actor pseudonym, {@link AuditLog#OPERATOR} or {@link AuditLog#SYSTEM}
 * @param subject  the testimony, event or role holder it concerns, as ids only
 * @param prevHash the previous entry's hash ({@link AuditLog#GENESIS} for the first)
 * @param hash     this entry's hash, over all the fields above
 */
public record AuditEntry(long seq, Instant at, String actor, AuditAction action, Optional<String> subject,
                         String prevHash, String hash) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }
}
