package org.gawahi.storage.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.gawahi.storage.units.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file and its one writer connection. Every connection runs with WAL,
 * {@code synchronous=FULL} (a commit is on disk when it returns), {@code secure_delete}
 * (deleted rows are overwritten, so a withdrawn testimony is really gone),
 * {@code trusted_schema=OFF}, foreign keys and a busy timeout.
 *
 * <p>All work goes through {@link #inTransaction}: one transaction at a time on one
 * connection (SQLite allows one writer anyway). A call made inside a transaction is a nested
 * unit of work, a SAVEPOINT: it commits with the transaction around it (so that a caller can
 * make several tables' changes, and a Telegram batch's offset, commit together or not at
 * all), and when it fails, exactly its own writes are undone and the failure is passed on
 * to its caller, while the transaction around it goes on. A nested failure whose writes
 * cannot be undone alone (SQLite already rolled back the whole transaction, say) marks the
 * transaction failed: every later call in it fails, and it rolls back instead of committing,
 * whatever the callers did with the failure. So no caller can commit half of a unit by
 * catching its failure.
 *
 * <p>The WAL keeps every version of every page written since the last checkpoint, and a kill
 * leaves it in place: {@link #open} empties it, and {@link #checkpointAfterCommit()} empties it
 * right after the outermost commit of the work that asked. The file is created (and an
 * existing one narrowed) readable by its owner only before SQLite opens it; SQLite gives the
 * {@code -wal} and {@code -shm} files the same mode. After each checkpoint the three files'
 * modification times are set to the start of the hour ({@link HourlyFileTimes}).
 */
public final class Database implements UnitOfWork, AutoCloseable {
    public static final String FILE_NAME = "gawahi.db";
    /** The files SQLite keeps beside the database in WAL mode; they get the main file's mode. */
    public static final List<String> COMPANION_SUFFIXES = List.of("-wal", "-shm");
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    static final int BUSY_TIMEOUT_MS = 5_000;
    private static final String BACKUP = "VACUUM INTO ?";
    private static final String SELF_CONTAINED = "PRAGMA journal_mode = DELETE";
    private static final String QUICK_CHECK = "PRAGMA quick_check";
    private static final String USER_VERSION = "PRAGMA user_version";
    private static final String CHECKPOINT = "PRAGMA wal_checkpoint(TRUNCATE)";
    private static final String FAILED_WHOLE =
            "an earlier step of this transaction failed and could not be undone alone, so all of it is undone";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Work inside a transaction; may throw SQLException, which rolls back its own writes. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    /** One call on the connection at a time, while a transaction is {@linkplain #share() shared}. */
    private final ReentrantLock calls = new ReentrantLock();
    private final ThreadLocal<Shared> joined = new ThreadLocal<>();
    /** Set by {@link #checkpointAfterCommit()} inside a transaction; taken by its outermost commit. */
    private final AtomicBoolean checkpointWanted = new AtomicBoolean();
    /**
     * Set when a nested unit's writes could not be undone alone; the transaction then only rolls
     * back. Written and read with {@link #calls} or {@link #lock} held by the owner of the call.
     */
    private volatile boolean failedWhole;
    private final Savepoints units;

    private final Clock clock;

    private Database(Path file, Connection connection, Clock clock) {
        this.file = file;
        this.connection = connection;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.units = new Savepoints(connection);
    }

    /** Opens (creating if needed) the database in a data directory and brings its schema up to date. */
    public static Database open(Path dataDirectory) {
        return open(dataDirectory, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that sets the files' times to the hour after each checkpoint. */
    public static Database open(Path dataDirectory, Clock clock) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (!Files.isDirectory(dataDirectory)) {
            throw new StorageException("The data directory " + dataDirectory + " does not exist. Create it, or run `keys init`.");
        }
        Path file = dataDirectory.resolve(FILE_NAME);
        makePrivate(file);
        try {
            Connection connection = connect(file);
            Database db = new Database(file, connection, clock);
            Migrations.apply(db);
            // A SIGKILL or a power cut leaves the WAL, with every page version it holds: empty it now.
            db.checkpoint();
            return db;
        } catch (SQLException e) {
            throw new StorageException("Cannot open the database " + file + ": " + sqliteReason(e)
                    + ". Check that the disk is writable and the file is not damaged.", e);
        }
    }

    /**
     * Opens the database of a data directory as it is, with the same PRAGMAs but without
     * creating a file or migrating its schema: for a backup taken before an upgrade, and for
     * {@code doctor}, which must report rather than change.
     */
    public static Database openExisting(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new StorageException("There is no database " + file + " yet. It is created by `keys init` and when "
                    + "the bot first starts; check GAWAHI_DATA_DIR if you expected one there.");
        }
        try {
            return new Database(file, connect(file), Clock.systemUTC());
        } catch (SQLException e) {
            throw new StorageException("Cannot open the database " + file + ": " + sqliteReason(e)
                    + ". Check that the disk is writable and the file is not damaged.", e);
        }
    }

    /** The schema version this build of Gawahi migrates to. */
    public static int latestSchemaVersion() {
        return Migrations.latest();
    }

    /**
     * The schema version of the database in a data directory, read without changing anything
     * (no migration, no new file): empty when there is no database yet. For {@code doctor}.
     */
    public static OptionalInt schemaVersionOf(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return OptionalInt.empty();
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(USER_VERSION)) {
            return OptionalInt.of(rs.next() ? rs.getInt(1) : 0);
        } catch (SQLException e) {
            throw new StorageException("Cannot read the database " + file + ": " + sqliteReason(e)
                    + ". Check the file's permissions; if it is damaged, restore it from a backup.", e);
        }
    }

    static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        // Nothing reads generated keys; with them on, the driver matches every statement
        // against a pattern and runs a "SELECT last_insert_rowid()" after every INSERT.
        config.setGetGeneratedKeys(false);
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
     * Runs work in a transaction and commits it (durably) before returning. A call made while
     * this thread is already inside a transaction (or has {@linkplain Shared#join joined} one)
     * is a nested unit of work: a savepoint, released into the transaction when the work
     * returns, rolled back to (its own writes undone, nothing else) when it throws.
     *
     * @throws StorageException when the database fails, or when the transaction this call
     *                          nests in has already failed as a whole
     */
    public <T> T inTransaction(Work<T> work) {
        Shared share = joined.get();
        if (share != null) {
            return share.run(work);
        }
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return oneCallAtATime(work);
            }
            failedWhole = false;
            connection.setAutoCommit(false);
            boolean committed = false;
            try {
                T result = work.run(connection);
                if (failedWhole) {
                    throw new SQLException(FAILED_WHOLE);
                }
                connection.commit();
                committed = true;
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly();
                throw e;
            } finally {
                failedWhole = false;
                autoCommitAgain();
                afterOutermostEnd(committed);
            }
        } catch (SQLException e) {
            throw new StorageException("A database operation failed: " + sqliteReason(e), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A nested unit of work, on the connection the caller holds alone: a savepoint around it.
     * A failure rolls back to the savepoint and is passed on; when even that fails, the whole
     * transaction is marked failed.
     */
    private <T> T savepoint(Work<T> work) throws SQLException {
        if (failedWhole) {
            throw new SQLException(FAILED_WHOLE);
        }
        units.begin();
        T result;
        try {
            result = work.run(connection);
        } catch (SQLException | RuntimeException | Error e) {
            undo();
            throw e;
        }
        try {
            units.release();
        } catch (SQLException e) {
            // The savepoint is gone: the work (or SQLite under it) ended the transaction.
            failedWhole = true;
            throw e;
        }
        return result;
    }

    private void undo() {
        try {
            units.rollback();
        } catch (SQLException e) {
            failedWhole = true; // the failure being passed on is the work's
        }
    }

    /** {@link UnitOfWork}'s unit: {@link #inTransaction(Work)} for work that does not touch the connection itself. */
    @Override
    public <T> T atomically(java.util.function.Supplier<T> work) {
        return inTransaction(c -> work.get());
    }

    /** {@link UnitOfWork}'s name for {@link #checkpoint()}. */
    @Override
    public boolean scrubOldVersions() {
        return checkpoint();
    }

    /** {@link UnitOfWork}'s name for {@link #checkpointAfterCommit()}. */
    @Override
    public void scrubOldVersionsAfterCommit() {
        checkpointAfterCommit();
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

    /** The first column of every row {@code sql} selects, with text parameters; for the table classes. */
    public java.util.List<String> strings(String sql, String... parameters) {
        return inTransaction(c -> {
            java.util.List<String> values = new java.util.ArrayList<>();
            try (PreparedStatement s = prepared(c, sql, parameters); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
    }

    /** For a {@code SELECT key, count(*) ... GROUP BY key}: the counts by key, in key order. */
    public java.util.Map<String, Integer> countsByKey(String sql, String... parameters) {
        return inTransaction(c -> {
            java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
            try (PreparedStatement s = prepared(c, sql, parameters); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    /** Runs an update with text parameters; true when it changed exactly one row (the caller that won). */
    public boolean updateOne(String sql, String... parameters) {
        return inTransaction(c -> {
            try (PreparedStatement s = prepared(c, sql, parameters)) {
                return s.executeUpdate() == 1;
            }
        });
    }

    private static PreparedStatement prepared(Connection c, String sql, String... parameters) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }

    public boolean inTransactionOnThisThread() {
        return lock.isHeldByCurrentThread() || joined.get() != null;
    }

    private <T> T oneCallAtATime(Work<T> work) throws SQLException {
        calls.lock();
        try {
            return savepoint(work);
        } finally {
            calls.unlock();
        }
    }

    /**
     * Opens this thread's transaction to work on other threads, until the handle is closed:
     * inside {@link Shared#join}, a call of {@link #inTransaction} joins this transaction
     * instead of waiting for it to end. Calls on the connection still run one at a time, each
     * whole (a call with its nested calls is not interleaved with another thread's), each a
     * savepoint of its own: a call that fails on one thread undoes exactly its own writes,
     * never another thread's, since no other thread's savepoint can open or close inside it.
     * All commit or roll back together with the transaction. The caller must wait for the work it
     * handed out and close the handle before its transaction ends; a joined call after that
     * fails, so nothing can be written outside the transaction it was meant for.
     *
     * @throws IllegalStateException if this thread is not inside a transaction
     */
    @Override
    public Shared share() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("only a thread inside a transaction can share it");
        }
        return new Shared();
    }

    /** A transaction opened to other threads; see {@link #share()}. */
    public final class Shared implements UnitOfWork.Shared {
        private boolean open = true;

        private Shared() {
        }

        /** Runs the task on this thread with its database calls inside the shared transaction. */
        @Override
        public void join(Runnable task) {
            if (joined.get() != null || lock.isHeldByCurrentThread()) {
                task.run();
                return;
            }
            joined.set(this);
            try {
                task.run();
            } finally {
                joined.remove();
            }
        }

        private <T> T run(Work<T> work) {
            calls.lock();
            try {
                if (!open) {
                    throw new IllegalStateException("the shared transaction has ended");
                }
                return savepoint(work);
            } catch (SQLException e) {
                throw new StorageException("A database operation failed: " + sqliteReason(e), e);
            } finally {
                calls.unlock();
            }
        }

        /** Ends the sharing; waits for a joined call in progress. */
        @Override
        public void close() {
            calls.lock();
            try {
                open = false;
            } finally {
                calls.unlock();
            }
        }
    }

    /**
     * Leaves the connection in auto-commit mode after a transaction. The driver ends its empty
     * follow-up transaction with a COMMIT, which fails when SQLite itself already ended the
     * transaction (a full disk); nothing is pending then, and the failure worth reporting is
     * the one that ended it.
     */
    private void autoCommitAgain() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // see above
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    /**
     * Copies the write-ahead log into the database file and empties it, so that pages a
     * redaction or a purge replaced (and {@code secure_delete} overwrote in the file) do not
     * linger in the WAL. Returns false, doing nothing, when called inside a transaction
     * (the Telegram batch's, say): that commit is not done yet, and the next checkpoint (the
     * hourly retention pass's) takes it.
     */
    public boolean checkpoint() {
        if (joined.get() != null) {
            return false;
        }
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return false;
            }
            runCheckpoint();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The checkpoint itself; the caller holds the lock, outside any transaction. */
    private void runCheckpoint() {
        try (Statement s = connection.createStatement()) {
            s.execute(CHECKPOINT);
        } catch (SQLException e) {
            throw new StorageException("A database checkpoint failed: " + sqliteReason(e), e);
        }
        HourlyFileTimes.set(file, clock);
    }

    /**
     * Asks for a {@linkplain #checkpoint() checkpoint} as soon as what this thread is writing
     * is committed: at once outside a transaction, else right after the outermost commit (the
     * Telegram batch's, say), never in the middle of a transaction, which a checkpoint could
     * not empty the WAL of anyway. A rolled-back transaction drops the request. For the
     * moments a person expects to leave nothing behind: a submission, an erase, a quick exit,
     * a withdrawal. A checkpoint that fails after a commit is logged, not thrown: the commit
     * stands, and the next checkpoint (hourly, or at the next start) empties the WAL.
     */
    public void checkpointAfterCommit() {
        if (inTransactionOnThisThread()) {
            checkpointWanted.set(true);
        } else {
            checkpointQuietly();
        }
    }

    /** The post-commit hook of {@link #inTransaction}: runs a wanted checkpoint, or drops it on rollback. */
    private void afterOutermostEnd(boolean committed) {
        if (checkpointWanted.getAndSet(false) && committed) {
            checkpointQuietly(this::runCheckpoint);
        }
    }

    private void checkpointQuietly() {
        checkpointQuietly(this::checkpoint);
    }

    private static void checkpointQuietly(Runnable checkpoint) {
        try {
            checkpoint.run();
        } catch (StorageException e) {
            log.warn("a checkpoint after a commit failed; the next one empties the WAL ({})", sqliteReasonOf(e));
        }
    }

    private static String sqliteReasonOf(StorageException e) {
        return e.getCause() instanceof SQLException sql ? sqliteReason(sql) : e.getClass().getSimpleName();
    }

    /**
     * Creates the database file readable by its owner only before SQLite opens it, and narrows
     * an existing one (and its WAL and shared-memory files) to that: SQLite creates the
     * {@code -wal} and {@code -shm} files with the main file's mode, so they follow it.
     */
    private static void makePrivate(Path file) {
        if (Files.getFileAttributeView(file.toAbsolutePath().getParent(), PosixFileAttributeView.class) == null) {
            return;
        }
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException existing) {
                // narrowed below, with its companions
            }
            narrow(file);
            for (String suffix : COMPANION_SUFFIXES) {
                Path companion = Path.of(file + suffix);
                if (Files.exists(companion)) {
                    narrow(companion);
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot make the database " + file + " readable by its owner only ("
                    + e.getClass().getSimpleName() + "). Check that the data directory is writable and yours.", e);
        }
    }

    /** Only when needed: a file already the owner's only is left alone (another user may open it). */
    private static void narrow(Path file) throws IOException {
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
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

    /**
     * Copies the database, as one consistent snapshot, into a new file readable by its owner
     * only ({@code VACUUM INTO}: the running bot may keep writing meanwhile). The copy holds
     * exactly what the database holds, so testimonies stay sealed and drafts stay encrypted
     * under run keys that are on disk only sealed to the collective key. The copy is a single
     * self-contained file (no WAL beside it) and passes SQLite's quick check before this
     * returns; a failed backup leaves no file behind.
     *
     * @throws StorageException if {@code target} exists (never overwritten) or the copy failed
     */
    public void backupTo(Path target) {
        Objects.requireNonNull(target, "target");
        createPrivateEmptyFile(target);
        boolean done = false;
        lock.lock();
        try {
            try (PreparedStatement s = connection.prepareStatement(BACKUP)) {
                s.setString(1, target.toAbsolutePath().toString());
                s.execute();
            }
            checkBackup(target);
            done = true;
        } catch (SQLException e) {
            throw new StorageException("The backup to " + target + " failed: " + sqliteReason(e)
                    + ". Check that the disk has space and is writable, then try again.", e);
        } finally {
            lock.unlock();
            if (!done) {
                deleteQuietly(target);
            }
        }
    }

    private static void createPrivateEmptyFile(Path target) {
        try {
            if (Files.getFileAttributeView(target.toAbsolutePath().getParent(), PosixFileAttributeView.class) != null) {
                Files.createFile(target, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.setPosixFilePermissions(target, OWNER_ONLY); // the umask may have narrowed it
            } else {
                Files.createFile(target);
            }
        } catch (FileAlreadyExistsException e) {
            throw new StorageException("The file " + target + " already exists; a backup never overwrites a file. "
                    + "Choose a new name, or move the old file away first.", e);
        } catch (NoSuchFileException e) {
            throw new StorageException("Cannot create the backup " + target + ": its folder does not exist. "
                    + "Create the folder first, or choose another place.", e);
        } catch (IOException e) {
            throw new StorageException("Cannot create the backup " + target + " (" + e.getClass().getSimpleName()
                    + "). Check that the folder is writable and the disk has space.", e);
        }
    }

    /** Makes the copy one file (no WAL) and checks it reads back whole. */
    private static void checkBackup(Path target) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute(SELF_CONTAINED);
            try (ResultSet rs = s.executeQuery(QUICK_CHECK)) {
                String verdict = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw new SQLException("the copy failed its integrity check (" + verdict + ")");
                }
            }
        }
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new SQLException("cannot flush the copy to disk (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static void deleteQuietly(Path target) {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(Path.of(target + suffix));
            } catch (IOException ignored) {
                // the failure being reported is the backup's
            }
        }
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
            try {
                units.close();
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot close the database: " + sqliteReason(e), e);
        } finally {
            lock.unlock();
        }
    }
}
