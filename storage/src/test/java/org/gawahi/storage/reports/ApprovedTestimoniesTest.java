package org.gawahi.storage.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovedTestimoniesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path data;

    @Test
    void opensApprovedTestimoniesWhoseAuthorsAllowedTotalsAndNothingElse() throws Exception {
        SealedStore store = SealedStore.create(data);
        try (Database db = Database.open(data); Opener opener = store.keys().unlock(SealedStore.PASSPHRASE)) {
            List<String> approved = store.submit(db, List.of(Testimonies.content("q2=mh"), Testimonies.content("q2=ka")),
                    DAY, TestimonyStatus.APPROVED);
            store.submit(db, List.of(Testimonies.content("q2=dl")), DAY, TestimonyStatus.PENDING);
            store.submit(db, List.of(Testimonies.content("q2=wb")), DAY, TestimonyStatus.REJECTED);
            store.submit(db, List.of(Testimonies.content("q2=tg u1=quote")), DAY, TestimonyStatus.APPROVED);
            List<int[]> progress = new ArrayList<>();

            ApprovedTestimonies.Opened opened = new ApprovedTestimonies(new org.gawahi.storage.testimony.SealedTestimonies(db), opener,
                    EventLinks.eachOwnEvent(), false, 2).open(consent(), (done, total) -> progress.add(new int[] {done, total}));

            assertThat(opened.testimonies()).extracting(CountedTestimony::testimonyId)
                    .containsExactlyInAnyOrderElementsOf(approved);
            assertThat(opened.testimonies()).allSatisfy(t -> {
                assertThat(t.eventId()).isEqualTo(t.testimonyId());
                assertThat(t.arrived()).isEqualTo(DAY);
            });
            assertThat(opened.withoutConsent()).isEqualTo(1);
            assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(3, 3));
        }
    }

    @Test
    void countsPendingOnesOnlyWhenAskedTo() throws Exception {
        SealedStore store = SealedStore.create(data);
        try (Database db = Database.open(data); Opener opener = store.keys().unlock(SealedStore.PASSPHRASE)) {
            store.submit(db, List.of(Testimonies.content("q2=dl")), DAY, TestimonyStatus.PENDING);

            ApprovedTestimonies.Opened opened = new ApprovedTestimonies(new org.gawahi.storage.testimony.SealedTestimonies(db), opener,
                    EventLinks.eachOwnEvent(), true, 1).open(consent(), ApprovedTestimonies.Progress.none());

            assertThat(opened.testimonies()).hasSize(1);
        }
    }

    @Test
    void leavesOutARowThatDoesNotOpenAndSaysSo() throws Exception {
        SealedStore store = SealedStore.create(data);
        try (Database db = Database.open(data); Opener opener = store.keys().unlock(SealedStore.PASSPHRASE)) {
            List<String> ids = store.submit(db, List.of(Testimonies.content("q2=mh"), Testimonies.content("q2=ka")),
                    DAY, TestimonyStatus.APPROVED);
            db.run(c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE testimonies SET schema_version = 9 WHERE id = ?")) {
                    s.setString(1, ids.get(0));
                    s.executeUpdate();
                }
            });

            ApprovedTestimonies.Opened opened = new ApprovedTestimonies(new org.gawahi.storage.testimony.SealedTestimonies(db), opener,
                    EventLinks.eachOwnEvent(), false, 2).open(consent(), ApprovedTestimonies.Progress.none());

            assertThat(opened.testimonies()).extracting(CountedTestimony::testimonyId).containsExactly(ids.get(1));
            assertThat(opened.unreadable()).isEqualTo(1);
        }
    }

    private static org.gawahi.config.questionnaire.Condition consent() {
        return QuestionnaireLoader.loadDefault().indicators().counting().consent();
    }
}
