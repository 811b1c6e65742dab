package org.gawahi.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.gawahi.bot.fixtures.RaidQuestionnaire;
import org.gawahi.bot.fixtures.TestimonyDriver;
import org.gawahi.bot.interview.Interview;
import org.gawahi.bot.interview.Screen;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.LeakScan;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of issue 3: many testimonies go through the real engine into the real sealed
 * storage, their free text carrying a canary and a phone number, their chats known and
 * distinctive ids; some are left unfinished. Then every byte of the data directory (the
 * database, its WAL and shared-memory files, the keys) is read, while the database is open
 * and again after it is closed: no canary, no chat id, no phone number, no receipt code and
 * no name may appear in any encoding we can think of.
 */
class CanaryScanTest {
    private static final int COMPLETED = 50;
    private static final int UNFINISHED = 8;
    private static final long FIRST_CHAT = 987_654_321_012L;
    private static final String PHONE = "+91 98765 43210";
    /** What a Telegram update would carry besides the text; the engine must never receive or keep it. */
    private static final String FIRST_NAME = "Kamalabai Testname";
    private static final String USERNAME = "kamala_canary_user";

    @TempDir
    Path data;

    @TempDir
    Path questionnaireDir;

    /**
     * Random letters, no digits: a run of digits in the canary would itself be masked as a
     * phone number on arrival (random hex did that now and then, failing the test by chance).
     */
    private final String canary = "CANARY-" + HexFormat.of().formatHex(TestStorage.RANDOM.generateSeed(8)).chars()
            .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + (c - '0') : c)))
            .collect(java.util.stream.Collectors.joining());
    private Questionnaire questionnaire;

    @BeforeEach
    void questionnaire() {
        questionnaire = RaidQuestionnaire.load(questionnaireDir);
    }

    private String freeText(int i) {
        return "They came at night (" + canary + " #" + i + "). Call me on " + PHONE + ".";
    }

    private LeakScan forbidden(List<ReceiptCode> receipts) {
        LeakScan scan = new LeakScan().text("canary", canary).text("phone number", PHONE)
                .text("phone digits", PHONE.replaceAll("[^0-9]", "").substring(2))
                .text("first name", FIRST_NAME).text("username", USERNAME);
        for (int i = 0; i < COMPLETED + UNFINISHED; i++) {
            scan.chatId("chat id #" + i, FIRST_CHAT + i);
        }
        for (ReceiptCode receipt : receipts) {
            scan.text("receipt code", receipt.digits()).text("grouped receipt code", receipt.grouped());
        }
        return scan;
    }

    @Test
    void noCanaryChatIdPhoneNumberReceiptOrNameReachesAnyFileOfTheDataDirectory() throws Exception {
        List<ReceiptCode> receipts = new ArrayList<>();
        Set<String> draftRowNames = new HashSet<>();
        try (TestStorage storage = TestStorage.create(data)) {
            Interview interview = new Interview(questionnaire, storage.drafts, storage.submissions,
                    Clock.systemDefaultZone());
            int stepsToReview = 0;
            for (int i = 0; i < COMPLETED; i++) {
                TestimonyDriver driver = new TestimonyDriver(questionnaire, freeText(i));
                Screen done = driver.complete(interview, ChatRef.of(FIRST_CHAT + i));
                receipts.add(ReceiptCode.parse(done.receipt().orElseThrow()).orElseThrow());
                stepsToReview = driver.inputs().size() - 2; // all but /start and the submit press
            }
            for (int i = COMPLETED; i < COMPLETED + UNFINISHED; i++) {
                // Half stop on the review screen, the free text typed; half stop somewhere before it.
                int steps = i % 2 == 0 ? stepsToReview : 3 + i % 20;
                new TestimonyDriver(questionnaire, freeText(i)).run(interview, ChatRef.of(FIRST_CHAT + i), steps);
                draftRowNames.add(storage.cipher.rowName(ChatRef.of(FIRST_CHAT + i).conversation()));
            }

            assertThatEveryTestimonyIsStoredSealedAndMasked(storage, receipts);
            assertThat(storage.drafts.count()).isEqualTo(UNFINISHED);
            assertThat(data.resolve("gawahi.db-wal")).exists();
            assertThat(data.resolve("gawahi.db-shm")).exists();

            assertNothingForbiddenIn(data, receipts, draftRowNames);
        }
        // Closed: the WAL is checkpointed into the database file; scan what remains.
        assertNothingForbiddenIn(data, receipts, draftRowNames);
    }

    private void assertThatEveryTestimonyIsStoredSealedAndMasked(TestStorage storage, List<ReceiptCode> receipts)
            throws Exception {
        assertThat(new HashSet<>(receipts)).hasSize(COMPLETED);
        for (ReceiptCode receipt : receipts) {
            assertThat(storage.submissions.status(receipt)).contains(TestimonyStatus.PENDING);
        }
        List<TestimonyTable.Row> rows = new TestimonyTable(storage.db).sealedRows();
        assertThat(rows).hasSize(COMPLETED);
        Set<String> texts = new HashSet<>();
        try (Opener opener = storage.unlock()) {
            for (TestimonyTable.Row row : rows) {
                try (SecretBytes plain = opener.open(row.sealed(),
                        SealedSubmissions.associatedData(row.id(), row.schemaVersion(), row.keyId()))) {
                    String text = TestimonyContent.fromJson(plain).texts().get("q29");
                    assertThat(text).contains(canary, "[#phone]").doesNotContain("98765");
                    texts.add(text);
                }
            }
        }
        assertThat(texts).hasSize(COMPLETED);
    }

    private void assertNothingForbiddenIn(Path dir, List<ReceiptCode> receipts, Set<String> draftRowNames) {
        List<Path> files = LeakScan.filesUnder(dir);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("gawahi.db", "server.secret").anyMatch(n -> n.startsWith("collective-"));

        assertThat(forbidden(receipts).findIn(files)).as("forbidden values found").isEmpty();

        // The scan is not blind: it does find what is meant to be there (the keyed draft row names).
        LeakScan expected = new LeakScan();
        draftRowNames.forEach(name -> expected.text("draft row name", name));
        assertThat(expected.findIn(files)).isNotEmpty();
    }

    @Test
    void theScanFindsACanaryInAnyOfItsEncodings(@TempDir Path control) throws Exception {
        Files.write(control.resolve("utf8"), ("xx" + canary + "yy").getBytes(StandardCharsets.UTF_8));
        Files.write(control.resolve("utf16"), ("xx" + canary + "yy").getBytes(StandardCharsets.UTF_16LE));
        Files.write(control.resolve("long"), java.nio.ByteBuffer.allocate(10).putLong(1, FIRST_CHAT + 3).array());

        List<String> found = forbidden(List.of()).findIn(LeakScan.filesUnder(control));

        assertThat(found).anyMatch(f -> f.startsWith("canary (UTF-8) in utf8"))
                .anyMatch(f -> f.startsWith("canary (UTF-16LE) in utf16"))
                .anyMatch(f -> f.startsWith("chat id #3 (8 bytes, big-endian) in long"));
    }
}
