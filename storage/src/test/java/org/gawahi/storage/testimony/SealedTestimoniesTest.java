package org.gawahi.storage.testimony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one owner of stored testimonies opens what intake sealed, replaces content only over
 * exactly what was opened, and never opens content moved from another row: the associated data
 * it makes binds the content to its row, as intake's does.
 */
class SealedTestimoniesTest {
    private static final ChatRef CHAT = ChatRef.of(987_654_321_012L);

    @TempDir
    Path data;

    private TestStorage storage;
    private SealedTestimonies testimonies;
    private Opener opener;

    @BeforeEach
    void open() throws Exception {
        storage = TestStorage.create(data);
        testimonies = new SealedTestimonies(storage.db);
        opener = storage.unlock();
    }

    @AfterEach
    void close() {
        opener.close();
        storage.close();
    }

    private static SecretBytes testimony(String text) {
        return new TestimonyContent("raid", 1, "hi", Map.of("q2", List.of("mh")), Map.of("q29", text)).toJson();
    }

    private TestimonyTable.Row submitted(String text) {
        List<String> before = testimonies.sealed().stream().map(TestimonyTable.Row::id).toList();
        storage.submissions.submit(CHAT, testimony(text));
        return testimonies.sealed().stream().filter(r -> !before.contains(r.id())).findFirst().orElseThrow();
    }

    @Test
    void opensWhatIntakeSealedByItsId() throws Exception {
        String id = submitted("they came at night").id();

        TestimonyTable.Row row = testimonies.find(id).orElseThrow();

        assertThat(testimonies.open(row, opener).texts()).containsEntry("q29", "they came at night");
        assertThat(testimonies.pending()).extracting(TestimonyTable.Row::id).containsExactly(id);
    }

    @Test
    void aReplacementOverContentThatChangedMeanwhileIsRefusedAndTheFirstOneStands() throws Exception {
        TestimonyTable.Row opened = submitted("they took my phone");
        TestimonyContent content = testimonies.open(opened, opener);

        assertThat(testimonies.replaceIfUnchanged(opened, content.withRedaction("q29", "they took it"),
                storage.keys.sealer())).isTrue();
        // A second moderator who opened the same row before the first replaced it.
        assertThat(testimonies.replaceIfUnchanged(opened, content.withRedaction("q29", "took"),
                storage.keys.sealer())).isFalse();

        TestimonyTable.Row now = testimonies.find(opened.id()).orElseThrow();
        assertThat(testimonies.open(now, opener).texts()).containsEntry("q29", "they took it");
    }

    @Test
    void aWithdrawnTestimonyIsNeitherOpenedNorReplaced() throws Exception {
        storage.submissions.submit(CHAT, testimony("first"));
        TestimonyTable.Row opened = testimonies.sealed().get(0);
        storage.db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE testimonies SET sealed = NULL, key_id = NULL, status = 'WITHDRAWN' WHERE id = ?")) {
                s.setString(1, opened.id());
                s.executeUpdate();
            }
        });

        assertThat(testimonies.replaceIfUnchanged(opened, testimonies.open(opened, opener).withUrgent(),
                storage.keys.sealer())).isFalse();
        TestimonyTable.Row gone = testimonies.find(opened.id()).orElseThrow();
        assertThat(gone.holdsContent()).isFalse();
        assertThatThrownBy(() -> testimonies.open(gone, opener)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void contentCopiedIntoAnotherRowDoesNotOpenThere() throws Exception {
        TestimonyTable.Row a = submitted("the first one");
        TestimonyTable.Row b = submitted("the second one");
        storage.db.run(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE testimonies SET sealed = ? WHERE id = ?")) {
                s.setBytes(1, a.sealed());
                s.setString(2, b.id());
                s.executeUpdate();
            }
        });

        TestimonyTable.Row forged = testimonies.find(b.id()).orElseThrow();
        assertThatThrownBy(() -> testimonies.open(forged, opener)).isInstanceOf(CannotOpenException.class);
        assertThat(testimonies.open(testimonies.find(a.id()).orElseThrow(), opener).texts())
                .containsEntry("q29", "the first one");
    }

    @Test
    void theRecipeIsTheOneIntakeSealsWith() {
        byte[] made = SealedTestimonies.associatedData("00112233445566778899aabbccddeeff", 1, "key-1");

        assertThat(made).isEqualTo(SealedSubmissions.associatedData("00112233445566778899aabbccddeeff", 1, "key-1"));
        assertThat(made).isEqualTo(org.gawahi.storage.crypto.AssociatedData.of("testimony",
                "00112233445566778899aabbccddeeff", 1, "key-1").bytes());
    }
}
