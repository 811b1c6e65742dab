package org.gawahi.bot.brief;

import org.gawahi.bot.wiring.StorePorts;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.bot.moderation.Outcome;
import org.gawahi.bot.moderation.Review;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Pseudonyms;
import org.gawahi.storage.crypto.ServerSecret;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.drafts.InMemoryDraftStore;
import org.gawahi.storage.reports.SealedStore;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.reports.Testimonies;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyTable;

/**
 * A data directory where testimonies arrived as intake seals them, and a moderator approved
 * them and linked them to one raid event through {@link Review}, as in Telegram or `gawahi review`.
 */
public final class RaidOnRecord {
    static final Questionnaire RAID = QuestionnaireLoader.loadDefault();
    static final LocalDate TODAY = LocalDate.of(2026, 2, 20);
    static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    static final String MODERATOR = "ab".repeat(32);
    static final String QUOTE = "They woke the children at two in the night and asked their names in the lane";

    public final SealedStore store;
    final List<ReceiptCode> receipts = new ArrayList<>();

    private RaidOnRecord(SealedStore store) {
        this.store = store;
    }

    public static RaidOnRecord create(Path data) throws Exception {
        return new RaidOnRecord(SealedStore.create(data));
    }

    /**
     * A raid like Budhwar Peth's of February 2026: {@code n} testimonies from Pune, at night,
     * no woman officer at entry, children questioned in public with faces uncovered; two tell
     * of sexual violence (fewer than the sensitive threshold: never listed); one agreed to be
     * quoted and a moderator redacted her words.
     */
    public static List<TestimonyContent> budhwarPeth(int n) {
        return budhwarPeth(n, java.time.YearMonth.of(2026, 2));
    }

    /** The same raid in {@code month}. */
    public static List<TestimonyContent> budhwarPeth(int n, java.time.YearMonth month) {
        List<TestimonyContent> contents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String acts = i < 2 ? "hit,sexual" : i % 2 == 0 ? "hit,insulted" : "insulted";
            contents.add(Testimonies.content("q1=" + month + " q2=mh q3=pune q5=night q7=no q10=" + acts
                    + " q21=yes q23=woken_night,questioned_public,face_uncovered"
                    + (i == 0 ? " u1=aggregate,quote" : "")));
        }
        if (n > 0) {
            TestimonyContent first = contents.get(0);
            contents.set(0, new TestimonyContent(first.questionnaire(), first.version(), first.language(),
                    first.answers(), Map.of("q29", QUOTE + ", and my neighbour's name")).withRedaction("q29", QUOTE));
        }
        return contents;
    }

    /** Seals the testimonies, and a moderator approves each and links it to a new event; the event id. */
    public String raid(List<TestimonyContent> contents) throws Exception {
        return link(Optional.empty(), contents);
    }

    /** Seals more testimonies, and a moderator approves each and links it to {@code event}. */
    public void join(String event, List<TestimonyContent> contents) throws Exception {
        link(Optional.of(event), contents);
    }

    private String link(Optional<String> existing, List<TestimonyContent> contents) throws Exception {
        try (Database db = Database.open(store.dataDirectory());
             Opener opener = store.keys().unlock(SealedStore.PASSPHRASE);
             ServerSecret secret = store.keys().serverSecret();
             Pseudonyms pseudonyms = new Pseudonyms(secret)) {
            SealedSubmissions submissions = new SealedSubmissions(db, store.keys().sealer(), pseudonyms,
                    new InMemoryDraftStore(CLOCK, Duration.ofHours(1)), new SecureRandom(), CLOCK);
            TestimonyTable table = new TestimonyTable(db);
            Review review = StorePorts.review(db, opener, store.keys().sealer(), CLOCK, new SecureRandom());
            String event = existing.isPresent() ? existing.get() : review.startEvent(MODERATOR);
            for (int i = 0; i < contents.size(); i++) {
                java.util.Set<String> before = new java.util.HashSet<>(table.pendingIds());
                try (var json = contents.get(i).toJson()) {
                    receipts.add(submissions.submit(ChatRef.of(1000 + receipts.size()), json));
                }
                List<String> added = new ArrayList<>(table.pendingIds());
                added.removeAll(before);
                String id = added.get(0);
                require(review.approve(MODERATOR, id));
                require(review.link(MODERATOR, id, event));
            }
            return event;
        }
    }

    /** Each author withdraws her testimony with her receipt, as /status and the web page let her. */
    public void withdrawAll() throws Exception {
        try (Database db = Database.open(store.dataDirectory());
             ServerSecret secret = store.keys().serverSecret();
             Pseudonyms pseudonyms = new Pseudonyms(secret)) {
            SealedSubmissions submissions = new SealedSubmissions(db, store.keys().sealer(), pseudonyms,
                    new InMemoryDraftStore(CLOCK, Duration.ofHours(1)), new SecureRandom(), CLOCK);
            for (ReceiptCode receipt : receipts) {
                if (!submissions.withdraw(receipt)) {
                    throw new IllegalStateException("not withdrawn");
                }
            }
        }
    }

    static BriefService service() {
        return new BriefService(RAID, SuppressionRules.defaults(), CLOCK);
    }

    BriefOutcome make(String event) throws Exception {
        try (Database db = Database.open(store.dataDirectory());
             Opener opener = store.keys().unlock(SealedStore.PASSPHRASE)) {
            return service().make(StorePorts.reports(db), opener, event, BriefService.NotOver.MARK_PROVISIONAL);
        }
    }

    BriefService.Result write(String event, String language, java.util.Optional<String> body) throws Exception {
        try (Database db = Database.open(store.dataDirectory());
             Opener opener = store.keys().unlock(SealedStore.PASSPHRASE);
             var signer = store.keys().signer(SealedStore.PASSPHRASE)) {
            return service().write(StorePorts.reports(db), opener, signer, store.keys().sealer(), event, language, body,
                    BriefService.NotOver.MARK_PROVISIONAL);
        }
    }

    /** What an adversary holding every published file can subtract: pairs of cells and those that tell a few. */
    public record Subtractions(int compared, List<String> revealing) {
    }

    /**
     * Every pair of cells of one table name across everything published whose units (the
     * testimonies or raids a cell is taken over) lie one inside the other, and those whose
     * difference covers fewer than {@code min} units: subtracting them gives those few answers.
     * A zero over the larger units is zero over any part of them, so its difference tells
     * nothing the zero does not (zeros of sensitive figures are the whole-group rule's).
     */
    public static Subtractions subtractions(org.gawahi.storage.reports.DisclosureHistory.History history, int min) {
        List<String> revealing = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, List<org.gawahi.storage.reports.EarlierCell>> table : history.tables().entrySet()) {
            for (var a : table.getValue()) {
                for (var b : table.getValue()) {
                    if (b.value() > 0 && a.units().size() < b.units().size() && b.units().containsAll(a.units())) {
                        compared++;
                        if (b.units().size() - a.units().size() < min) {
                            revealing.add(table.getKey() + ": " + b.value() + " - " + a.value());
                        }
                    }
                }
            }
        }
        return new Subtractions(compared, revealing);
    }

    private static void require(Outcome outcome) {
        if (outcome != Outcome.DONE) {
            throw new IllegalStateException("review said " + outcome);
        }
    }
}
