package org.gawahi.storage.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gawahi.storage.TestStorage.DRAFT_TTL;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.LeakScan;
import org.gawahi.storage.MutableClock;
import org.gawahi.storage.TestStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedDraftStoreTest {
    private static final ChatRef ASHA = ChatRef.of(987_654_321_012L);
    private static final ChatRef BINA = ChatRef.of(987_654_321_013L);

    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.at("2026-11-02T10:00:00Z");
    private TestStorage storage;

    @BeforeEach
    void open() throws Exception {
        storage = TestStorage.create(data, clock);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private long hour() {
        return Hours.now(clock.instant());
    }

    private static String loaded(Optional<SecretBytes> draft) {
        return draft.map(SecretBytes::utf8String).orElse(null);
    }

    @Test
    void aSavedDraftLoadsBackUnchanged() {
        storage.drafts.save(ASHA, SecretBytes.utf8("{\"current\":\"q5\"}"));

        assertThat(loaded(storage.drafts.load(ASHA))).isEqualTo("{\"current\":\"q5\"}");
    }

    @Test
    void savingAgainReplacesTheDraft() {
        storage.drafts.save(ASHA, SecretBytes.utf8("first"));
        storage.drafts.save(ASHA, SecretBytes.utf8("second"));

        assertThat(loaded(storage.drafts.load(ASHA))).isEqualTo("second");
        assertThat(storage.drafts.count()).isEqualTo(1);
    }

    @Test
    void aDraftSurvivesAnUnlockedRestartAndMovesToTheNewRunKey() throws Exception {
        storage.drafts.save(ASHA, SecretBytes.utf8("resume me"));
        storage.close();

        storage = TestStorage.createUnlocked(data, clock);

        assertThat(loaded(storage.drafts.load(ASHA))).isEqualTo("resume me");
        // Saved again under this run's key, its old row gone.
        DraftTable table = new DraftTable(storage.db);
        assertThat(table.find(storage.cipher.rowName(ASHA.conversation()), hour())).isPresent();
        assertThat(storage.drafts.count()).isEqualTo(1);
    }

    @Test
    void aDraftBegunBeforeAKeyRotationResumesAfterItOnceTheRetiredKeyIsDeleted() throws Exception {
        storage.drafts.save(ASHA, SecretBytes.utf8("begun before the rotation"));
        storage.close();
        try (org.gawahi.storage.db.Database db = org.gawahi.storage.db.Database.open(data)) {
            var keys = new org.gawahi.storage.crypto.Keys(data, TestStorage.RANDOM, clock);
            String fresh = keys.rotate(TestStorage.PASSPHRASE, org.gawahi.storage.crypto.Argon2Profile.TEST).keyId();
            String retired = keys.state().collectiveKeys().stream().filter(k -> !k.keyId().equals(fresh))
                    .findFirst().orElseThrow().keyId();
            try (var opener = keys.unlock(TestStorage.PASSPHRASE)) {
                DraftKeys.Resealed resealed = DraftKeys.resealAll(db, opener, keys.sealer(), TestStorage.RANDOM, clock);
                assertThat(resealed.resealed()).isEqualTo(1); // the run key of the start before; nothing dropped
                assertThat(resealed.dropped()).isZero();
            }
            assertThat(db.strings("SELECT DISTINCT collective_key_id FROM draft_keys")).containsExactly(fresh);
            keys.deleteRetired(retired);
        }

        storage = TestStorage.createUnlocked(data, clock);

        assertThat(loaded(storage.drafts.load(ASHA))).isEqualTo("begun before the rotation");
    }

    @Test
    void anIntakeOnlyRestartErasesEarlierRunsDraftsAndKeysAtOnce() throws Exception {
        storage.drafts.save(ASHA, SecretBytes.utf8("run A's draft"));
        storage.close();

        storage = TestStorage.create(data, clock);

        assertThat(storage.drafts.load(ASHA)).isEmpty();
        assertThat(storage.drafts.count()).as("run A's draft, which this run could neither open nor erase by name").isZero();
        assertThat(storage.db.strings("SELECT id FROM draft_keys")).as("run A's sealed key went with it; this run's stays")
                .containsExactly(storage.cipher.keyId());
    }

    /**
     * The police trial's finding: she left (quick exit) while an intake-only run could not reach
     * her draft of an earlier run; a later start with the passphrase must not offer it back to
     * whoever holds her phone.
     */
    @Test
    void anUnlockedStartAfterAnIntakeOnlyOneOffersNoDraftOfTheRunBefore() throws Exception {
        storage.drafts.save(ASHA, SecretBytes.utf8("left behind"));
        storage.close();
        TestStorage intakeOnly = TestStorage.create(data, clock);
        intakeOnly.drafts.erase(ASHA); // her quick exit, as that run can carry it out
        intakeOnly.close();

        storage = TestStorage.createUnlocked(data, clock);

        assertThat(storage.drafts.load(ASHA)).isEmpty();
        assertThat(storage.drafts.count()).isZero();
    }

    @Test
    void aDraftBegunInAnIntakeOnlyRunResumesInThatRun() throws Exception {
        storage.close();
        storage = TestStorage.create(data, clock);

        storage.drafts.save(ASHA, SecretBytes.utf8("begun intake-only"));

        assertThat(loaded(storage.drafts.load(ASHA))).isEqualTo("begun intake-only");
    }

    @Test
    void eraseRemovesTheDraftUnderEveryOpenedKey() throws Exception {
        storage.drafts.save(ASHA, SecretBytes.utf8("old run"));
        storage.close();
        storage = TestStorage.createUnlocked(data, clock);

        storage.drafts.erase(ASHA);

        assertThat(storage.drafts.count()).isZero();
        assertThat(storage.drafts.load(ASHA)).isEmpty();
    }

    @Test
    void draftsArePaddedSoTheirLengthDoesNotTellHowMuchWasSaid() {
        storage.drafts.save(ASHA, SecretBytes.utf8("{\"q1\":\"yes\"}"));
        storage.drafts.save(BINA, SecretBytes.utf8("{\"q1\":\"yes\",\"q29\":\"" + "they took everything ".repeat(30) + "\"}"));
        DraftTable table = new DraftTable(storage.db);

        int asha = table.find(storage.cipher.rowName(ASHA.conversation()), hour()).orElseThrow().length;
        int bina = table.find(storage.cipher.rowName(BINA.conversation()), hour()).orElseThrow().length;

        assertThat(asha).isEqualTo(bina);
    }

    @Test
    void expiriesOnDiskAreWholeHours() {
        clock.advance(Duration.ofMinutes(37).plusSeconds(11).plusMillis(5));
        storage.drafts.save(ASHA, SecretBytes.utf8("x"));

        long draftExpiry = Long.parseLong(storage.db.strings("SELECT expires_hour FROM drafts").get(0));
        long keyExpiry = Long.parseLong(storage.db.strings("SELECT expires_hour FROM draft_keys").get(0));

        // 10:37:11.005 plus 24 h, rounded up to the hour: 11:00 the next day, as an hour number.
        long expected = java.time.Instant.parse("2026-11-03T11:00:00Z").getEpochSecond() / 3600;
        assertThat(draftExpiry).isEqualTo(expected);
        assertThat(keyExpiry).isEqualTo(expected);
    }

    @Test
    void draftsOfTwoChatsAreIndependent() {
        storage.drafts.save(ASHA, SecretBytes.utf8("asha's"));
        storage.drafts.save(BINA, SecretBytes.utf8("bina's"));

        storage.drafts.erase(ASHA);

        assertThat(storage.drafts.load(ASHA)).isEmpty();
        assertThat(loaded(storage.drafts.load(BINA))).isEqualTo("bina's");
    }

    @Test
    void anExpiredDraftIsInvisibleAndThenPurged() {
        storage.drafts.save(ASHA, SecretBytes.utf8("old"));
        storage.drafts.save(BINA, SecretBytes.utf8("fresh"));
        clock.advance(Duration.ofHours(23));
        storage.drafts.save(BINA, SecretBytes.utf8("fresh"));

        clock.advance(Duration.ofHours(1));

        assertThat(storage.drafts.load(ASHA)).isEmpty();
        assertThat(storage.drafts.count()).isEqualTo(2);
        assertThat(storage.drafts.purgeExpired()).isEqualTo(1);
        assertThat(storage.drafts.count()).isEqualTo(1);
        assertThat(loaded(storage.drafts.load(BINA))).isEqualTo("fresh");
    }

    @Test
    void aDraftSealedUnderAnotherDataDirectorysRunKeyIsTreatedAsNoneAndRemoved(@TempDir Path elsewhere) throws Exception {
        byte[] foreign;
        try (TestStorage other = TestStorage.create(elsewhere, clock)) {
            other.drafts.save(ASHA, SecretBytes.utf8("from another server"));
            foreign = new DraftTable(other.db).find(other.cipher.rowName(ASHA.conversation()), hour()).orElseThrow();
        }
        // The row is where this server looks for Asha's draft, but was sealed under another run key.
        new DraftTable(storage.db).put(storage.cipher.rowName(ASHA.conversation()), foreign, hour() + 1);

        assertThat(storage.drafts.load(ASHA)).isEmpty();
        assertThat(storage.drafts.count()).isZero();
    }

    @Test
    void aDamagedDraftIsTreatedAsNoneAndRemoved() {
        storage.drafts.save(ASHA, SecretBytes.utf8("will be damaged"));
        DraftTable table = new DraftTable(storage.db);
        String name = storage.cipher.rowName(ASHA.conversation());
        byte[] sealed = table.find(name, hour()).orElseThrow();
        sealed[sealed.length / 2] ^= 0x01;
        table.put(name, sealed, hour() + 1);

        assertThat(storage.drafts.load(ASHA)).isEmpty();
        assertThat(storage.drafts.count()).isZero();
    }

    @Test
    void anotherChatsDraftCopiedIntoARowDoesNotOpen() {
        storage.drafts.save(BINA, SecretBytes.utf8("bina's"));
        DraftTable table = new DraftTable(storage.db);
        byte[] binas = table.find(storage.cipher.rowName(BINA.conversation()), hour()).orElseThrow();

        table.put(storage.cipher.rowName(ASHA.conversation()), binas, hour() + 1);

        assertThat(storage.drafts.load(ASHA)).isEmpty();
        assertThat(loaded(storage.drafts.load(BINA))).isEqualTo("bina's");
    }

    @Test
    void theDraftTableHoldsNeitherTheChatIdNorThePlaintext() {
        String canary = "CANARY-draft-5f1c0e";
        storage.drafts.save(ASHA, SecretBytes.utf8("{\"texts\":{\"q29\":\"" + canary + "\"}}"));
        storage.drafts.save(BINA, SecretBytes.utf8("{\"texts\":{\"q29\":\"" + canary + "\"}}"));
        LeakScan scan = new LeakScan().text("canary", canary)
                .chat("Asha's chat id", ASHA).chat("Bina's chat id", BINA);
        List<Path> files = LeakScan.filesUnder(data);

        assertThat(files).extracting(p -> p.getFileName().toString()).contains("gawahi.db", "gawahi.db-wal");
        assertThat(scan.findIn(files)).isEmpty();
        // The scan does read the rows: the keyed row name is there.
        assertThat(new LeakScan().text("row name", storage.cipher.rowName(ASHA.conversation())).findIn(files)).isNotEmpty();
    }
}
