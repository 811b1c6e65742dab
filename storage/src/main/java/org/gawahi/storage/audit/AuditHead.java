package org.gawahi.storage.audit;

import java.util.Objects;

/**
 * The last entry of the chain: its sequence number and hash. Recorded off the server (on
 * every report), it lets {@link AuditLog#verify(String)} catch a chain rewritten whole.
 * An empty chain's head is entry 0 with the {@link AuditLog#GENESIS} hash.
 */
public record AuditHead(long seq, String hash) {
    public AuditHead {
        Objects.requireNonNull(hash, "hash");
    }
}
