package org.gawahi.storage.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import org.sqlite.SQLiteConfig;

/**
 * The SQLite file and its one writer connection. Every connection runs with WAL,
 * {@code synchronous=FULL} (a commit is on disk when it returns), {@code secure_delete}
 * (deleted rows are overwritten, so a withdrawn testimony is really gone),
 * {@code trusted_schema=OFF}, foreign keys and a busy timeout.
 *
 * <p>All work goes through {@link #inTransaction}: one transaction at a time on one
 * connection (SQLite allows one writer anyway), joined by nested calls on the same thread,
 * so that a caller can make several tables' changes, and a Telegram batch's offset, commit
 * together or not at all.
 */
public final class Database implements AutoCloseable {
    public static final String FILE_NAME = "gawahi.db";
    static final int BUSY_TIMEOUT_MS = 5_000;

    /** Work inside a transaction; may throw SQLException, which rolls it back. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) the database in a data directory and brings its schema up to date. */
    public static Database open(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (!Files.isDirectory(dataDirectory)) {
            throw new StorageException("The data directory " + dataDirectory + " does not exist. Create it, or run `keys init`.");
        }
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            Connection connection = connect(file);
            Database db = new Database(file, connection);
            Migrations.apply(db);
            return db;
        } catch (SQLException e) {
            throw new StorageException("Cannot open the database " + file + ": " + sqliteReason(e)
                    + ". Check that the disk is writable and the file is not damaged.", e);
        }
    }

    static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        try (Statement s = c.createStatement()) {
            // Not in SQLiteConfig's list: refuse schema-embedded functions from a tampered file.
            s.execute("PRAGMA trusted_schema = OFF");
        }
        c.setAutoCommit(true);
        return c;
    }

    public Path file() {
        return file;
    }

    /**
     * Runs work in a transaction and commits it (durably) before returning. A call made
     * while this thread is already inside a transaction joins it.
     */
    public <T> T inTransaction(Work<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.run(connection);
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("A database operation failed: " + sqliteReason(e), e);
        } finally {
            lock.unlock();
        }
    }

    /** {@link #inTransaction(Work)} for work without a result. */
    public void run(VoidWork work) {
        inTransaction(c -> {
            work.run(c);
            return null;
        });
    }

    /** Work without a result. */
    @FunctionalInterface
    public interface VoidWork {
        void run(Connection connection) throws SQLException;
    }

    public boolean inTransactionOnThisThread() {
        return lock.isHeldByCurrentThread();
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    /** Reads a PRAGMA, for `doctor`. */
    public String pragma(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a pragma name");
        }
        return inTransaction(c -> {
            try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA " + name)) {
                return rs.next() ? rs.getString(1) : "";
            }
        });
    }

    /** SQLite's own words, which name the cause (disk full, read-only, corrupt) without any data. */
    static String sqliteReason(SQLException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " ");
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StorageException("Cannot close the database: " + sqliteReason(e), e);
        } finally {
            lock.unlock();
        }
    }
}
