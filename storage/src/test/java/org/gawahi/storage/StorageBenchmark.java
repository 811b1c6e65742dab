package org.gawahi.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;

/**
 * How fast the sealed storage is, beside what the disk allows: seals/s and opens/s of a
 * typical testimony, durable submissions/s (seal, receipt hash, insert, draft erase, one
 * {@code synchronous=FULL} commit each), and raw SQLite durable inserts/s of blobs of the
 * same size with the same PRAGMAs. Also how long unlocking takes with each Argon2 profile.
 * Each figure is measured in several short rounds, interleaved, and the median is shown with
 * the range, since a shared machine's disk varies from second to second. Not a test: numbers
 * depend on the machine. Run it as the README says (build the test class path, then
 * {@code java -cp ... org.gawahi.storage.StorageBenchmark [DIR]}); the optional argument
 * names the directory for the database (default: the system temp directory), i.e. the disk
 * to measure.
 */
public final class StorageBenchmark {
    private static final int SECONDS = 2;
    private static final int ROUNDS = 5;

    private StorageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path parent = args.length > 0 ? Path.of(args[0]) : Path.of(System.getProperty("java.io.tmpdir"));
        Path dir = Files.createTempDirectory(parent, "gawahi-bench-");
        try {
            run(dir);
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path dir) throws Exception {
        System.out.printf(Locale.ROOT, "Gawahi storage benchmark: Java %s on %s %s, %d cores; database in %s%n",
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), dir);
        System.out.println("load average before: " + loadAverage() + " (figures from a busy machine are low)");
        SecretBytes plaintext = typicalTestimony();
        SecureRandom random = new SecureRandom();
        Map<String, List<Double>> results = new LinkedHashMap<>();
        try (TestStorage storage = TestStorage.create(dir.resolve("sealed"));
             Database raw = Database.open(Files.createDirectories(dir.resolve("raw")));
             Opener opener = storage.unlock()) {
            Sealer sealer = storage.keys.sealer();
            byte[] ad = SealedSubmissions.associatedData(hex(random, 16), SealedSubmissions.SCHEMA_VERSION, sealer.keyId());
            byte[] sealed = sealer.seal(plaintext, ad);
            System.out.printf(Locale.ROOT, "testimony: %d bytes of JSON, sealed to %d bytes; %d rounds of %d s, "
                    + "interleaved; median (min-max)%n", plaintext.length(), sealed.length, ROUNDS, SECONDS);
            long[] chat = {0};
            for (int round = 0; round < ROUNDS; round++) {
                add(results, "seal (HPKE X25519, AES-256-GCM, 1 KiB padding)|seals/s",
                        measure(() -> sealer.seal(plaintext, ad)));
                add(results, "open|opens/s", measure(() -> opener.open(sealed, ad).wipe()));
                add(results, "durable submission (seal, insert, draft erase, commit)|submissions/s",
                        measure(() -> storage.submissions.submit(ChatRef.of(++chat[0]), plaintext)));
                add(results, "raw SQLite insert, " + sealed.length + "-byte blob, commit|inserts/s",
                        measure(() -> raw.run(c -> rawInsert(c, random, sealed.length))));
            }
        }
        results.forEach((key, values) -> report(key.split("\\|")[0], key.split("\\|")[1], values));
        for (Argon2Profile profile : Argon2Profile.values()) {
            Path keysDir = Files.createDirectories(dir.resolve("keys-" + profile.name().toLowerCase(Locale.ROOT)));
            Keys keys = new Keys(keysDir, new SecureRandom(), Clock.systemUTC());
            keys.init(TestStorage.PASSPHRASE, profile);
            keys.unlock(TestStorage.PASSPHRASE).close(); // warm-up
            long start = System.nanoTime();
            int rounds = 5;
            for (int i = 0; i < rounds; i++) {
                keys.unlock(TestStorage.PASSPHRASE).close();
            }
            System.out.printf(Locale.ROOT, "%-58s %8.1f ms%n", "unlock, Argon2id " + profile + " (" + profile.memoryKiB()
                    + " KiB, t=" + profile.iterations() + ")", (System.nanoTime() - start) / 1e6 / rounds);
        }
        System.out.println("load average after: " + loadAverage());
    }

    /** A row like a real one: random 32-hex id, random 64-hex receipt hash, a random blob of the sealed size. */
    private static void rawInsert(Connection c, SecureRandom random, int blobBytes) throws SQLException {
        byte[] blob = new byte[blobBytes];
        random.nextBytes(blob);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO testimonies (id, key_id, schema_version, sealed, "
                + "status, submitted_day, receipt_hash) VALUES (?, '0123456789abcdef', 1, ?, 'PENDING', '2026-11-02', ?)")) {
            s.setString(1, hex(random, 16));
            s.setBytes(2, blob);
            s.setString(3, hex(random, 32));
            s.executeUpdate();
        }
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void add(Map<String, List<Double>> results, String key, double value) {
        results.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** A testimony of the default questionnaire's shape: about 40 answers and a paragraph of free text. */
    private static SecretBytes typicalTestimony() {
        Map<String, List<String>> answers = new java.util.TreeMap<>();
        for (int i = 1; i <= 40; i++) {
            answers.put("q" + i, List.of("option_" + i, "other_" + i));
        }
        String text = "They came at night without women officers and took our phones. ".repeat(6);
        return new TestimonyContent("raid", 1, "hi", answers, Map.of("q29", text)).toJson();
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    /** Operations per second: one second of warm-up, then {@link #SECONDS} seconds counted. */
    private static double measure(Action action) throws Exception {
        long warmUpEnd = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            action.run();
        }
        long start = System.nanoTime();
        long end = start + SECONDS * 1_000_000_000L;
        long count = 0;
        long now;
        do {
            action.run();
            count++;
            now = System.nanoTime();
        } while (now < end);
        return count / ((now - start) / 1e9);
    }

    private static void report(String what, String unit, List<Double> perSecond) {
        List<Double> sorted = perSecond.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        System.out.printf(Locale.ROOT, "%-58s %7.0f %s (%.0f-%.0f; %.2f ms each)%n", what, median, unit,
                sorted.get(0), sorted.get(sorted.size() - 1), 1000 / median);
    }
}
