package org.gawahi.storage.testimony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gawahi.storage.TestStorage;
import org.gawahi.storage.drafts.ChatRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a copy of the testimony table says beside the sealed content: no urgency, no order of arrival. */
class TestimonyMetadataTest {
    @TempDir
    Path dir;

    private TestStorage storage;

    @BeforeEach
    void setUp() throws Exception {
        storage = TestStorage.create(dir);
    }

    @AfterEach
    void tearDown() {
        storage.close();
    }

    @Test
    void noClearColumnSaysATestimonyIsUrgent() {
        storage.submissions.submit(ChatRef.of(1), content("calm").toJson(), false);
        storage.submissions.submit(ChatRef.of(2), content("she is still held").toJson(), true);
        assertThat(columns()).doesNotContain("urgent")
                .containsExactlyInAnyOrder("id", "key_id", "schema_version", "sealed", "status", "submitted_day",
                        "receipt_hash", "decided_day", "event_id", "reject_reason", "decision");
        // Every clear column but the random id and receipt hash reads alike for the urgent and the calm one.
        List<String> clear = storage.db.strings("SELECT DISTINCT coalesce(key_id, '') || '|' || schema_version || '|' "
                + "|| status || '|' || submitted_day || '|' || coalesce(decided_day, '') || '|' || coalesce(event_id, '') "
                + "|| '|' || coalesce(reject_reason, '') || '|' || coalesce(hex(decision), '') FROM testimonies");
        assertThat(clear).hasSize(1);
    }

    @Test
    void newRowsGetRandomRowidsSoNeitherIdsNorFileOrderTellTheOrderOfArrival() {
        List<Long> rowids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            storage.submissions.submit(ChatRef.of(i + 1), content("t" + i).toJson());
            List<String> newest = storage.db.strings("SELECT rowid FROM testimonies WHERE rowid NOT IN ("
                    + (rowids.isEmpty() ? "-1" : String.join(",", rowids.stream().map(String::valueOf).toList())) + ")");
            assertThat(newest).hasSize(1);
            rowids.add(Long.parseLong(newest.get(0)));
        }
        assertThat(rowids).allSatisfy(r -> assertThat(r).isPositive());
        assertThat(rowids).isNotEqualTo(rowids.stream().sorted().toList()); // 1 chance in 20! of failing by luck
        assertThat(rowids.stream().filter(r -> r > (1L << 40)).count()).isGreaterThan(15); // not 1, 2, 3...
        // The file, and so a backup, holds the rows in rowid order: not the order of arrival either.
        assertThat(storage.db.strings("SELECT rowid FROM testimonies").stream().map(Long::parseLong).toList())
                .isNotEqualTo(rowids);
    }

    private List<String> columns() {
        return storage.db.strings("SELECT name FROM pragma_table_info('testimonies')");
    }

    private static TestimonyContent content(String text) {
        return new TestimonyContent("raid", 1, "en", Map.of(), Map.of("q29", text));
    }
}
