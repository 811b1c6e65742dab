package org.gawahi.storage.testimony;

import java.util.Optional;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.drafts.ChatRef;

/** Where a finished testimony goes, and what a receipt code can do afterwards. */
public interface Submissions {

    /**
     * Seals the testimony, stores it and erases the chat's draft, all in one transaction,
     * and returns only after that transaction is durably committed: the receipt may then be
     * shown. Called inside a caller's transaction (a Telegram batch), it is a unit of its own
     * within it: on failure none of its writes are kept and the caller's transaction goes on;
     * on success it commits with the caller's. Nothing that names the chat is stored with the
     * testimony.
     *
     * @throws StorageFailure when the testimony could not be stored; nothing was changed
     */
    ReceiptCode submit(ChatRef chat, SecretBytes testimony);

    /**
     * As {@link #submit(ChatRef, SecretBytes)}, flagged urgent on arrival when {@code urgent}
     * (an answer the questionnaire marks urgent). Stores that keep no flag ignore it.
     */
    default ReceiptCode submit(ChatRef chat, SecretBytes testimony, boolean urgent) {
        return submit(chat, testimony);
    }

    /**
     * As {@link #submit(ChatRef, SecretBytes, boolean)}; when {@link Arrival#contactLanguage()}
     * is present, the store also keeps her chat, sealed, in the same transaction, so that a
     * moderator can send her one message. Stores that keep no handle (in memory) ignore it.
     */
    default ReceiptCode submit(ChatRef chat, SecretBytes testimony, Arrival arrival) {
        return submit(chat, testimony, arrival.urgent());
    }

    /** The status for a receipt; empty for an unknown code. */
    Optional<TestimonyStatus> status(ReceiptCode code);

    /**
     * Withdraws a testimony: its sealed content and its contact handle, if any, are deleted
     * (overwritten on disk) in one transaction, and only a tombstone status stays. Returns false for an unknown or already withdrawn code.
     */
    boolean withdraw(ReceiptCode code);

    /** A store that could not do what was asked; says what, never with content. */
    final class StorageFailure extends RuntimeException {
        public StorageFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
