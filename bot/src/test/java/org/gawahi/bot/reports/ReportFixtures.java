package org.gawahi.bot.reports;

import org.gawahi.bot.wiring.StorePorts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Signer;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.reports.ApprovedTestimonies;
import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.ReportPeriod;
import org.gawahi.storage.reports.SealedStore;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.testimony.TestimonyStatus;

/** A data directory holding a sealed, approved generated data set, and reports made from it. */
final class ReportFixtures {
    static final Questionnaire RAID = QuestionnaireLoader.loadDefault();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private ReportFixtures() {
    }

    static SealedStore store(Path data, RaidDataSet set) throws Exception {
        SealedStore store = SealedStore.create(data);
        try (Database db = Database.open(data)) {
            store.submit(db, set.testimonies, LocalDate.of(2026, 1, 5), TestimonyStatus.APPROVED);
        }
        return store;
    }

    static ReportService service() {
        return new ReportService(RAID, SuppressionRules.defaults(), CLOCK);
    }

    static Report report(SealedStore store, String from, String to) throws Exception {
        try (Database db = Database.open(store.dataDirectory());
             Opener opener = store.keys().unlock(SealedStore.PASSPHRASE)) {
            ReportPeriod period = ReportPeriod.parse(from, to, ReportPeriod.Granularity.QUARTER, TODAY);
            return service().build(StorePorts.reports(db), opener, ReportRequest.of(period), ApprovedTestimonies.Progress.none());
        }
    }

    static List<ReportFile> export(SealedStore store, Report report, ReportFormat format, String language) throws Exception {
        try (Signer signer = store.keys().signer(SealedStore.PASSPHRASE)) {
            return service().export(report, format, language, signer);
        }
    }
}
