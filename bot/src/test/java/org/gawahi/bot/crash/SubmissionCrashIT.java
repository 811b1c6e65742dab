package org.gawahi.bot.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.WalStates;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that is submitting testimonies with SIGKILL at a random moment, again and
 * again, on the same data directory. After every restart: the database opens and passes
 * SQLite's integrity check; every receipt that was shown exists exactly once, is PENDING and
 * its sealed row opens to the testimony it was shown for; no testimony exists twice; the
 * draft of every shown submission is gone. At most one testimony per kill may be stored
 * without its receipt having been shown (killed between the commit and the print): the
 * person saw an error and will submit again, which is the safe side.
 *
 * <p>Run by failsafe after {@code package} ({@code ./mvnw verify}); the child is started with
 * this JVM's class path ({@link SubmissionLoop}). The long variant is tagged {@code full}.
 */
class SubmissionCrashIT {
    private static final Pattern RECEIPT_LINE = Pattern.compile("R (\\d{16}) (\\d+-\\d+) \\.");
    private static final long SEED = Long.getLong("gawahi.crash.seed", System.nanoTime());

    @TempDir
    Path data;

    @Test
    void everyShownReceiptSurvivesEightKills() throws Exception {
        killAndCheck(8);
    }

    @Test
    @Tag("full")
    void everyShownReceiptSurvivesFortyKills() throws Exception {
        killAndCheck(40);
    }

    private void killAndCheck(int rounds) throws Exception {
        Random random = new Random(SEED);
        TestStorage.create(data).close(); // the keys, made once, like `keys init`
        Map<String, ReceiptCode> shown = new HashMap<>();
        for (int round = 0; round < rounds; round++) {
            int killAfterMillis = random.nextInt(400);
            List<String> lines = runAndKill(round, killAfterMillis);
            for (String line : lines) {
                Matcher m = RECEIPT_LINE.matcher(line);
                if (m.matches()) {
                    assertThat(shown.put(m.group(2), ReceiptCode.parse(m.group(1)).orElseThrow()))
                            .as("marker %s shown twice", m.group(2)).isNull();
                }
            }
            policeFindNoDraft(round, lines.size());
            checkAfterRestart(shown, round + 1, "round " + round + " (seed " + SEED + ", killed after "
                    + killAfterMillis + " ms)");
        }
        assertThat(shown).as("receipts shown over %d rounds (seed %d)", rounds, SEED).hasSizeGreaterThan(rounds);
        System.out.printf("crash test: %d kills, %d receipts shown and all found (seed %d)%n", rounds, shown.size(), SEED);
    }

    /**
     * Starts the child, waits for its first receipt (so the kill lands in the steady loop, not
     * in the JVM's warm-up), lets it go on for a while, kills it; returns its whole lines.
     */
    private List<String> runAndKill(int round, int killAfterMillis) throws Exception {
        Path stderr = data.resolveSibling(data.getFileName() + "-child-" + round + ".err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                SubmissionLoop.class.getName(), data.toString(), Integer.toString(round))
                .redirectError(stderr.toFile())
                .start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    if (line.startsWith("R ")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child dies
            }
        });
        reader.start();
        try {
            boolean started = ready.await(60, TimeUnit.SECONDS);
            assertThat(started).as("child submitting; its stderr: %s", Files.exists(stderr) ? Files.readString(stderr) : "").isTrue();
            Thread.sleep(killAfterMillis);
            assertThat(child.isAlive()).as("child still running; its stderr: %s", Files.readString(stderr)).isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL on POSIX: no shutdown hooks, no flush, no close
            child.waitFor(30, TimeUnit.SECONDS);
            reader.join(30_000);
        }
        return List.copyOf(lines);
    }

    private void checkAfterRestart(Map<String, ReceiptCode> shown, int kills, String when) throws Exception {
        // Unlocked, so that a draft a kill left under an earlier run key would be found.
        try (TestStorage storage = TestStorage.createUnlocked(data, java.time.Clock.systemUTC());
             Opener opener = storage.unlock()) {
            String integrity = storage.db.inTransaction(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    return rs.next() ? rs.getString(1) : "no answer";
                }
            });
            assertThat(integrity).as(when).isEqualTo("ok");

            Map<String, Integer> stored = new HashMap<>();
            for (TestimonyTable.Row row : new TestimonyTable(storage.db).sealedRows()) {
                try (SecretBytes plain = opener.open(row.sealed(),
                        SealedSubmissions.associatedData(row.id(), row.schemaVersion(), row.keyId()))) {
                    stored.merge(TestimonyContent.fromJson(plain).texts().get("q29"), 1, Integer::sum);
                }
            }
            assertThat(stored).as("%s: no testimony twice", when).allSatisfy((marker, count) -> assertThat(count).isEqualTo(1));
            assertThat(stored.keySet()).as("%s: every shown receipt's testimony is stored", when).containsAll(shown.keySet());
            assertThat(stored.size() - shown.size()).as("%s: stored but not shown", when).isBetween(0, kills);
            for (Map.Entry<String, ReceiptCode> e : shown.entrySet()) {
                assertThat(storage.submissions.status(e.getValue())).as("%s: status of %s", when, e.getKey())
                        .contains(TestimonyStatus.PENDING);
                assertThat(storage.drafts.load(ChatRef.of(chatOf(e.getKey())))).as("%s: draft of %s", when, e.getKey())
                        .isEmpty();
            }
            assertThat(storage.drafts.count()).as("%s: drafts left by kills", when).isLessThanOrEqualTo(kills);
        }
    }

    /**
     * The disk as the SIGKILL left it, copied with every key file but no passphrase: every
     * committed state its WAL holds, started intake-only, opens no draft of this round's chats.
     */
    private void policeFindNoDraft(int round, int linesShown) throws Exception {
        Path copy = data.resolveSibling(data.getFileName() + "-seized-" + round);
        WalStates.copyTree(data, copy);
        int rows = 0;
        int neverHeld = 0;
        List<Path> states = WalStates.rebuild(copy, copy.resolveSibling(copy.getFileName() + "-states"));
        for (int i = 0; i < states.size(); i++) {
            Path state = states.get(i);
            if (i < states.size() - 1 && malformed(state)) {
                // A kill during a checkpoint leaves pages of later frames in the main file; a WAL
                // cut before those frames then makes an image SQLite never reads (recovery replays
                // the whole WAL), so it is not a state the disk held. The whole WAL must open.
                neverHeld++;
                continue;
            }
            try (TestStorage police = TestStorage.create(state)) {
                rows += police.drafts.count();
                for (int n = 0; n <= linesShown + 1; n++) {
                    assertThat(police.drafts.load(ChatRef.of(SubmissionLoop.FIRST_CHAT + round * 1_000_000L + n)))
                            .as("round %d: chat %d's draft in %s", round, n, state.getFileName()).isEmpty();
                }
            }
        }
        System.out.printf("crash test: round %d, %d draft rows in the seized states, none opened"
                + " (%d cuts of the WAL made no image SQLite would read)%n", round, rows, neverHeld);
    }

    private static boolean malformed(Path state) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + state.resolve("gawahi.db"));
             java.sql.ResultSet rs = c.createStatement().executeQuery("PRAGMA quick_check")) {
            return !rs.next() || !"ok".equals(rs.getString(1));
        } catch (java.sql.SQLException e) {
            return true;
        }
    }

    private static long chatOf(String marker) {
        String[] parts = marker.split("-");
        return SubmissionLoop.FIRST_CHAT + Long.parseLong(parts[0]) * 1_000_000L + Long.parseLong(parts[1]);
    }
}
