package org.gawahi.storage.testimony;

/** Where a testimony stands; all a receipt code can ask about. */
public enum TestimonyStatus {
    PENDING,
    APPROVED,
    REJECTED,
    WITHDRAWN
}
