package org.gawahi.storage.audit;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.gawahi.storage.audit.AuditVerification.Break;
import org.gawahi.storage.audit.AuditVerification.Problem;

/**
 * Walks the rows in sequence order and stops checking at the first problem (counting on).
 * For each row, in this order: is it the next number (else entries are missing), does it
 * point at the previous entry's hash (else it was moved, inserted, or follows a deletion),
 * does its hash match its contents (else it was edited). Checking the link before the hash
 * names a swap of two rows as a reordering rather than as an edit.
 */
final class ChainCheck implements Consumer<AuditTable.Row> {
    private final Optional<String> anchor;
    private long expectedSeq = 1;
    private String expectedPrev = ChainHash.GENESIS;
    private long count;
    private String head = ChainHash.GENESIS;
    private boolean anchorSeen;
    private Break broken;

    ChainCheck(Optional<String> anchor) {
        this.anchor = anchor;
        this.anchorSeen = anchor.isEmpty() || anchor.get().equals(ChainHash.GENESIS);
    }

    @Override
    public void accept(AuditTable.Row row) {
        count++;
        head = String.valueOf(row.hash());
        if (broken != null) {
            return;
        }
        broken = problemWith(row);
        if (broken == null) {
            anchorSeen |= anchor.isPresent() && anchor.get().equals(row.hash());
            expectedSeq = row.seq() + 1;
            expectedPrev = row.hash();
        }
    }

    AuditVerification result() {
        if (broken == null && !anchorSeen) {
            broken = new Break(OptionalLong.empty(), Problem.HEAD_NOT_FOUND, "the head seen earlier (" + anchor.get()
                    + ") is not in this chain of " + count + " entries: entries after entry " + count
                    + " were deleted, or the chain was rewritten");
        }
        return new AuditVerification(count, head, Optional.ofNullable(broken));
    }

    private Break problemWith(AuditTable.Row row) {
        long seq = row.seq();
        if (seq > expectedSeq) {
            String which = seq - 1 == expectedSeq ? "entry " + expectedSeq + " is" : "entries " + expectedSeq + " to " + (seq - 1) + " are";
            return at(expectedSeq, Problem.MISSING, which + " missing (" + (expectedSeq == 1 ? "the chain starts at entry " + seq
                    : "entry " + (expectedSeq - 1) + " is followed by entry " + seq) + "): deleted");
        }
        if (seq < expectedSeq) {
            return at(seq, Problem.OUT_OF_PLACE, "entries are numbered from 1: inserted");
        }
        if (!expectedPrev.equals(row.prevHash())) {
            String before = seq == 1 ? "the genesis hash" : "entry " + (seq - 1) + "'s hash";
            return at(seq, Problem.OUT_OF_PLACE, "its previous hash is not " + before
                    + ": entries were reordered, inserted or deleted here, or " + (seq == 1 ? "it" : "entry " + (seq - 1))
                    + " was rewritten");
        }
        if (row.at() == null || row.actor() == null || row.action() == null || row.hash() == null) {
            return at(seq, Problem.EDITED, "a required field is empty: edited");
        }
        String computed = ChainHash.of(seq, row.at(), row.actor(), row.action(), row.subject(), row.prevHash());
        if (!computed.equals(row.hash())) {
            return at(seq, Problem.EDITED, "its contents do not match its hash: edited");
        }
        return null;
    }

    private static Break at(long seq, Problem problem, String reason) {
        return new Break(OptionalLong.of(seq), problem, reason);
    }
}
