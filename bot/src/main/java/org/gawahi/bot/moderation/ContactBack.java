package org.gawahi.bot.moderation;

import java.util.Objects;
import java.util.Optional;

import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditTrail;
import org.gawahi.storage.contact.ContactHandle;
import org.gawahi.storage.contact.ContactBook;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.units.UnitOfWork;

/**
 * Contact back, whatever the channel: a respondent who asked for it can get exactly one
 * message from a moderator through the bot. Sending opens her sealed handle, erases it and
 * audits {@link AuditAction#CONTACT_MESSAGE_SENT} then {@link AuditAction#CONTACT_HANDLE_ERASED},
 * in one transaction; the caller hands the message to the channel after that commit. The
 * erasure is a conditional delete, so of two moderators sending at once exactly one does;
 * the other, and any try once the handle is gone, is refused and audited
 * ({@link AuditAction#CONTACT_REFUSED}). Needs the unlocked keys. Thread-safe.
 *
 * <p>A message lost after the commit (Telegram refused it through every retry) is not sent
 * again: the handle is gone by then. The safe side: never a second message.
 */
public final class ContactBack {
    /** Telegram allows 4 096 (UTF-16) characters; the line above it in her language needs room too. */
    public static final int MAX_MESSAGE = 3000;

    /** What became of a message: {@code to} is present only when it is to be sent. */
    public record Sending(Outcome outcome, Optional<ContactHandle> to) {
        public Sending {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(to, "to");
        }
    }

    private final UnitOfWork units;
    private final ContactBook handles;
    private final Opener opener;
    private final AuditTrail audit;

    public ContactBack(UnitOfWork units, ContactBook handles, Opener opener, AuditTrail audit) {
        this.units = Objects.requireNonNull(units, "units");
        this.handles = Objects.requireNonNull(handles, "handles");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Whether the testimony's author can still be sent her one message. */
    public boolean available(String testimonyId) {
        return handles.exists(testimonyId);
    }

    /** A moderator asks to write to her: DONE while a handle exists; otherwise refused and audited. */
    public Outcome begin(String actor, String testimonyId) {
        if (available(testimonyId)) {
            return Outcome.DONE;
        }
        audit.append(actor, AuditAction.CONTACT_REFUSED, Optional.of(testimonyId));
        return Outcome.CONTACT_GONE;
    }

    /**
     * Checks the message, then opens her handle and erases it (audited) so that the caller can
     * send {@code message} once. Bad text changes nothing and is not audited: she can retry.
     *
     * @throws CannotOpenException when the handle does not open with the unlocked keys
     */
    public Sending send(String actor, String testimonyId, String message) throws CannotOpenException {
        Objects.requireNonNull(message, "message");
        String text = message.strip();
        if (text.isEmpty()) {
            return new Sending(Outcome.CONTACT_EMPTY, Optional.empty());
        }
        if (text.length() > MAX_MESSAGE) { // UTF-16 units, as Telegram and ChatAction count them
            return new Sending(Outcome.CONTACT_TOO_LONG, Optional.empty());
        }
        Optional<ContactHandle> handle = handles.open(testimonyId, opener);
        Sending sending = units.atomically(() -> {
            if (handle.isEmpty() || !handles.erase(testimonyId)) {
                audit.append(actor, AuditAction.CONTACT_REFUSED, Optional.of(testimonyId));
                return new Sending(Outcome.CONTACT_GONE, Optional.empty());
            }
            audit.append(actor, AuditAction.CONTACT_MESSAGE_SENT, Optional.of(testimonyId));
            audit.append(actor, AuditAction.CONTACT_HANDLE_ERASED, Optional.of(testimonyId));
            return new Sending(Outcome.CONTACT_SENT, handle);
        });
        units.scrubOldVersions(); // does nothing inside the Telegram batch: the hourly retention pass takes it
        return sending;
    }

    /** Closes the case without writing: erases her handle, audited. */
    public Outcome close(String actor, String testimonyId) {
        Outcome outcome = units.atomically(() -> {
            if (!handles.erase(testimonyId)) {
                audit.append(actor, AuditAction.CONTACT_REFUSED, Optional.of(testimonyId));
                return Outcome.CONTACT_GONE;
            }
            audit.append(actor, AuditAction.CONTACT_HANDLE_ERASED, Optional.of(testimonyId));
            return Outcome.CONTACT_CLOSED;
        });
        units.scrubOldVersions();
        return outcome;
    }
}
