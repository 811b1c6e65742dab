package org.gawahi.storage.testimony;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of a testimony sealed elsewhere: stored with a receipt, or refused without a
 * write.
 */
public record SealedArrival(Optional<ReceiptCode> receipt, Optional<Refusal> refusal) {
    /** Why nothing was stored. */
    public enum Refusal {
        /** The launch it came with already sent one. */
        LAUNCH_USED,
        /** The one-time link it came with is used, expired, revoked or was never made (which, is not told). */
        LINK_INVALID,
        /** A testimony with this id exists. */
        ID_TAKEN
    }

    public SealedArrival {
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(refusal, "refusal");
        if (receipt.isPresent() == refusal.isPresent()) {
            throw new IllegalArgumentException("either a receipt or a refusal");
        }
    }

    static SealedArrival stored(ReceiptCode receipt) {
        return new SealedArrival(Optional.of(receipt), Optional.empty());
    }

    static SealedArrival refused(Refusal refusal) {
        return new SealedArrival(Optional.empty(), Optional.of(refusal));
    }
}
