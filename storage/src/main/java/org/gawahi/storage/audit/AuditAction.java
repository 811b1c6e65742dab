package org.gawahi.storage.audit;

/**
 * What an audit entry records. The name is stored and hashed into the chain, so a constant
 * is never renamed or removed once released (that would break the verification of every
 * entry naming it); add new ones instead.
 */
public enum AuditAction {
    /** A moderator opened a testimony decrypted. Subject: the testimony. */
    TESTIMONY_VIEWED(true),
    TESTIMONY_APPROVED(true),
    TESTIMONY_REJECTED(true),
    /** A free-text answer was replaced and the testimony re-sealed. Subject: the testimony. */
    TESTIMONY_REDACTED(true),
    TESTIMONY_FLAGGED_URGENT(true),
    TESTIMONY_URGENT_CLEARED(true),
    /** A moderator decided on a testimony that someone had already decided; the first decision stands. */
    TESTIMONY_DECISION_REFUSED(true),
    /** Removed by the retention rules. Subject: the testimony. */
    TESTIMONY_PURGED(true),
    EVENT_CREATED(true),
    /** Subject: {@code testimonyId:eventId}. */
    EVENT_LINKED(true),
    /** A moderator sent one message through the bot to a respondent who asked to be contacted. */
    CONTACT_MESSAGE_SENT(true),
    /**
     * The way back to a respondent was erased: her one message was sent, a moderator closed the
     * case, or retention purged the testimony. Subject: the testimony. (A withdrawal erases it
     * too, unaudited: the entry's hour would date her act.)
     */
    CONTACT_HANDLE_ERASED(true),
    /** A moderator tried to contact a respondent, or close her case, when no way back was left. Subject: the testimony. */
    CONTACT_REFUSED(true),
    /** Subject: the grantee's actor pseudonym. */
    ROLE_GRANTED(true),
    /** Subject: the former holder's actor pseudonym. */
    ROLE_REVOKED(true),
    /** Someone without the role tried a moderator's command; the subject, if any, is what they tried it on. */
    ACCESS_REFUSED(false),
    KEYS_UNLOCKED(false),
    KEYS_ROTATED(false),
    EXPORT(false),
    REPORT(false),
    /**
     * Refusals not written one by one (see {@link AuditLog#refused}): those of the actor since its
     * last {@link #ACCESS_REFUSED} entry, or, with the actor {@link AuditLog#SYSTEM}, those over
     * the log's hourly budget. Subject: how many, as 16 hex digits.
     */
    ACCESS_REFUSED_REPEATED(true);

    private final boolean needsSubject;

    AuditAction(boolean needsSubject) {
        this.needsSubject = needsSubject;
    }

    /** Whether an entry with this action must name what it was done to. */
    public boolean needsSubject() {
        return needsSubject;
    }
}
