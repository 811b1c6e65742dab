package org.gawahi.storage.testimony;

import java.util.Optional;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.drafts.ChatRef;

/** Where a finished testimony goes, and what a receipt code can do afterwards. */
public interface Submissions {

    /**
     * Seals the testimony, stores it and erases the chat's draft, all in one transaction,
     * and returns only after that transaction is durably committed: the receipt may then be
     * shown. Nothing that names the chat is stored with the testimony.
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

    /** The status for a receipt; empty for an unknown code. */
    Optional<TestimonyStatus> status(ReceiptCode code);

    /**
     * Withdraws a testimony: its sealed content is deleted (overwritten on disk) and only a
     * tombstone status stays. Returns false for an unknown or already withdrawn code.
     */
    boolean withdraw(ReceiptCode code);

    /** A store that could not do what was asked; says what, never with content. */
    final class StorageFailure extends RuntimeException {
        public StorageFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
