package org.gawahi.storage.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gawahi.storage.db.Database;
import org.gawahi.storage.db.StorageException;

/**
 * The audit log (see the package documentation for its guarantees).
 *
 * <p>{@link #append} joins the caller's transaction, so a decision and its entry commit
 * together or not at all. Times are kept to the hour: enough to set an act beside
 * outside events (a seizure, a leak), while minutes would mostly help match a pseudonym
 * against someone else's timestamps (Telegram's, a network's) to name the moderator
 * behind it, and would date the testimony a moderator acted on soon after it came; the
 * order within an hour is the sequence. Entries written before this kept the minute; the
 * chain hashes the time as stored, so a log mixing both verifies. Call it for what moderators and
 * operators do, never at the moment a respondent acts (on arrival, say): the entry's place
 * in the chain would date her testimony more finely than the day the testimony row keeps.
 */
public final class AuditLog implements AuditTrail {
    /** The actor of what is done on the server's command line, where no Telegram id is known. */
    public static final String OPERATOR = "operator";
    /** The actor of what Gawahi does by itself (retention). */
    public static final String SYSTEM = "system";
    /** The previous hash of the first entry, and the head of an empty chain. */
    public static final String GENESIS = ChainHash.GENESIS;
    public static final int MAX_PAGE = 1_000;

    private static final ChronoUnit PRECISION = ChronoUnit.HOURS;
    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");
    /** One id, or two for a link (testimony:event); hex only, so no words fit. */
    private static final Pattern SUBJECT = Pattern.compile("[0-9a-f]{16,64}(:[0-9a-f]{16,64})?");

    private final Database db;
    private final AuditTable table;
    private final Clock clock;
    private final RefusalBudget refusals;

    public AuditLog(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = new AuditTable(db);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refusals = new RefusalBudget(clock);
    }

    /**
     * Records that {@code actorPseudonym} tried what needs a role it does not hold, within a
     * budget: the first refusal of an actor in an hour is an {@link AuditAction#ACCESS_REFUSED}
     * entry, the others of that hour are counted and written as one
     * {@link AuditAction#ACCESS_REFUSED_REPEATED} entry when the actor is next refused, and the
     * whole log takes at most 100 such entries an hour (the rest counted under {@link #SYSTEM}).
     * So a flood of presses, from one account or many, adds a bounded number of entries. The
     * budget is this instance's, in memory; share one instance among the desks.
     *
     * @return how many entries were appended (0, 1 or 2)
     */
    public int refused(String actorPseudonym) {
        Objects.requireNonNull(actorPseudonym, "actorPseudonym");
        if (!isActor(actorPseudonym)) {
            throw new IllegalArgumentException("an audit actor is a 64-hex-digit pseudonym, \"operator\" or \"system\"");
        }
        List<RefusalBudget.Entry> entries = refusals.refuse(actorPseudonym);
        for (RefusalBudget.Entry entry : entries) {
            append(entry.actor(), entry.action(), entry.action() == AuditAction.ACCESS_REFUSED ? Optional.empty()
                    : Optional.of(String.format(Locale.ROOT, "%016x", entry.count())));
        }
        return entries.size();
    }

    /**
     * Appends an entry after the current head, inside the caller's transaction if there is one.
     *
     * @param actorPseudonym {@code Pseudonyms.actorPseudonym(telegramUserId)}, {@link #OPERATOR} or {@link #SYSTEM}
     * @param subjectId      a testimony, event or actor id (hex), or {@code testimonyId:eventId};
     *                       required for the actions that {@link AuditAction#needsSubject() need one}
     * @throws IllegalArgumentException if the actor or subject is not of those shapes
     */
    @Override
    public AuditEntry append(String actorPseudonym, AuditAction action, Optional<String> subjectId) {
        Objects.requireNonNull(actorPseudonym, "actorPseudonym");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectId, "subjectId");
        if (!isActor(actorPseudonym)) {
            throw new IllegalArgumentException("an audit actor is a 64-hex-digit pseudonym, \"operator\" or \"system\"");
        }
        subjectId.ifPresent(s -> {
            if (!SUBJECT.matcher(s).matches()) {
                throw new IllegalArgumentException("an audit subject is a hex id (16 to 64 digits), or two joined by ':'");
            }
        });
        if (action.needsSubject() && subjectId.isEmpty()) {
            throw new IllegalArgumentException(action + " must name its subject");
        }
        String at = clock.instant().truncatedTo(PRECISION).toString();
        return db.inTransaction(c -> {
            AuditHead head = head();
            long seq = head.seq() + 1;
            String subject = subjectId.orElse(null);
            String hash = ChainHash.of(seq, at, actorPseudonym, action.name(), subject, head.hash());
            AuditTable.Row row = new AuditTable.Row(seq, at, actorPseudonym, action.name(), subject, head.hash(), hash);
            table.insert(row);
            return entry(row);
        });
    }

    /** The last entry's number and hash; entry 0 and {@link #GENESIS} for an empty log. */
    @Override
    public AuditHead head() {
        return table.last().orElse(new AuditHead(0, GENESIS));
    }

    /** Up to {@code limit} entries from number {@code fromSeq} on, in order. */
    public List<AuditEntry> entries(long fromSeq, int limit) {
        if (fromSeq < 1) {
            throw new IllegalArgumentException("entries are numbered from 1");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " entries");
        }
        return table.page(fromSeq, limit).stream().map(AuditLog::entry).toList();
    }

    /** Checks the whole chain from the first entry; names the first entry that was edited, moved or deleted. */
    public AuditVerification verify() {
        return check(Optional.empty());
    }

    /**
     * As {@link #verify()}, and also that the chain still contains the entry whose hash is
     * {@code expectedHead} (a head recorded earlier, off the server): so that entries cut
     * off the end, or a chain recomputed whole, are caught too.
     *
     * @throws IllegalArgumentException if {@code expectedHead} is not 64 hex digits
     */
    public AuditVerification verify(String expectedHead) {
        Objects.requireNonNull(expectedHead, "expectedHead");
        if (!HASH.matcher(expectedHead).matches()) {
            throw new IllegalArgumentException("an audit head is 64 hex digits");
        }
        return check(Optional.of(expectedHead.toLowerCase(Locale.ROOT)));
    }

    private AuditVerification check(Optional<String> anchor) {
        ChainCheck check = new ChainCheck(anchor);
        table.scan(check);
        return check.result();
    }

    private static boolean isActor(String actor) {
        return PSEUDONYM.matcher(actor).matches() || OPERATOR.equals(actor) || SYSTEM.equals(actor);
    }

    private static AuditEntry entry(AuditTable.Row row) {
        try {
            return new AuditEntry(row.seq(), Instant.parse(row.at()), row.actor(), AuditAction.valueOf(row.action()),
                    Optional.ofNullable(row.subject()), row.prevHash(), row.hash());
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw new StorageException("Audit entry " + row.seq() + " cannot be read: it was changed outside Gawahi, "
                    + "or written by a newer version. Run `audit verify`.", e);
        }
    }
}
