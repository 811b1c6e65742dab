package org.gawahi.storage.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call of {@link Database#inTransaction} inside a transaction is a unit of its own (a
 * savepoint): when it fails, exactly its writes are undone and the transaction around it goes on;
 * when its writes cannot be undone alone, nothing of the transaction commits, whatever its
 * callers did with the failure.
 */
class NestedUnitsTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        db.run(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE marks (mark TEXT NOT NULL)");
            }
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void mark(String mark) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO marks (mark) VALUES (?)")) {
                s.setString(1, mark);
                s.executeUpdate();
            }
        });
    }

    private Set<String> marks() {
        return new HashSet<>(db.inTransaction(c -> {
            List<String> all = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT mark FROM marks")) {
                while (rs.next()) {
                    all.add(rs.getString(1));
                }
            }
            return all;
        }));
    }

    /** A unit that writes and then fails, its failure caught by the caller as the engine catches one. */
    private void failingUnit(String mark) {
        try {
            db.run(c -> {
                mark(mark);
                throw new StorageException("disk I/O error");
            });
        } catch (StorageException expected) {
            // the caller carries on
        }
    }

    @Test
    void aFailedUnitUndoesExactlyItsOwnWritesAndTheTransactionCommitsTheRest() {
        db.run(c -> {
            mark("before");
            failingUnit("inside the failed unit");
            mark("after");
        });

        assertThat(marks()).containsExactlyInAnyOrder("before", "after");
    }

    @Test
    void aFailedUnitInsideAUnitUndoesOnlyTheInnerOne() {
        db.run(c -> {
            db.run(inner -> {
                mark("outer unit");
                failingUnit("inner unit");
                mark("outer unit, later");
            });
        });

        assertThat(marks()).containsExactlyInAnyOrder("outer unit", "outer unit, later");
    }

    @Test
    void aFailingUnitNeverUndoesAnotherThreadsWritesInASharedTransaction() throws Exception {
        Set<String> kept = ConcurrentHashMap.newKeySet();
        db.run(c -> {
            try (Database.Shared shared = db.share()) {
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    threads.add(new Thread(() -> shared.join(() -> {
                        for (int i = 0; i < 60; i++) {
                            String mark = thread + ":" + i;
                            if ((i + thread) % 3 == 0) {
                                failingUnit(mark);
                            } else {
                                mark(mark);
                                kept.add(mark);
                            }
                        }
                    })));
                }
                threads.forEach(Thread::start);
                for (Thread thread : threads) {
                    join(thread);
                }
            }
        });

        assertThat(kept).hasSize(160);
        assertThat(marks()).isEqualTo(kept);
    }

    @Test
    void aFailureThatCannotBeUndoneAloneFailsTheWholeTransactionEvenWhenItsCallerCarriesOn() {
        List<Throwable> swallowed = new ArrayList<>();

        assertThatThrownBy(() -> db.run(c -> {
            mark("before");
            try {
                db.run(unit -> {
                    mark("in the unit");
                    // What SQLite does on a full disk or an I/O error: it ends the whole transaction.
                    try (Statement s = unit.createStatement()) {
                        s.execute("ROLLBACK");
                    }
                    throw new StorageException("database or disk is full");
                });
            } catch (StorageException e) {
                swallowed.add(e);
            }
            try {
                mark("after");
            } catch (StorageException e) {
                swallowed.add(e);
            }
        })).isInstanceOf(StorageException.class).hasMessageContaining("could not be undone alone");

        assertThat(swallowed).hasSize(2);
        assertThat(swallowed.get(1)).hasMessageContaining("could not be undone alone");
        assertThat(marks()).isEmpty();
        mark("the next transaction");
        assertThat(marks()).containsExactly("the next transaction");
    }

    private static void join(Thread thread) {
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(thread.isAlive()).isFalse();
    }
}
