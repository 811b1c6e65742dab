package org.gawahi.bot.moderation;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.Arrival;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.Submissions;
import org.gawahi.storage.testimony.TestimonyStatus;

/**
 * Counts urgent testimonies as they are stored, so that the desk can tell the moderators
 * (with no content: only that one arrived). A count, not ids or times: nothing here could
 * link a notice to a row more closely than the notice's own arrival does.
 */
public final class UrgentArrivals {
    private final AtomicInteger unannounced = new AtomicInteger();

    /** {@code inner}, counting each urgent submission that was stored. */
    public Submissions watching(Submissions inner) {
        Objects.requireNonNull(inner, "inner");
        return new Submissions() {
            @Override
            public ReceiptCode submit(ChatRef chat, SecretBytes testimony) {
                return inner.submit(chat, testimony);
            }

            @Override
            public ReceiptCode submit(ChatRef chat, SecretBytes testimony, boolean urgent) {
                ReceiptCode receipt = inner.submit(chat, testimony, urgent);
                if (urgent) {
                    unannounced.incrementAndGet();
                }
                return receipt;
            }

            @Override
            public ReceiptCode submit(ChatRef chat, SecretBytes testimony, Arrival arrival) {
                ReceiptCode receipt = inner.submit(chat, testimony, arrival);
                if (arrival.urgent()) {
                    unannounced.incrementAndGet();
                }
                return receipt;
            }

            @Override
            public Optional<TestimonyStatus> status(ReceiptCode code) {
                return inner.status(code);
            }

            @Override
            public boolean withdraw(ReceiptCode code) {
                return inner.withdraw(code);
            }
        };
    }

    /** How many arrived since the last call. */
    int take() {
        return unannounced.getAndSet(0);
    }
}
