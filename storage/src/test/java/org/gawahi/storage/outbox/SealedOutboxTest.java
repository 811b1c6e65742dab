package org.gawahi.storage.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.LeakScan;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.Opener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on a real SQLite file: sealed, bound to its row, timed to the hour, purged after 48 hours. */
class SealedOutboxTest {
    private static final long CHAT = 987_654_321_012L;
    private static final Instant NOW = Instant.parse("2026-11-01T10:17:42Z");

    @TempDir
    Path data;

    private TestStorage storage;
    private SealedOutbox outbox;

    @BeforeEach
    void open() throws Exception {
        storage = TestStorage.create(data);
        outbox = at(NOW);
    }

    private SealedOutbox at(Instant now) throws Exception {
        return new SealedOutbox(storage.db, storage.keys.sealer(), Clock.fixed(now, ZoneOffset.UTC), TestStorage.RANDOM);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static SecretBytes entry(String text) {
        return SecretBytes.utf8("{\"chat\":" + CHAT + ",\"receipt\":\"" + text + "\"}");
    }

    private List<Object[]> rows() {
        return storage.db.inTransaction(c -> {
            List<Object[]> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, due_hour, sealed FROM outbox")) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getBytes(3)});
                }
            }
            return rows;
        });
    }

    @Test
    void anEntryOpensWithTheUnlockedKeysAndTheDiskHoldsNoChatIdAndNoTimeFinerThanTheHour() throws Exception {
        String id = outbox.put(entry("Your code: 1234 5678 9012 3456"), NOW.plus(Duration.ofMinutes(10)));

        try (Opener opener = storage.unlock()) {
            SealedOutbox.Opening opening = outbox.openAll(opener);
            assertThat(opening.entries()).hasSize(1);
            assertThat(opening.entries().get(0).id()).isEqualTo(id);
            assertThat(new String(opening.entries().get(0).content().bytes(), StandardCharsets.UTF_8))
                    .contains(Long.toString(CHAT)).contains("1234 5678");
        }
        assertThat((long) rows().get(0)[1]).isEqualTo(NOW.getEpochSecond() / 3600);
        storage.db.checkpoint();
        assertThat(new LeakScan().chatId("chat", CHAT).text("receipt", "1234 5678 9012 3456")
                .findIn(LeakScan.filesUnder(data))).isEmpty();
    }

    @Test
    void everyEntrySealsToTheSameLengthWhateverItSays() {
        outbox.put(entry("x"), NOW);
        outbox.put(entry("y".repeat(600)), NOW);

        assertThat(rows()).extracting(r -> ((byte[]) r[2]).length).containsOnly(((byte[]) rows().get(0)[2]).length);
    }

    @Test
    void anEntryCopiedUnderAnotherIdDoesNotOpen() throws Exception {
        String first = outbox.put(entry("first"), NOW);
        String second = outbox.put(entry("second"), NOW);
        storage.db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE outbox SET sealed = (SELECT sealed FROM outbox WHERE id = ?) WHERE id = ?")) {
                s.setString(1, first);
                s.setString(2, second);
                s.executeUpdate();
            }
        });

        try (Opener opener = storage.unlock()) {
            SealedOutbox.Opening opening = outbox.openAll(opener);
            assertThat(opening.entries()).extracting(SealedOutbox.Opened::id).containsExactly(first);
            assertThat(opening.unopened()).isEqualTo(1);
        }
    }

    @Test
    void removedEntriesAreGoneAndEntriesPastFortyEightHoursArePurgedUnread() throws Exception {
        String done = outbox.put(entry("done"), NOW);
        outbox.put(entry("owed"), NOW);
        outbox.remove(List.of(done, "no-such-entry"));
        assertThat(outbox.count()).isEqualTo(1);

        assertThat(at(NOW.plus(Duration.ofHours(48))).purgeExpired()).as("within 48 hours").isZero();
        assertThat(at(NOW.plus(Duration.ofHours(50))).purgeExpired()).isEqualTo(1);
        assertThat(outbox.count()).isZero();
    }
}
