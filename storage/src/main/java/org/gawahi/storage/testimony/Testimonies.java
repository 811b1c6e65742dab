package org.gawahi.storage.testimony;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;

/**
 * The port to stored testimonies, once intake has sealed them ({@link Submissions}): open one
 * with the opener, replace its content only over exactly what was opened, the pending, approved
 * and sealed ones, a moderator's decision and link, the retention purge, and re-sealing all of
 * them for a key rotation. Callers never see a ciphertext or the associated data it is bound
 * to: a {@link TestimonyTable.Row} they are given is only passed back. {@link SealedTestimonies}
 * implements it over SQLite. Every call joins the unit of work of the calling thread.
 */
public interface Testimonies {
    /** The row of {@code id} as stored (its state is authenticated only by {@link Decisions}). */
    Optional<TestimonyTable.Row> find(String id);

    /**
     * Opens a row's content with {@code opener}.
     *
     * @throws CannotOpenException when it does not open (damaged, moved from another row, or sealed to a key not unlocked)
     * @throws IllegalArgumentException when it opens but is not a testimony's content
     * @throws IllegalStateException when the row holds no content (withdrawn or purged)
     */
    TestimonyContent open(TestimonyTable.Row row, Opener opener) throws CannotOpenException;

    /**
     * Seals {@code changed} to {@code sealer}'s key in place of {@code opened}'s content, only if
     * the row still holds exactly what {@code opened} held (no change is lost between two
     * moderators) and is not withdrawn; false otherwise.
     */
    boolean replaceIfUnchanged(TestimonyTable.Row opened, TestimonyContent changed, Sealer sealer);

    /** What authenticates the rows' states, with the keys of {@code opener}. */
    Decisions decisions(Opener opener);

    /** Every row that still holds sealed content, oldest first. */
    List<TestimonyTable.Row> sealed();

    /** Pending rows that still hold content, oldest first. */
    List<TestimonyTable.Row> pending();

    /** Approved rows that hold content, oldest first. */
    List<TestimonyTable.Row> approved();

    /** How many testimonies stand in each status (statuses with none are absent). */
    Map<TestimonyStatus, Integer> countByStatus();

    /** Decides a pending testimony; true only for the one caller that moved it out of PENDING. */
    boolean decide(String id, TestimonyStatus to, LocalDate day, Optional<String> reason);

    /** Links a testimony to a raid event; false when it holds no content. */
    boolean linkEvent(String id, String eventId);

    /** Every testimony linked to a raid event, by testimony id: the event's id. */
    Map<String, String> eventLinks();

    /** Rejected testimonies decided before {@code day} that still hold content: due for purging. */
    List<String> rejectedBefore(LocalDate day);

    /** Deletes a rejected testimony's content, keeping its status; false when there was none to purge. */
    boolean purgeRejected(String id);

    /** Re-seals every row not yet sealed to {@code sealer}'s key (a key rotation); see {@link Resealing}. */
    Resealing.Outcome resealAll(Opener opener, Sealer sealer, Resealing.Progress progress);
}
