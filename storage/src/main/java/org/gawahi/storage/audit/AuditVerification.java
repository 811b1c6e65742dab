package org.gawahi.storage.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link AuditLog#verify} found.
 *
 * @param count  the entries in the table
 * @param head   the last entry's stored hash ({@link AuditLog#GENESIS} when there is none)
 * @param broken the first problem, if any; the entries after it were not checked
 */
public record AuditVerification(long count, String head, Optional<Break> broken) {
    public AuditVerification {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(broken, "broken");
    }

    public boolean ok() {
        return broken.isEmpty();
    }

    /** Why the chain cannot be trusted. */
    public enum Problem {
        /** An entry's hash does not match its contents: it was edited. */
        EDITED,
        /** An entry does not point at the one before it: entries were reordered, inserted or deleted. */
        OUT_OF_PLACE,
        /** Sequence numbers jump: entries were deleted. */
        MISSING,
        /** The chain holds together but lacks a head recorded earlier: it was cut short or rewritten. */
        HEAD_NOT_FOUND
    }

    /**
     * The first problem found.
     *
     * @param entry   the first bad entry's sequence number; empty when it cannot be known
     *                ({@link Problem#HEAD_NOT_FOUND})
     * @param reason  why, for an operator, naming entries and hashes only; it reads after
     *                "entry N: " when there is an entry, and on its own when there is not
     */
    public record Break(OptionalLong entry, Problem problem, String reason) {
        public Break {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
