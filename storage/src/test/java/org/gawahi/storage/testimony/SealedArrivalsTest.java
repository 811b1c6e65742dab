package org.gawahi.storage.testimony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.MutableClock;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.contact.ContactHandles;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.drafts.ChatRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SealedSubmissions#storeSealed}: a record sealed elsewhere, stored as a chat testimony is. */
class SealedArrivalsTest {
    private static final ChatRef HER = ChatRef.of(5_550_001L);
    private static final String LAUNCH = "ab".repeat(32);

    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.at("2026-12-06T05:10:00Z");
    private TestStorage storage;
    private TestimonyTable table;
    private Sealer sealer;

    @BeforeEach
    void open() throws Exception {
        storage = TestStorage.create(data, clock);
        table = new TestimonyTable(storage.db);
        sealer = storage.keys.sealer();
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static String newId() {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private byte[] sealedAsThePageSealsIt(String id, String text) {
        SecretBytes json = new TestimonyContent("raid", 1, "hi", Map.of("q2", List.of("mh")), Map.of("q29", text)).toJson();
        return sealer.seal(json, SealedSubmissions.associatedData(id, 1, sealer.keyId()));
    }

    private SealedArrival store(String id, byte[] record, String launch, Optional<String> contact) {
        return storage.submissions.storeSealed(id, record, storage.pseudonyms.launchHash(launch),
                clock.instant().plus(Duration.ofMinutes(50)), HER, contact);
    }

    @Test
    void storesARecordSealedElsewhereAsAChatTestimonyIsStoredAndItOpens() throws Exception {
        String id = newId();
        byte[] record = sealedAsThePageSealsIt(id, "canary-form-7731");

        SealedArrival arrival = store(id, record, LAUNCH, Optional.empty());

        ReceiptCode receipt = arrival.receipt().orElseThrow();
        assertThat(storage.submissions.status(receipt)).contains(TestimonyStatus.PENDING);
        TestimonyTable.Row row = table.find(id).orElseThrow();
        assertThat(row.sealed()).isEqualTo(record);
        assertThat(row.keyId()).isEqualTo(sealer.keyId());
        assertThat(row.schemaVersion()).isEqualTo(SealedSubmissions.SCHEMA_VERSION);
        assertThat(row.submittedDay()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(new ContactHandles(storage.db).exists(id)).isFalse();
        try (Opener opener = storage.unlock();
             SecretBytes opened = opener.open(row.sealed(), SealedSubmissions.associatedData(id, 1, row.keyId()))) {
            assertThat(TestimonyContent.fromJson(opened).texts()).containsEntry("q29", "canary-form-7731");
        }
    }

    @Test
    void keepsHerSealedContactHandleWhenSheAskedForOne() {
        String id = newId();
        assertThat(store(id, sealedAsThePageSealsIt(id, "x"), LAUNCH, Optional.of("hi")).receipt()).isPresent();
        assertThat(new ContactHandles(storage.db).exists(id)).isTrue();
    }

    @Test
    void refusesASecondTestimonyWithTheSameLaunchAndStoresNothing() {
        String first = newId();
        store(first, sealedAsThePageSealsIt(first, "x"), LAUNCH, Optional.empty());
        String second = newId();

        SealedArrival replay = store(second, sealedAsThePageSealsIt(second, "y"), LAUNCH, Optional.empty());

        assertThat(replay.refusal()).contains(SealedArrival.Refusal.LAUNCH_USED);
        assertThat(table.find(second)).isEmpty();
        assertThat(table.count()).isEqualTo(1);
    }

    @Test
    void aUsedLaunchIsRefusedAfterARestartWithinItsHour() throws Exception {
        String first = newId();
        store(first, sealedAsThePageSealsIt(first, "x"), LAUNCH, Optional.empty());
        storage.close();
        clock.advance(Duration.ofMinutes(40));
        storage = TestStorage.create(data, clock);
        table = new TestimonyTable(storage.db);
        String second = newId();

        assertThat(store(second, sealedAsThePageSealsIt(second, "y"), LAUNCH, Optional.empty()).refusal())
                .contains(SealedArrival.Refusal.LAUNCH_USED);
    }

    @Test
    void aUsedLaunchIsForgottenOnceItsHourIsOver() {
        String first = newId();
        store(first, sealedAsThePageSealsIt(first, "x"), LAUNCH, Optional.empty());
        clock.advance(Duration.ofHours(2));

        assertThat(storage.submissions.purgeLaunches()).isEqualTo(1);
    }

    @Test
    void refusesAnIdAlreadyTakenWithoutTouchingTheRowOrUsingTheLaunch() {
        String id = newId();
        byte[] original = sealedAsThePageSealsIt(id, "x");
        store(id, original, LAUNCH, Optional.empty());

        assertThat(store(id, sealedAsThePageSealsIt(id, "y"), "cd".repeat(32), Optional.empty()).refusal())
                .contains(SealedArrival.Refusal.ID_TAKEN);
        assertThat(table.find(id).orElseThrow().sealed()).isEqualTo(original);
    }

    @Test
    void refusesWhatIsNotARecordSealedToTheCurrentKey() {
        String id = newId();
        byte[] good = sealedAsThePageSealsIt(id, "x");
        byte[] otherKey = good.clone();
        otherKey[2] = (byte) (otherKey[2] == 'a' ? 'b' : 'a');
        byte[] cut = Arrays.copyOf(good, good.length - 1);
        byte[] longer = Arrays.copyOf(good, good.length + 1024);
        byte[] version2 = good.clone();
        version2[0] = 2;
        byte[] lyingEncLength = good.clone();
        lyingEncLength[2 + good[1]] = 0;
        lyingEncLength[3 + good[1]] = 31;

        for (byte[] bad : List.of(new byte[0], "not a record".getBytes(), otherKey, cut, version2, lyingEncLength)) {
            assertThatThrownBy(() -> store(id, bad, LAUNCH, Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        // A ciphertext one padding step longer has the layout; it is refused when opened, not here.
        assertThat(store(id, longer, LAUNCH, Optional.empty()).receipt()).isPresent();
        assertThat(table.count()).isEqualTo(1);
    }

    @Test
    void refusesAnIdThatIsNotThirtyTwoLowerCaseHexDigits() {
        String id = newId();
        byte[] record = sealedAsThePageSealsIt(id, "x");
        for (String bad : new String[] {null, "", id.toUpperCase(), id + "0", "../" + id.substring(3), "g".repeat(32)}) {
            assertThatThrownBy(() -> store(bad, record, LAUNCH, Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(table.count()).isZero();
    }

    @Test
    void theLaunchTableHoldsOnlyAKeyedHashAndAnHour() {
        String id = newId();
        store(id, sealedAsThePageSealsIt(id, "x"), LAUNCH, Optional.empty());
        List<String> cells = storage.db.inTransaction(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT * FROM form_launches")) {
                List<String> out = new java.util.ArrayList<>();
                assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
                while (rs.next()) {
                    out.add(rs.getString(1));
                    out.add(rs.getString(2));
                }
                return out;
            }
        });
        assertThat(cells).hasSize(2);
        assertThat(cells.get(0)).matches("[0-9a-f]{64}").isNotEqualTo(LAUNCH);
        long hour = Long.parseLong(cells.get(1));
        assertThat(Instant.ofEpochSecond(hour * 3600)).isEqualTo(Instant.parse("2026-12-06T06:00:00Z"));
    }
}
