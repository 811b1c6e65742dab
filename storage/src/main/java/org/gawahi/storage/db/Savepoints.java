package org.gawahi.storage.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The savepoint of a nested unit of work, its three statements prepared once on the database's
 * one connection: parsing them again for every nested call cost more than the work of most.
 * Every unit has the same name; SQLite releases or rolls back to the innermost savepoint of a
 * name, which is the unit's own because units nest strictly (one call on the connection at a
 * time, each whole). Used only by whoever holds the connection.
 */
final class Savepoints implements AutoCloseable {
    private static final String BEGIN = "SAVEPOINT unit";
    private static final String RELEASE = "RELEASE unit";
    private static final String ROLLBACK = "ROLLBACK TO unit";

    private final Connection connection;
    private PreparedStatement begin;
    private PreparedStatement release;
    private PreparedStatement rollback;

    Savepoints(Connection connection) {
        this.connection = connection;
    }

    void begin() throws SQLException {
        if (begin == null) {
            begin = connection.prepareStatement(BEGIN);
        }
        begin.execute();
    }

    /** Keeps the unit's writes in the enclosing transaction. */
    void release() throws SQLException {
        if (release == null) {
            release = connection.prepareStatement(RELEASE);
        }
        release.execute();
    }

    /** Undoes the unit's writes, and only them, and ends the unit. */
    void rollback() throws SQLException {
        if (rollback == null) {
            rollback = connection.prepareStatement(ROLLBACK);
        }
        rollback.execute();
        release();
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement s : new PreparedStatement[] {begin, release, rollback}) {
            if (s != null) {
                s.close();
            }
        }
    }
}
