package org.gawahi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner the canary tests rely on finds a chat id however SQLite would store it. */
class LeakScanTest {
    private static final long CHAT = 987_654_321_012L;

    @TempDir
    Path dir;

    private void store(String type, Object value) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(type + ".db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE leak (v " + type + ")");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO leak VALUES (?)")) {
                p.setObject(1, value);
                p.executeUpdate();
            }
        }
    }

    @Test
    void findsAChatIdStoredInAnSqliteIntegerRealOrTextColumn() throws Exception {
        store("INTEGER", CHAT);
        store("REAL", (double) CHAT);
        store("TEXT", Long.toString(CHAT));

        assertThat(new LeakScan().chatId("chat", CHAT).findIn(LeakScan.filesUnder(dir)))
                .anyMatch(f -> f.startsWith("chat (SQLite INTEGER, 6 bytes) in INTEGER.db"))
                // SQLite keeps a REAL with an integral value as an integer on disk.
                .anyMatch(f -> f.startsWith("chat (SQLite INTEGER, 6 bytes) in REAL.db"))
                .anyMatch(f -> f.startsWith("chat as decimal (UTF-8) in TEXT.db"));
    }

    @Test
    void findsNothingInADatabaseWithoutIt() throws Exception {
        store("INTEGER", CHAT + 1);

        assertThat(new LeakScan().chatId("chat", CHAT).findIn(LeakScan.filesUnder(dir))).isEmpty();
    }

    @Test
    void findsAChatIdWrittenAsADouble(@TempDir Path other) throws Exception {
        java.nio.file.Files.write(other.resolve("doubles"), java.nio.ByteBuffer.allocate(9).putDouble(1, CHAT).array());

        assertThat(new LeakScan().chatId("chat", CHAT).findIn(LeakScan.filesUnder(other)))
                .anyMatch(f -> f.startsWith("chat (double, big-endian) in doubles"));
    }

    @Test
    void knowsSqlitesIntegerSizes() {
        assertThat(LeakScan.sqliteIntegerSize(100)).isEqualTo(1);
        assertThat(LeakScan.sqliteIntegerSize(40_000)).isEqualTo(3);
        assertThat(LeakScan.sqliteIntegerSize(CHAT)).isEqualTo(6);
        assertThat(LeakScan.sqliteIntegerSize(Long.MAX_VALUE)).isEqualTo(8);
    }
}
