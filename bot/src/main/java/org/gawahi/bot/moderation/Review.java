package org.gawahi.bot.moderation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.config.settings.KeyFingerprint;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.audit.AuditTrail;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.events.EventTable;
import org.gawahi.storage.events.RaidEvents;
import org.gawahi.storage.testimony.Decisions;
import org.gawahi.storage.testimony.Testimonies;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.gawahi.storage.units.UnitOfWork;

/**
 * Review, whatever the channel (Telegram, the terminal): the queue, opening the next
 * testimony, and the decisions on it. Needs the unlocked keys. Every action and its audit
 * entry commit in one transaction; a decision is a conditional update on the status, so
 * of two moderators deciding at once exactly one wins and the other's try is audited as
 * {@link AuditAction#TESTIMONY_DECISION_REFUSED}.
 *
 * <p>Every action authenticates the state it leaves, in the same transaction
 * ({@link Decisions}), and acts only on a row whose state verifies: a row changed or inserted
 * outside Gawahi is neither shown nor decided ({@link Outcome#NOT_AUTHENTIC}), so a moderator's
 * action never launders a forged state. Urgency is sealed in the content, so the queue opens
 * the pending testimonies to put the urgent ones first; a pending one that does not open or
 * does not verify is passed over, named by id in {@link QueueCounts#leftOut()}, and the rest go on.
 *
 * <p>The actor is an audit actor: {@code RoleBook.actorPseudonym} for a moderator in
 * Telegram, {@link AuditLog#OPERATOR} on the terminal. Thread-safe (all state is in SQLite).
 */
public final class Review {
    /** A pending testimony older than this is reported by the queue. */
    public static final Duration OVERDUE = Duration.ofDays(30);
    public static final int RECENT_EVENTS = 5;

    private final UnitOfWork units;
    private final Testimonies testimonies;
    private final RaidEvents events;
    private final AuditTrail audit;
    private final Opener opener;
    private final Sealer sealer;
    private final Clock clock;
    private final SecureRandom random;
    private final ContactBack contact;
    private final Decisions decisions;

    /** A change whose new state could not be authenticated: the transaction is undone. */
    private static final class NotAuthenticated extends RuntimeException {
        NotAuthenticated() {
            super("the testimony is sealed to a key that is not unlocked", null, false, false);
        }
    }

    public Review(ReviewStores stores, Opener opener, Sealer sealer, Clock clock, SecureRandom random) {
        this.units = stores.units();
        this.testimonies = stores.testimonies();
        this.events = stores.events();
        this.audit = stores.audit();
        this.opener = Objects.requireNonNull(opener, "opener");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.contact = new ContactBack(units, stores.contacts(), opener, audit);
        this.decisions = testimonies.decisions(opener);
    }

    /** The fingerprint of the collective key new testimonies are sealed to, for moderators to compare. */
    public Optional<KeyFingerprint> keyFingerprint() {
        return Keys.fingerprintOf(sealer);
    }

    /** Contact back: the one message to a respondent who asked for it, and closing her case. */
    public ContactBack contact() {
        return contact;
    }

    public QueueCounts queue() {
        return units.atomically(() -> {
            Map<TestimonyStatus, Integer> counts = testimonies.countByStatus();
            PendingQueue queue = PendingQueue.read(testimonies, decisions, opener);
            LocalDate overdueBefore = today().minusDays(OVERDUE.toDays());
            int urgent = (int) queue.waiting().stream().filter(PendingQueue.Waiting::urgent).count();
            int overdue = (int) queue.waiting().stream().filter(w -> w.row().submittedDay().isBefore(overdueBefore)).count();
            return new QueueCounts(urgent, queue.waiting().size(), overdue, counts.getOrDefault(TestimonyStatus.APPROVED, 0),
                    counts.getOrDefault(TestimonyStatus.REJECTED, 0), counts.getOrDefault(TestimonyStatus.WITHDRAWN, 0),
                    queue.leftOut());
        });
    }

    /** One pending testimony as the queue lists it: no content, only what orders it. */
    public record Waiting(String id, LocalDate submittedDay, boolean urgent) {
    }

    /**
     * The pending testimonies review shows, in its order (urgent first, then oldest); those
     * that do not open or do not verify are left out, as {@link #queue()} names them.
     */
    public List<Waiting> waiting() {
        return units.atomically(() -> PendingQueue.read(testimonies, decisions, opener).waiting().stream()
                .map(w -> new Waiting(w.row().id(), w.row().submittedDay(), w.urgent())).toList());
    }

    /**
     * Opens the next pending testimony (urgent first, then oldest) that is not in
     * {@code skipped}, and audits that {@code actor} read it. Testimonies that do not open or
     * whose state does not verify are passed over (the queue names them).
     *
     * @throws CannotOpenException when it stopped opening since the queue was read
     */
    public Optional<OpenedTestimony> next(String actor, Collection<String> skipped) throws CannotOpenException {
        Optional<String> id = PendingQueue.read(testimonies, decisions, opener).waiting().stream().map(w -> w.row().id())
                .filter(i -> !skipped.contains(i)).findFirst();
        return id.isEmpty() ? Optional.empty() : open(actor, id.get());
    }

    /**
     * Opens one testimony by id and audits the reading; empty when it holds no content, or when
     * its state does not verify (changed outside Gawahi: not shown as if a moderator made it).
     */
    public Optional<OpenedTestimony> open(String actor, String id) throws CannotOpenException {
        Optional<TestimonyTable.Row> row = testimonies.find(id).filter(TestimonyTable.Row::holdsContent)
                .filter(decisions::trusted);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        TestimonyContent content = contentOf(row.get());
        audit.append(actor, AuditAction.TESTIMONY_VIEWED, Optional.of(id));
        TestimonyTable.Row r = row.get();
        return Optional.of(new OpenedTestimony(r.id(), r.submittedDay(), r.status(), content.urgent(),
                Optional.ofNullable(r.eventId()), content));
    }

    public Outcome approve(String actor, String id) {
        return decide(actor, id, TestimonyStatus.APPROVED, Optional.empty(), AuditAction.TESTIMONY_APPROVED);
    }

    public Outcome reject(String actor, String id, RejectReason reason) {
        Objects.requireNonNull(reason, "reason");
        return decide(actor, id, TestimonyStatus.REJECTED, Optional.of(reason.code()), AuditAction.TESTIMONY_REJECTED);
    }

    private Outcome decide(String actor, String id, TestimonyStatus to, Optional<String> reason, AuditAction action) {
        return authenticated(() -> units.atomically(() -> {
            Optional<TestimonyTable.Row> before = testimonies.find(id);
            if (before.isPresent() && before.get().holdsContent() && !decisions.trusted(before.get())) {
                audit.append(actor, AuditAction.TESTIMONY_DECISION_REFUSED, Optional.of(id));
                return Outcome.NOT_AUTHENTIC;
            }
            if (testimonies.decide(id, to, today(), reason)) {
                authenticate(id);
                audit.append(actor, action, Optional.of(id));
                return Outcome.DONE;
            }
            Optional<TestimonyTable.Row> row = testimonies.find(id);
            if (row.isEmpty()) {
                audit.append(actor, AuditAction.TESTIMONY_DECISION_REFUSED, Optional.of(id));
                return Outcome.GONE;
            }
            audit.append(actor, AuditAction.TESTIMONY_DECISION_REFUSED, Optional.of(id));
            return row.get().status() == TestimonyStatus.WITHDRAWN ? Outcome.GONE : Outcome.ALREADY_DECIDED;
        }));
    }

    /**
     * Flags a testimony urgent (an already urgent one stays so, and this is still DONE). The
     * flag is sealed in the content: the testimony is re-sealed with it, as for a redaction.
     */
    public Outcome flagUrgent(String actor, String id) {
        Optional<TestimonyTable.Row> found = testimonies.find(id).filter(TestimonyTable.Row::holdsContent);
        if (found.isEmpty() || found.get().status() == TestimonyStatus.WITHDRAWN) {
            return Outcome.GONE;
        }
        if (!decisions.trusted(found.get())) {
            return Outcome.NOT_AUTHENTIC;
        }
        TestimonyContent content;
        try {
            content = contentOf(found.get());
        } catch (CannotOpenException | IllegalArgumentException e) {
            return Outcome.NOT_AUTHENTIC;
        }
        if (content.urgent()) {
            return Outcome.DONE;
        }
        return replaceContent(actor, found.get(), content.withUrgent(), AuditAction.TESTIMONY_FLAGGED_URGENT);
    }

    /**
     * Replaces the free-text answer to {@code questionId} with {@code redacted} and re-seals
     * the testimony: the original text is gone from the database (SQLite's secure_delete
     * overwrites the old pages; the WAL is checkpointed after the commit). The redaction may
     * only shorten: it must not be empty nor longer, in characters, than the original. The
     * same text sent back unchanged clears the answer as it stands. Either way the answer is
     * marked, inside the sealed content, as reviewed by a moderator: the mark reports need
     * before they may quote it (and only with the author's consent).
     */
    public Outcome redact(String actor, String id, String questionId, String redacted) throws CannotOpenException {
        Objects.requireNonNull(redacted, "redacted");
        Optional<TestimonyTable.Row> found = testimonies.find(id).filter(TestimonyTable.Row::holdsContent);
        if (found.isEmpty() || found.get().status() == TestimonyStatus.WITHDRAWN) {
            return Outcome.GONE;
        }
        TestimonyTable.Row row = found.get();
        if (!decisions.trusted(row)) {
            return Outcome.NOT_AUTHENTIC;
        }
        TestimonyContent content = contentOf(row);
        String original = content.texts().get(questionId);
        if (original == null) {
            return Outcome.NOT_A_TEXT_ANSWER;
        }
        String replacement = redacted.strip();
        if (replacement.isEmpty()) {
            return Outcome.REDACTION_EMPTY;
        }
        if (replacement.codePointCount(0, replacement.length()) > original.codePointCount(0, original.length())) {
            return Outcome.REDACTION_TOO_LONG;
        }
        // Marked redacted inside the sealed content: only such answers may be quoted in a report.
        return replaceContent(actor, row, content.withRedaction(questionId, replacement), AuditAction.TESTIMONY_REDACTED);
    }

    /** Re-seals {@code row} with {@code changed}, authenticates the new state and audits it, in one transaction. */
    private Outcome replaceContent(String actor, TestimonyTable.Row row, TestimonyContent changed, AuditAction action) {
        String id = row.id();
        Outcome outcome = authenticated(() -> units.atomically(() -> {
            // Only if the row still holds exactly what was opened above: no change is lost.
            if (!testimonies.replaceIfUnchanged(row, changed, sealer)) {
                return Outcome.CHANGED_MEANWHILE;
            }
            authenticate(id);
            audit.append(actor, action, Optional.of(id));
            return Outcome.DONE;
        }));
        if (outcome == Outcome.DONE) {
            units.scrubOldVersions();
        }
        return outcome;
    }

    /** Authenticates the row's new state in the caller's transaction; when it cannot, the transaction is undone. */
    private void authenticate(String id) {
        try {
            decisions.authenticate(id);
        } catch (CannotOpenException e) {
            throw new NotAuthenticated();
        }
    }

    private static Outcome authenticated(java.util.function.Supplier<Outcome> change) {
        try {
            return change.get();
        } catch (NotAuthenticated e) {
            return Outcome.NOT_AUTHENTIC;
        }
    }

    /** Starts a new raid event and returns its id. */
    public String startEvent(String actor) {
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        String eventId = HexFormat.of().formatHex(raw);
        units.atomically(() -> {
            events.insert(eventId, today());
            audit.append(actor, AuditAction.EVENT_CREATED, Optional.of(eventId));
        });
        return eventId;
    }

    public List<EventTable.Event> recentEvents() {
        return events.recent(RECENT_EVENTS);
    }

    /** Links a testimony to a raid event (one raid told by many counts once). */
    public Outcome link(String actor, String id, String eventId) {
        return authenticated(() -> units.atomically(() -> {
            if (!events.exists(eventId)) {
                return Outcome.NO_SUCH_EVENT;
            }
            Optional<TestimonyTable.Row> before = testimonies.find(id);
            if (before.isPresent() && before.get().holdsContent() && !decisions.trusted(before.get())) {
                return Outcome.NOT_AUTHENTIC;
            }
            if (!testimonies.linkEvent(id, eventId)) {
                return Outcome.GONE;
            }
            authenticate(id);
            audit.append(actor, AuditAction.EVENT_LINKED, Optional.of(id + ":" + eventId));
            return Outcome.DONE;
        }));
    }

    private TestimonyContent contentOf(TestimonyTable.Row row) throws CannotOpenException {
        return testimonies.open(row, opener);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
