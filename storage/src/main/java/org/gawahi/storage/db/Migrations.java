package org.gawahi.storage.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Numbered schema migrations, applied in order, each in its own transaction, with the
 * schema version kept in SQLite's {@code user_version}. A list in code rather than a class
 * path scan: it works the same inside the fat jar, and a missing file is a build error.
 * Flyway would do this too, at the cost of a large dependency and a slower start for five
 * SQL files.
 */
final class Migrations {
    /** In order; the version of the schema is the number of entries applied. */
    static final List<String> FILES = List.of(
            "V1__initial.sql",
            "V2__audit_append_only.sql",
            "V3__moderation.sql",
            "V4__contact.sql",
            "V5__offset_day.sql",
            "V6__draft_keys.sql",
            "V7__testimony_integrity.sql",
            "V8__outbox.sql",
            "V9__roles_mac.sql",
            "V10__disclosure_history.sql",
            "V11__form_launches.sql",
            "V12__form_links.sql");

    private Migrations() {
    }

    static int latest() {
        return FILES.size();
    }

    static void apply(Database db) {
        int current = db.inTransaction(Migrations::userVersion);
        if (current > latest()) {
            throw new StorageException("The database " + db.file() + " has schema version " + current
                    + ", newer than this Gawahi knows (" + latest() + "). Run a newer Gawahi, or restore a backup "
                    + "made by this version. Nothing was changed.");
        }
        for (int version = current + 1; version <= latest(); version++) {
            String sql = read(FILES.get(version - 1));
            int target = version;
            db.run(c -> {
                try (Statement s = c.createStatement()) {
                    for (String statement : statements(sql)) {
                        s.execute(statement);
                    }
                    s.execute("PRAGMA user_version = " + target);
                }
            });
        }
    }

    static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Splits a migration on semicolons at line ends; our migrations hold no strings with ';',
     * and write a trigger on one line so the ';' inside its body does not end a line. */
    static List<String> statements(String sql) {
        return java.util.Arrays.stream(sql.split(";\\s*(\\r?\\n|$)"))
                .map(s -> s.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip())
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String read(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new IllegalStateException("migration missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
