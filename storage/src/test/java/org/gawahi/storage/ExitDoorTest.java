package org.gawahi.storage;

import org.gawahi.storage.conversation.TelegramIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.KeyForgery;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.gawahi.storage.roles.Roles;
import org.gawahi.storage.testimony.Arrival;
import org.gawahi.storage.testimony.Decisions;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit door of docs/FORMAT.md: testimonies sealed by Gawahi's own code open with an HPKE
 * implementation that is not Bouncy Castle ({@code @hpke/core} under Node, Argon2id from
 * {@code @noble/hashes}, AES-GCM from Node), by a script that knows only what FORMAT.md says:
 * {@code web/exit-door/open.mjs}. It reads the key files and the rows exactly as a collective
 * would; the Java side only seals and selects the rows. The two keyed hashes a collective may
 * need (the receipt hash, section 7; the audit's actor pseudonym, section 5.3) are computed
 * from FORMAT.md with the JDK's HMAC alone and compared with what Gawahi stored.
 */
class ExitDoorTest {
    /** Typed precomposed here; the script gets it decomposed, so only NFC makes them one passphrase. */
    private static final String PASSPHRASE = "\u00e9t\u00e9 \u0915\u093c \u0928\u092e\u0938\u094d\u0924\u0947 raids end";
    private static final String DECOMPOSED = "e\u0301te\u0301 \u0958 \u0928\u092e\u0938\u094d\u0924\u0947 raids end";
    private static final String LONG_ANSWER = "वे रात में आए और हमारे फ़ोन ले गए। ".repeat(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MODERATOR_ID = 424_242_001L;
    private static final long DRAFT_CHAT = 7_005L;
    private static final String DRAFT = "a draft, as the interview would write it: q2=mh, q29=वे रात में";

    static Path web;

    @TempDir
    Path data;

    @BeforeAll
    static void findNodeAndTheScript() throws Exception {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            version.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            Assumptions.abort("node is not installed, so the independent opener of docs/FORMAT.md cannot run here "
                    + "(CI installs it: .ci/run)");
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("web/exit-door/open.mjs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            fail("web/exit-door/open.mjs not found above " + Path.of("").toAbsolutePath());
        }
        web = dir.resolve("web");
        if (!Files.isDirectory(web.resolve("node_modules/@hpke/core"))) {
            installLockedPackages();
        }
    }

    /** As .ci/run does: so that the README's one test command works on a machine with Node. */
    private static void installLockedPackages() throws Exception {
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(web.toFile()).redirectErrorStream(true).start();
        String said = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            fail("`npm ci` in " + web + " failed; run it by hand to see why:\n" + said);
        }
    }

    private static TestimonyContent testimony(String freeText) {
        return new TestimonyContent("raid", 1, "hi", Map.of("q2", List.of("mh"), "q7", List.of("a", "c"),
                "q5", List.of("2026-02")), Map.of("q29", freeText));
    }

    /** One input line of the script (FORMAT.md 8), as the sqlite3 shell would give it. */
    private static String line(String kind, String id, int version, String keyId, byte[] sealed) {
        return kind + " " + id + " " + version + " " + keyId + " " + hex(sealed);
    }

    /** As sqlite3's hex() writes a BLOB. */
    private static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private record Run(int status, List<JsonNode> lines, String errors) {
        JsonNode record(String kind, String id) {
            return lines.stream().filter(l -> l.get("kind").asText().equals(kind) && l.get("id").asText().equals(id))
                    .findFirst().orElseThrow(() -> new AssertionError("no output for " + kind + " " + id + ": " + lines));
        }
    }

    private Run open(List<String> input, String passphrase) throws Exception {
        return run("exit-door/open.mjs", List.of(), input, passphrase);
    }

    private Run run(String script, List<String> options, List<String> input, String passphrase) throws Exception {
        Path passphraseFile = data.resolve("passphrase.txt");
        Files.writeString(passphraseFile, passphrase + "\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("node", web.resolve(script).toString()));
        command.addAll(options);
        command.addAll(List.of("--passphrase-file", passphraseFile.toString()));
        try (Stream<Path> keys = Files.list(data.resolve("keys"))) {
            keys.filter(p -> p.getFileName().toString().startsWith("collective-")).sorted()
                    .forEach(p -> command.add(p.toString()));
        }
        Process node = new ProcessBuilder(command).start();
        node.getOutputStream().write(String.join("\n", input).concat("\n").getBytes(StandardCharsets.UTF_8));
        node.getOutputStream().close();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.isBlank()) {
                lines.add(JSON.readTree(l));
            }
        }
        return new Run(node.exitValue(), lines, errors);
    }

    /** What Gawahi wrote, as a collective would select it with the sqlite3 shell. */
    private record Disk(String legacyId, String fingerprintId, List<String> input, List<String> ids,
                        List<String> receiptHashes, String pseudonym, ReceiptCode receipt,
                        List<String> draftRows, Map<String, DecisionRow> decisions, String markKeyId, byte[] mark) {
    }

    /** A testimony row's clear columns, as FORMAT.md 6.1 feeds them to the MAC. */
    private record DecisionRow(String id, String status, byte[] sealed, String keyId, int schemaVersion,
                               String submittedDay, String eventId, String rejectReason, String decidedDay,
                               byte[] decision) {
    }

    /**
     * A data directory as an installation that upgraded would hold it: a first key with a legacy
     * id (the first testimony, the draft run key and the roles... sealed to it), then a rotation to
     * a key whose id is its fingerprint (the second testimony). A moderator approves the first
     * testimony and rejects the second; one draft is saved for chat {@link #DRAFT_CHAT}.
     */
    private Disk gawahiWrites() throws Exception {
        Files.createDirectories(data);
        Keys keys = new Keys(data, new SecureRandom(), Clock.systemUTC());
        String first = keys.init(Secret.of(PASSPHRASE), Argon2Profile.TEST).keyId();
        String legacyId = new KeyForgery(data).asLegacy(first, Secret.of(PASSPHRASE));
        List<String> input = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> receiptHashes = new ArrayList<>();
        List<String> draftRows = new ArrayList<>();
        Map<String, DecisionRow> decisions = new java.util.HashMap<>();
        String pseudonym;
        ReceiptCode receipt;
        String fingerprintId;
        String[] markKeyId = new String[1];
        byte[][] mark = new byte[1][];
        try (TestStorage storage = TestStorage.create(data)) {
            receipt = storage.submissions.submit(ChatRef.of(7_001), testimony("they came at night").toJson(),
                    new Arrival(true, Optional.of("hi")));
            storage.drafts.save(ChatRef.of(DRAFT_CHAT), SecretBytes.adopt(DRAFT.getBytes(StandardCharsets.UTF_8)));
            // A rotation: the next testimony is sealed to the new key, the first stays on the old one.
            fingerprintId = keys.rotate(Secret.of(PASSPHRASE), Argon2Profile.TEST).keyId();
            new SealedSubmissions(storage.db, keys.sealer(), storage.pseudonyms, storage.drafts, TestStorage.RANDOM,
                    Clock.systemUTC()).submit(ChatRef.of(7_002), testimony(LONG_ANSWER).toJson());
            Roles roles = new Roles(storage.db, TestStorage.RANDOM);
            TestimonyTable table = new TestimonyTable(storage.db);
            try (Opener opener = keys.unlock(Secret.of(PASSPHRASE)); RoleBook book = roles.open(opener)) {
                book.grant(TelegramIds.conversation(MODERATOR_ID), Role.MODERATOR);
                roles.save(book, keys.sealer(), opener);
                pseudonym = book.actorPseudonym(TelegramIds.conversation(MODERATOR_ID));
                Decisions moderator = new Decisions(storage.db, opener);
                LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
                for (TestimonyTable.Row row : table.sealedRows()) {
                    boolean legacy = row.keyId().equals(legacyId);
                    assertThat(table.decide(row.id(), legacy ? TestimonyStatus.APPROVED : TestimonyStatus.REJECTED,
                            today, legacy ? Optional.empty() : Optional.of("DUPLICATE"))).isTrue();
                    moderator.authenticate(row.id());
                }
            }
            storage.db.run(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery(
                        "SELECT id, schema_version, key_id, sealed, receipt_hash, status, submitted_day, event_id, "
                                + "reject_reason, decided_day, decision FROM testimonies WHERE sealed IS NOT NULL ORDER BY id")) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                        receiptHashes.add(rs.getString(5));
                        input.add(line("testimony", rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBytes(4)));
                        decisions.put(rs.getString(1), new DecisionRow(rs.getString(1), rs.getString(6), rs.getBytes(4),
                                rs.getString(3), rs.getInt(2), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10), rs.getBytes(11)));
                    }
                }
                try (var s = c.createStatement(); var rs = s.executeQuery(
                        "SELECT testimony_id, key_id, sealed FROM contact_handles")) {
                    while (rs.next()) {
                        input.add(line("contact", rs.getString(1), 1, rs.getString(2), rs.getBytes(3)));
                    }
                }
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT key_id, sealed FROM roles")) {
                    while (rs.next()) {
                        input.add(line("roles", "1", 1, rs.getString(1), rs.getBytes(2)));
                    }
                }
                try (var s = c.createStatement(); var rs = s.executeQuery(
                        "SELECT id, collective_key_id, sealed FROM draft_keys")) {
                    while (rs.next()) {
                        input.add(line("draft run key", rs.getString(1), 1, rs.getString(2), rs.getBytes(3)));
                        draftRows.add("key " + rs.getString(1) + " " + rs.getString(2) + " " + hex(rs.getBytes(3)));
                    }
                }
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT name, sealed FROM drafts")) {
                    while (rs.next()) {
                        draftRows.add("draft " + rs.getString(1) + " " + hex(rs.getBytes(2)));
                    }
                }
                try (var s = c.createStatement(); var rs = s.executeQuery(
                        "SELECT key_id, mac FROM decisions_authenticated")) {
                    if (rs.next()) {
                        markKeyId[0] = rs.getString(1);
                        mark[0] = rs.getBytes(2);
                    }
                }
            });
        }
        return new Disk(legacyId, fingerprintId, input, ids, receiptHashes, pseudonym, receipt, draftRows, decisions,
                markKeyId[0], mark[0]);
    }

    @Test
    void testimoniesSealedToAFingerprintIdKeyAndToALegacyIdKeyOpenWithAnotherHpkeFollowingOnlyFormatMd()
            throws Exception {
        Disk disk = gawahiWrites();
        assertThat(disk.legacyId()).matches("[0-9a-f]{16}");
        assertThat(disk.fingerprintId()).matches("[0-9]{30}");
        assertThat(disk.decisions().values()).extracting(DecisionRow::keyId)
                .containsExactlyInAnyOrder(disk.legacyId(), disk.fingerprintId());

        Run run = open(disk.input(), DECOMPOSED);

        assertThat(run.status()).as(run.errors()).isZero();
        assertThat(run.lines()).hasSize(5);
        List<TestimonyContent> opened = new ArrayList<>();
        for (String id : disk.ids()) {
            JsonNode plaintext = run.record("testimony", id).get("plaintext");
            opened.add(TestimonyContent.fromJson(SecretBytes.adopt(JSON.writeValueAsBytes(plaintext))));
        }
        // The first arrived urgent: FORMAT.md 5.1 "urgent", in the sealed content and nowhere else.
        assertThat(opened).containsExactlyInAnyOrder(testimony("they came at night").withUrgent(),
                testimony(LONG_ANSWER));
        assertThat(disk.ids().stream().map(id -> run.record("testimony", id).get("plaintext").path("urgent").asText()))
                .containsExactlyInAnyOrder("true", "");
        JsonNode contact = run.lines().stream().filter(l -> l.get("kind").asText().equals("contact")).findFirst()
                .orElseThrow().get("plaintext");
        assertThat(contact.get("chat").asLong()).isEqualTo(7_001);
        assertThat(contact.get("language").asText()).isEqualTo("hi");
        JsonNode roleTable = run.record("roles", "1").get("plaintext");
        assertThat(roleTable.get("grants").get(Long.toString(MODERATOR_ID)).get(0).asText()).isEqualTo("MODERATOR");
        byte[] actorKey = Base64.getDecoder().decode(roleTable.get("actorKey").asText());
        assertThat(actorPseudonymAsFormatMdSays(actorKey, MODERATOR_ID)).isEqualTo(disk.pseudonym());
        assertThat(disk.receiptHashes()).contains(receiptHashAsFormatMdSays(disk.receipt().digits()));
        JsonNode runKey = run.lines().stream().filter(l -> l.get("kind").asText().equals("draft run key"))
                .findFirst().orElseThrow();
        assertThat(runKey.get("hex").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void decisionMacsComputedFromFormatMdAloneMatchWhatGawahiStoredForAnApprovedAndARejectedRow() throws Exception {
        Disk disk = gawahiWrites();
        Map<String, byte[]> privateKeys = privateKeysUnwrappedByTheScript();
        assertThat(privateKeys).containsOnlyKeys(disk.legacyId(), disk.fingerprintId());

        assertThat(disk.decisions().values()).extracting(DecisionRow::status)
                .containsExactlyInAnyOrder("APPROVED", "REJECTED");
        for (DecisionRow row : disk.decisions().values()) {
            assertThat(row.decision()).as(row.status()).isEqualTo(decisionMacAsFormatMdSays(
                    privateKeys.get(row.keyId()), "gawahi/testimony-decision/v1", Arrays.asList(row.id(), row.status(),
                            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(row.sealed())),
                            row.keyId(), Integer.toString(row.schemaVersion()), row.submittedDay(), row.eventId(),
                            row.rejectReason(), row.decidedDay())));
            // A forger's change of one clear column (here: the status) no longer matches.
            String other = row.status().equals("APPROVED") ? "REJECTED" : "APPROVED";
            assertThat(row.decision()).isNotEqualTo(decisionMacAsFormatMdSays(privateKeys.get(row.keyId()),
                    "gawahi/testimony-decision/v1", Arrays.asList(row.id(), other,
                            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(row.sealed())),
                            row.keyId(), Integer.toString(row.schemaVersion()), row.submittedDay(), row.eventId(),
                            row.rejectReason(), row.decidedDay())));
        }
        assertThat(disk.mark()).isEqualTo(decisionMacAsFormatMdSays(privateKeys.get(disk.markKeyId()),
                "gawahi/decisions-authenticated/v1", List.of(disk.markKeyId())));
    }

    @Test
    void aDraftOpensWithThePassphraseThroughItsSealedRunKeyAndHerChatIdOnly() throws Exception {
        Disk disk = gawahiWrites();

        Run hers = drafts(disk.draftRows(), DRAFT_CHAT);
        Run another = drafts(disk.draftRows(), DRAFT_CHAT + 1);

        assertThat(hers.status()).as(hers.errors()).isZero();
        assertThat(hers.lines()).singleElement().satisfies(l -> assertThat(
                new String(Base64.getDecoder().decode(l.get("draft").asText()), StandardCharsets.UTF_8)).isEqualTo(DRAFT));
        assertThat(another.status()).as(another.errors()).isZero();
        assertThat(another.lines()).isEmpty();
    }

    @Test
    void aKeyFileWhoseThirtyDigitIdIsNotItsFingerprintOrWhoseNameIsNotItsIdIsRefusedByTheScript() throws Exception {
        Disk disk = gawahiWrites();
        Path legacy = data.resolve("keys/collective-" + disk.legacyId() + ".key");
        Path renamed = data.resolve("keys/collective-0123456789abcdef.key");
        Files.move(legacy, renamed);

        Run misnamed = open(disk.input(), PASSPHRASE);
        Files.move(renamed, legacy);
        Path swapped = new KeyForgery(data).swapPublicKey(disk.fingerprintId());
        Run forged = open(disk.input(), PASSPHRASE);

        assertThat(misnamed.status()).isEqualTo(2);
        assertThat(misnamed.errors()).contains(renamed.getFileName().toString()).contains("does not match");
        assertThat(misnamed.lines()).isEmpty();
        assertThat(forged.status()).isEqualTo(2);
        assertThat(forged.errors()).contains(swapped.getFileName().toString()).contains("refused");
        assertThat(forged.lines()).isEmpty();
    }

    /** FORMAT.md 6.1 with the JDK alone, from the private key: HKDF-Extract, Expand to one block, HMAC. */
    private static byte[] decisionMacAsFormatMdSays(byte[] privateKey, String label, List<String> fields)
            throws Exception {
        byte[] prk = hmac("gawahi/authenticate/v1".getBytes(StandardCharsets.US_ASCII), privateKey);
        byte[] macKey = hmac(prk, (label + "\u0001").getBytes(StandardCharsets.US_ASCII));
        java.io.ByteArrayOutputStream input = new java.io.ByteArrayOutputStream();
        byte[] l = label.getBytes(StandardCharsets.UTF_8);
        input.writeBytes(ByteBuffer.allocate(4).putInt(l.length).array());
        input.writeBytes(l);
        input.writeBytes(ByteBuffer.allocate(4).putInt(fields.size()).array());
        for (String field : fields) {
            if (field == null) {
                input.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            } else {
                byte[] f = field.getBytes(StandardCharsets.UTF_8);
                input.writeBytes(ByteBuffer.allocate(4).putInt(f.length).array());
                input.writeBytes(f);
            }
        }
        return hmac(macKey, input.toByteArray());
    }

    /** The private keys, by key id, as the independent script's FORMAT.md 2.1 unwraps them (never Gawahi's code). */
    private Map<String, byte[]> privateKeysUnwrappedByTheScript() throws Exception {
        String script = "import { readFileSync, readdirSync } from 'node:fs';"
                + "import { unwrapKeyFile } from " + JSON.writeValueAsString(web.resolve("src/format.mjs").toUri().toString()) + ";"
                + "const dir = process.argv[1];"
                + "for (const f of readdirSync(dir).filter((n) => n.startsWith('collective-'))) {"
                + "  const k = unwrapKeyFile(readFileSync(dir + '/' + f, 'utf8'), process.env.GAWAHI_PASSPHRASE, f);"
                + "  console.log(k.keyId + ' ' + Buffer.from(k.privateKey).toString('hex'));"
                + "}";
        ProcessBuilder builder = new ProcessBuilder("node", "--input-type=module", "-e", script,
                data.resolve("keys").toString());
        builder.environment().put("GAWAHI_PASSPHRASE", DECOMPOSED);
        Process node = builder.start();
        node.getOutputStream().close();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(node.exitValue()).as(errors).isZero();
        Map<String, byte[]> keys = new java.util.HashMap<>();
        for (String l : out.split("\n")) {
            if (!l.isBlank()) {
                String[] parts = l.split(" ");
                keys.put(parts[0], HexFormat.of().parseHex(parts[1]));
            }
        }
        return keys;
    }

    private Run drafts(List<String> rows, long chat) throws Exception {
        return run("exit-door/drafts.mjs", List.of("--chat", Long.toString(chat)), rows, PASSPHRASE);
    }

    /** FORMAT.md 7 with the JDK alone: the receipt hash from keys/server.secret. */
    private String receiptHashAsFormatMdSays(String digits) throws Exception {
        byte[] file = Files.readAllBytes(data.resolve("keys/server.secret"));
        assertThat(file).hasSize(45);
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("GWHS");
        byte[] secret = java.util.Arrays.copyOfRange(file, 5, 37);
        byte[] prk = hmac("gawahi server secret v1".getBytes(StandardCharsets.US_ASCII), secret);
        byte[] key = hmac(prk, "gawahi/receipt-hash/v1\u0001".getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(hmac(key, digits.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** FORMAT.md 5.3 with the JDK alone: HKDF-Expand to one block, then HMAC of the id as 8 bytes. */
    private static String actorPseudonymAsFormatMdSays(byte[] actorKey, long userId) throws Exception {
        byte[] subKey = hmac(actorKey, "gawahi/audit-actor/v2\u0001".getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(hmac(subKey, ByteBuffer.allocate(8).putLong(userId).array()));
    }

    @Test
    void aRecordPresentedAsAnotherRowOrAnotherKindDoesNotOpenAndTheOthersStillDo() throws Exception {
        List<String> input = new ArrayList<>();
        try (TestStorage storage = TestStorage.create(data)) {
            storage.submissions.submit(ChatRef.of(7_003), testimony("first").toJson());
            storage.submissions.submit(ChatRef.of(7_004), testimony("second").toJson());
            storage.db.run(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery(
                        "SELECT id, schema_version, key_id, sealed FROM testimonies ORDER BY id")) {
                    List<String[]> rows = new ArrayList<>();
                    while (rs.next()) {
                        String id = rs.getString(1);
                        String keyId = rs.getString(3);
                        byte[] sealed = rs.getBytes(4);
                        input.add(line("testimony", id, rs.getInt(2), keyId, sealed));
                        rows.add(new String[] {id, keyId, HexFormat.of().formatHex(sealed)});
                    }
                    // the first row's record under the second row's id, and as a contact handle
                    input.add(line("testimony", rows.get(1)[0], 1, rows.get(0)[1], HexFormat.of().parseHex(rows.get(0)[2])));
                    input.add(line("contact", rows.get(0)[0], 1, rows.get(0)[1], HexFormat.of().parseHex(rows.get(0)[2])));
                }
            });
        }

        Run run = open(input, TestStorage.PASSPHRASE.reveal());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines()).hasSize(4);
        assertThat(run.lines().subList(0, 2)).allSatisfy(l -> assertThat(l.has("plaintext")).isTrue());
        assertThat(run.lines().subList(2, 4)).allSatisfy(l -> assertThat(l.get("error").asText()).contains("does not open"));
    }
}
