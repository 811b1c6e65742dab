package org.gawahi.storage.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.gawahi.storage.db.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The port the engine sees: a unit inside a unit is a savepoint (a failure undoes exactly its
 * own writes and is passed on), and old versions are never scrubbed in the middle of a unit.
 * Driven through {@link UnitOfWork} only, over the SQLite database that implements it.
 */
class UnitOfWorkTest {
    @TempDir
    Path dir;
    private Database db;
    private UnitOfWork units;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        db.run(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE marks (mark TEXT NOT NULL)");
            }
        });
        units = db;
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

    private List<String> marks() {
        return db.inTransaction(c -> {
            List<String> all = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT mark FROM marks ORDER BY mark")) {
                while (rs.next()) {
                    all.add(rs.getString(1));
                }
            }
            return all;
        });
    }

    @Test
    void aFailedNestedUnitUndoesExactlyItsOwnWritesAndTheOuterUnitCommits() {
        String result = units.atomically(() -> {
            mark("before");
            assertThatThrownBy(() -> units.atomically(() -> {
                mark("inner");
                throw new IllegalStateException("the submission failed");
            })).isInstanceOf(IllegalStateException.class).hasMessage("the submission failed");
            mark("after");
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(marks()).containsExactly("after", "before");
    }

    @Test
    void aFailedOuterUnitCommitsNothingOfItsNestedUnits() {
        assertThatThrownBy(() -> units.atomically(() -> {
            units.atomically(() -> mark("inner"));
            throw new IllegalStateException("the batch failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(marks()).isEmpty();
    }

    @Test
    void oldVersionsAreNeverScrubbedInTheMiddleOfAUnit() {
        boolean inside = units.atomically(() -> {
            mark("one");
            units.scrubOldVersionsAfterCommit();
            return units.scrubOldVersions();
        });

        assertThat(inside).isFalse();
        assertThat(units.scrubOldVersions()).isTrue();
        assertThat(marks()).containsExactly("one");
    }

    @Test
    void onlyAThreadInsideAUnitCanShareIt() {
        assertThatThrownBy(units::share).isInstanceOf(IllegalStateException.class);
        units.atomically(() -> {
            try (UnitOfWork.Shared shared = units.share()) {
                Thread other = new Thread(() -> shared.join(() -> mark("from another thread")));
                other.start();
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        assertThat(marks()).containsExactly("from another thread");
    }
}
