package org.gawahi.storage.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.LeakScan;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.db.StorageException;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.Arrival;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.Submissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contact handles on a real SQLite file: sealed, bound to their testimony, erased with it. */
class ContactHandlesTest {
    private static final ChatRef CHAT = ChatRef.of(987_654_321_012L);
    private static final Arrival CONTACT_IN_HINDI = new Arrival(true, Optional.of("hi"));

    @TempDir
    Path data;

    private TestStorage storage;
    private TestimonyTable testimonies;
    private ContactHandles handles;

    @BeforeEach
    void open() throws Exception {
        storage = TestStorage.create(data);
        testimonies = new TestimonyTable(storage.db);
        handles = new ContactHandles(storage.db);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static SecretBytes testimony() {
        return new TestimonyContent("raid", 1, "hi", Map.of("u1", List.of("contact"), "u2", List.of("bot")),
                Map.of()).toJson();
    }

    private String onlyId() {
        return testimonies.sealedRows().get(0).id();
    }

    @Test
    void aHandleKeptAtSubmissionOpensWithTheUnlockedKeysToHerChatAndLanguage() throws Exception {
        storage.submissions.submit(CHAT, testimony(), CONTACT_IN_HINDI);
        String id = onlyId();

        assertThat(handles.exists(id)).isTrue();
        try (Opener opener = storage.unlock()) {
            ContactHandle handle = handles.open(id, opener).orElseThrow();
            assertThat(handle.chat()).isEqualTo(CHAT);
            assertThat(handle.language()).isEqualTo("hi");
            assertThat(handle.toString()).doesNotContain("987654321012");
        }
    }

    @Test
    void noHandleIsKeptWithoutConsent() {
        storage.submissions.submit(CHAT, testimony(), Arrival.urgent(true));

        assertThat(handles.exists(onlyId())).isFalse();
        assertThat(new ContactHandleTable(storage.db).countByKey()).isEmpty();
    }

    @Test
    void theDataDirectoryHoldsNoChatIdInAnyEncoding() throws Exception {
        storage.submissions.submit(CHAT, testimony(), CONTACT_IN_HINDI); // the WAL holds it, not checkpointed

        assertThat(new LeakScan().chat("chat id", CHAT).findIn(LeakScan.filesUnder(data))).isEmpty();
    }

    @Test
    void everyHandleSealsToTheSameLength() {
        storage.submissions.submit(ChatRef.of(7), testimony(), new Arrival(false, Optional.of("en")));
        storage.submissions.submit(ChatRef.of(Long.MAX_VALUE), testimony(), new Arrival(false, Optional.of("kn")));
        ContactHandleTable table = new ContactHandleTable(storage.db);

        List<Integer> lengths = testimonies.sealedRows().stream()
                .map(r -> table.find(r.id()).orElseThrow().sealed().length).distinct().toList();
        assertThat(lengths).hasSize(1);
    }

    @Test
    void aHandleCopiedUnderAnotherTestimonyDoesNotOpen() throws Exception {
        storage.submissions.submit(CHAT, testimony(), CONTACT_IN_HINDI);
        storage.submissions.submit(ChatRef.of(5), testimony(), Arrival.ORDINARY);
        ContactHandleTable table = new ContactHandleTable(storage.db);
        String withHandle = testimonies.sealedRows().stream().map(TestimonyTable.Row::id).filter(handles::exists)
                .findFirst().orElseThrow();
        String without = testimonies.sealedRows().stream().map(TestimonyTable.Row::id).filter(i -> !handles.exists(i))
                .findFirst().orElseThrow();
        ContactHandleTable.Row row = table.find(withHandle).orElseThrow();
        table.insert(new ContactHandleTable.Row(without, row.keyId(), row.sealed()));

        try (Opener opener = storage.unlock()) {
            assertThatThrownBy(() -> handles.open(without, opener)).isInstanceOf(CannotOpenException.class);
        }
    }

    @Test
    void withdrawalErasesTheHandle() {
        ReceiptCode receipt = storage.submissions.submit(CHAT, testimony(), CONTACT_IN_HINDI);
        String id = onlyId();

        assertThat(storage.submissions.withdraw(receipt)).isTrue();

        assertThat(handles.exists(id)).isFalse();
        assertThat(storage.submissions.status(receipt)).contains(TestimonyStatus.WITHDRAWN);
    }

    @Test
    void aWithdrawalWhoseHandleCannotBeErasedChangesNothing() {
        ReceiptCode receipt = storage.submissions.submit(CHAT, testimony(), CONTACT_IN_HINDI);
        String id = onlyId();
        storage.db.run(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TRIGGER refuse BEFORE DELETE ON contact_handles BEGIN SELECT RAISE(ABORT, 'no'); END");
            }
        });

        assertThatThrownBy(() -> storage.submissions.withdraw(receipt)).isInstanceOf(StorageException.class);

        assertThat(storage.submissions.status(receipt)).contains(TestimonyStatus.PENDING);
        assertThat(testimonies.find(id).orElseThrow().sealed()).isNotNull();
        assertThat(handles.exists(id)).isTrue();
    }

    @Test
    void aSubmissionWhoseHandleCannotBeSealedStoresNeither() throws Exception {
        storage.drafts.save(CHAT, SecretBytes.utf8("draft"));
        Sealer real = storage.keys.sealer();
        Sealer onlyOnce = new Sealer() {
            private int calls;

            @Override
            public String keyId() {
                return real.keyId();
            }

            @Override
            public byte[] seal(SecretBytes plaintext, byte[] associatedData) {
                if (++calls > 1) {
                    throw new IllegalStateException("the disk is full");
                }
                return real.seal(plaintext, associatedData);
            }
        };
        var submissions = new org.gawahi.storage.testimony.SealedSubmissions(storage.db, onlyOnce, storage.pseudonyms,
                storage.drafts, TestStorage.RANDOM, storage.clock);

        assertThatThrownBy(() -> submissions.submit(CHAT, testimony(), CONTACT_IN_HINDI))
                .isInstanceOf(Submissions.StorageFailure.class);

        assertThat(testimonies.count()).isZero();
        assertThat(storage.drafts.load(CHAT)).isPresent();
    }

    @Test
    void anErasedHandleLeavesNoCiphertextInTheFileOrTheWalAfterACheckpoint() {
        storage.submissions.submit(CHAT, testimony(), CONTACT_IN_HINDI);
        String id = onlyId();
        byte[] sealed = new ContactHandleTable(storage.db).find(id).orElseThrow().sealed();
        byte[] slice = java.util.Arrays.copyOfRange(sealed, sealed.length - 48, sealed.length);

        assertThat(handles.erase(id)).isTrue();
        assertThat(handles.erase(id)).as("only one caller erases").isFalse();
        storage.db.checkpoint();

        for (Path file : LeakScan.filesUnder(data)) {
            assertThat(LeakScan.indexOf(LeakScan.read(file), slice)).as(file.getFileName().toString()).isEqualTo(-1);
        }
    }

    @Test
    void keyRotationReSealsHandlesSoTheOldKeyCanGo() throws Exception {
        storage.submissions.submit(CHAT, testimony(), CONTACT_IN_HINDI);
        String id = onlyId();
        String oldKeyId = storage.keys.sealer().keyId();

        storage.keys.rotate(TestStorage.PASSPHRASE, Argon2Profile.TEST);
        Sealer sealer = storage.keys.sealer();
        ContactHandles.Resealed outcome;
        try (Opener opener = storage.unlock()) {
            outcome = handles.resealAll(opener, sealer);
        }
        storage.keys.deleteRetired(oldKeyId);

        assertThat(outcome.resealed()).isEqualTo(1);
        assertThat(outcome.keyIdsInUse()).containsOnlyKeys(sealer.keyId());
        try (Opener opener = storage.unlock()) {
            assertThat(handles.open(id, opener).orElseThrow().chat()).isEqualTo(CHAT);
        }
    }
}
