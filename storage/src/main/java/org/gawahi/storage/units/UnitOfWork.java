package org.gawahi.storage.units;

import java.util.function.Supplier;

/**
 * The port through which the engine makes several stores' changes commit together or not at
 * all, whatever database is behind it ({@code storage.db.Database} implements it for SQLite).
 * A unit started inside another is nested: when it fails, exactly its own writes are undone
 * and its failure is passed on, while the unit around it goes on; a nested failure that cannot
 * be undone alone fails the whole outer unit. Every store the engine is given writes through
 * the same unit of work, so it joins whatever unit this thread is in.
 */
public interface UnitOfWork {
    /** Runs {@code work} as one unit (nested, when this thread is already in one) and returns its result. */
    <T> T atomically(Supplier<T> work);

    /** {@link #atomically(Supplier)} for work without a result. */
    default void atomically(Runnable work) {
        atomically(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Opens this thread's unit to work on other threads (the chats of one Telegram batch), until
     * the handle is closed. Only a thread inside a unit can share it.
     *
     * @throws IllegalStateException if this thread is not inside a unit
     */
    Shared share();

    /**
     * Deleted and replaced content can linger in the database's log (SQLite's WAL) after it is gone
     * from its tables: erases those old versions now. Does nothing and returns false inside a unit
     * (its changes are not committed yet; a later scrub takes them).
     */
    boolean scrubOldVersions();

    /**
     * As {@link #scrubOldVersions()}, but as soon as what this thread is writing is committed: at
     * once outside a unit, else right after the outermost commit; dropped when that rolls back.
     * For the moments a person expects to leave nothing behind (a submission, an erase, a withdrawal).
     */
    void scrubOldVersionsAfterCommit();

    /** A unit opened to other threads; see {@link #share()}. */
    interface Shared extends AutoCloseable {
        /** Runs the task on this thread with its stores' calls inside the shared unit, each a nested unit of its own. */
        void join(Runnable task);

        /** Ends the sharing; waits for a joined call in progress. */
        @Override
        void close();
    }
}
