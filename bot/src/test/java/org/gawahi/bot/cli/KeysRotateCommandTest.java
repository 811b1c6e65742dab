package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gawahi.bot.cli.CliAssertions.assertExplained;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.contact.ContactHandles;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.db.DataDirectoryLock;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.Arrival;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysRotateCommandTest {
    private static final String PASSPHRASE = TestStorage.PASSPHRASE.reveal();

    @TempDir
    Path work;

    private Path data;
    private final List<ReceiptCode> receipts = new ArrayList<>();

    @BeforeEach
    void keysAndTestimonies() throws Exception {
        data = work.resolve("data");
        assertThat(new Cli(work).passphrase(PASSPHRASE).run("keys", "init").exitCode()).isZero();
        try (TestStorage storage = TestStorage.create(data)) {
            for (int i = 0; i < 70; i++) {
                receipts.add(storage.submissions.submit(ChatRef.of(i), new TestimonyContent("raid", 1, "en", Map.of(),
                        Map.of("q29", "testimony " + i)).toJson()));
            }
        }
    }

    private List<String> collectiveKeyFiles() throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("keys"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("collective-")).sorted().toList();
        }
    }

    private static String open(Opener opener, TestimonyTable.Row row) throws Exception {
        try (SecretBytes plain = opener.open(row.sealed(),
                SealedSubmissions.associatedData(row.id(), row.schemaVersion(), row.keyId()))) {
            return TestimonyContent.fromJson(plain).texts().get("q29");
        }
    }

    @Test
    void reSealsEveryTestimonyToANewKeyAndDeletesTheOldOne() throws Exception {
        List<String> before = collectiveKeyFiles();

        Cli.Result result = new Cli(work).passphrase(PASSPHRASE).run("keys", "rotate");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Re-sealed 70 testimonies", "Deleted the retired key");
        assertThat(result.err()).as("no terminal: no progress bar").doesNotContain("\r", "re-sealing [");
        List<String> after = collectiveKeyFiles();
        assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
        try (TestStorage storage = TestStorage.create(data); Opener opener = storage.unlock()) {
            String active = storage.keys.sealer().keyId();
            List<String> texts = new ArrayList<>();
            for (TestimonyTable.Row row : new TestimonyTable(storage.db).sealedRows()) {
                assertThat(row.keyId()).isEqualTo(active);
                texts.add(open(opener, row));
            }
            assertThat(texts).hasSize(70).doesNotHaveDuplicates();
            assertThat(storage.submissions.status(receipts.get(0))).contains(TestimonyStatus.PENDING);
        }
    }

    @Test
    void aContactHandleIsReSealedSoItStillOpensAfterTheOldKeyIsDeleted() throws Exception {
        String id;
        try (TestStorage storage = TestStorage.create(data)) {
            storage.submissions.submit(ChatRef.of(4711), new TestimonyContent("raid", 1, "hi", Map.of(), Map.of()).toJson(),
                    new Arrival(false, java.util.Optional.of("hi")));
            ContactHandles handles = new ContactHandles(storage.db);
            id = new TestimonyTable(storage.db).sealedRows().stream().map(TestimonyTable.Row::id).filter(handles::exists)
                    .findFirst().orElseThrow();
        }

        Cli.Result result = new Cli(work).passphrase(PASSPHRASE).run("keys", "rotate");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Deleted the retired key");
        try (TestStorage storage = TestStorage.create(data); Opener opener = storage.unlock()) {
            assertThat(new ContactHandles(storage.db).open(id, opener).orElseThrow().chat()).isEqualTo(ChatRef.of(4711));
        }
    }

    @Test
    void asksForThePassphraseOnTheTerminalWhenTheVariableIsUnset() {
        Cli.Result result = new Cli(work).typing(PASSPHRASE).run("keys", "rotate");

        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void aWrongPassphraseChangesNothing() throws Exception {
        List<String> before = collectiveKeyFiles();

        Cli.Result result = new Cli(work).passphrase("not the passphrase at all").run("keys", "rotate");

        assertExplained(result, "passphrase does not open", "GAWAHI_PASSPHRASE", "nothing was changed");
        assertThat(collectiveKeyFiles()).isEqualTo(before);
    }

    @Test
    void refusesWhileAnotherProcessUsesTheDataDirectory() throws Exception {
        List<String> before = collectiveKeyFiles();
        try (DataDirectoryLock bot = DataDirectoryLock.acquire(data)) {
            Cli.Result result = new Cli(work).passphrase(PASSPHRASE).run("keys", "rotate");

            assertExplained(result, "Another Gawahi process", "Stop it");
        }
        assertThat(collectiveKeyFiles()).isEqualTo(before);
    }

    @Test
    void aTestimonyThatDoesNotOpenKeepsItsOldKeyAndIsReported() throws Exception {
        try (TestStorage storage = TestStorage.create(data)) {
            TestimonyTable.Row row = new TestimonyTable(storage.db).sealedRows().get(3);
            byte[] flipped = row.sealed().clone();
            flipped[flipped.length / 2] ^= 0x01;
            storage.db.run(c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE testimonies SET sealed = ? WHERE id = ?")) {
                    s.setBytes(1, flipped);
                    s.setString(2, row.id());
                    s.executeUpdate();
                }
            });
        }
        List<String> before = collectiveKeyFiles();

        Cli.Result result = new Cli(work).passphrase(PASSPHRASE).run("keys", "rotate");

        assertExplained(result, "1 testimony did not open", before.get(0).substring("collective-".length(), 27), "kept");
        assertThat(result.out()).contains("Re-sealed 69 testimonies");
        assertThat(collectiveKeyFiles()).hasSize(2).containsAll(before);
    }

    @Test
    void withoutKeysSaysToRunInit(@TempDir Path empty) throws Exception {
        Files.createDirectory(empty.resolve("data"));

        assertExplained(new Cli(empty).passphrase(PASSPHRASE).run("keys", "rotate"), "Cannot rotate", "keys init");
    }
}
