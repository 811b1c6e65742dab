package org.gawahi.bot.brief;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.bot.reports.ReportFile;
import org.gawahi.bot.reports.ReportSignature;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.audit.AuditHead;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Signer;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.events.EventTable;
import org.gawahi.storage.reports.ApprovedTestimonies;
import org.gawahi.storage.reports.CountedTestimony;
import org.gawahi.storage.reports.EventLinks;
import org.gawahi.storage.reports.Quotes;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;

/**
 * Briefs about one raid event, for any channel: the CLI's {@code brief} and the Telegram
 * {@code /brief} both call {@link #make} (needs the unlocked keys), then {@link #export}
 * (needs the signing key). Counts only approved testimonies a moderator linked to the event
 * whose authors allowed totals; refuses, in one sentence and without a number, an event
 * unknown, all withdrawn, or with fewer such testimonies than a published count needs.
 */
public final class BriefService {
    /** How many events the desk lists, newest first. */
    static final int LISTED_EVENTS = 8;
    /** Review shows an event's id by its first 8 characters. */
    static final int SHORT_ID = 8;
    private static final java.util.regex.Pattern SHORT = java.util.regex.Pattern.compile("[0-9a-f]{8,31}");

    private final Questionnaire questionnaire;
    private final SuppressionRules rules;
    private final Clock clock;

    public BriefService(Questionnaire questionnaire, SuppressionRules rules, Clock clock) {
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
        if (!questionnaire.indicators().defined()) {
            throw new IllegalArgumentException("the questionnaire '" + questionnaire.id() + "' has no indicators.yaml, "
                    + "so there is nothing to brief");
        }
        BriefWords.english(questionnaire.id());
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What a brief request gave: the files, or the one sentence (in the request's language)
     * saying why there are none.
     */
    public record Result(List<ReportFile> files, Optional<String> refusal, Optional<AuditHead> auditHead,
                         Optional<String> refusalKey) {
        public Result {
            files = List.copyOf(files);
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(auditHead, "auditHead");
            Objects.requireNonNull(refusalKey, "refusalKey");
        }

        @Override
        public String toString() {
            return "Result[" + files.size() + " files" + (refusal.isPresent() ? ", refused" : "") + "]";
        }
    }

    /** Makes and exports the brief of {@code eventId} (and a letter to {@code body}), or says why not. */
    public Result write(Database db, Opener opener, Signer signer, String eventId, String language,
                        Optional<String> body) {
        BriefOutcome outcome = make(db, opener, eventId);
        if (outcome instanceof BriefOutcome.Refused r) {
            BriefWords words = BriefWords.load(questionnaire.id(), language).orElseGet(() -> BriefWords.english(questionnaire.id()));
            return new Result(List.of(), Optional.of(words.get(r.why().key())), Optional.empty(),
                    Optional.of(r.why().key()));
        }
        Brief brief = ((BriefOutcome.Ready) outcome).brief();
        return new Result(export(brief, language, body, signer), Optional.empty(), Optional.of(brief.auditHead()),
                Optional.empty());
    }

    /** Whether the questionnaire has what a brief needs: indicators and brief words in English. */
    public static boolean available(Questionnaire questionnaire) {
        return questionnaire.indicators().defined() && BriefWords.load(questionnaire.id(), "en").isPresent();
    }

    /** An event as the desk lists it: the count is only ever shown as a band. */
    record Listed(BriefEvent event, long testimonies) {
    }

    /**
     * The brief of one event, or why there is none. The event is its id, or the start of it that
     * review shows (at least {@value #SHORT_ID} characters) when no other event starts the same way.
     */
    BriefOutcome make(Database db, Opener opener, String givenId) {
        Objects.requireNonNull(givenId, "givenId");
        EventTable events = new EventTable(db);
        Optional<String> found = resolve(events, givenId);
        if (found.isEmpty()) {
            return new BriefOutcome.Refused(Refusal.UNKNOWN_EVENT);
        }
        String eventId = found.get();
        Map<TestimonyStatus, Integer> linked = events.linkedByStatus(eventId);
        if (!linked.isEmpty() && linked.keySet().stream().allMatch(s -> s == TestimonyStatus.WITHDRAWN)) {
            return new BriefOutcome.Refused(Refusal.ALL_WITHDRAWN);
        }
        List<CountedTestimony> all = open(db, opener);
        List<CountedTestimony> ofEvent = all.stream().filter(t -> t.eventId().equals(eventId)).toList();
        if (!(BriefFigures.testimonies(ofEvent.size(), rules) instanceof org.gawahi.storage.reports.Cell.Count)
                || ofEvent.isEmpty()) {
            return new BriefOutcome.Refused(Refusal.TOO_FEW);
        }
        LocalDate today = LocalDate.now(clock);
        var counting = questionnaire.indicators().counting();
        Brief brief = new Brief(BriefEvent.of(eventId, ofEvent, all, questionnaire, today), ofEvent.size(),
                BriefFigures.publish(questionnaire.indicators().all(), ofEvent, counting.firstHand(), rules),
                new Quotes(counting.quoteConsent(), rules.minimumCount()).of(ofEvent),
                new AuditLog(db, clock).head(), today, rules);
        return new BriefOutcome.Ready(brief);
    }

    /** The most recent events with what the desk shows of them (month, area, a band of testimonies). */
    List<Listed> recent(Database db, Opener opener) {
        List<EventTable.Event> recent = new EventTable(db).recent(LISTED_EVENTS);
        if (recent.isEmpty()) {
            return List.of();
        }
        List<CountedTestimony> all = open(db, opener);
        LocalDate today = LocalDate.now(clock);
        List<Listed> listed = new ArrayList<>();
        for (EventTable.Event e : recent) {
            List<CountedTestimony> ofEvent = all.stream().filter(t -> t.eventId().equals(e.id())).toList();
            listed.add(new Listed(BriefEvent.of(e.id(), ofEvent, all, questionnaire, today), ofEvent.size()));
        }
        return listed;
    }

    /** The smallest number of testimonies a brief is made from (the report threshold). */
    int minimumCount() {
        return rules.minimumCount();
    }

    /** Languages a brief and its letters can be written in. */
    public List<String> languages() {
        return BriefWords.SHIPPED.stream()
                .filter(l -> BriefWords.load(questionnaire.id(), l).filter(BriefWords::documents).isPresent()
                        && questionnaire.indicators().supports(l))
                .toList();
    }

    /** The bodies a letter can go to: scw, scpcr, shrc, dlsa, cp. */
    public static List<String> bodies() {
        return BriefWords.BODIES;
    }

    /**
     * The brief as PDF and DOCX, and with a body the draft letter to it as DOCX and PDF, each
     * file followed by its signature.
     */
    List<ReportFile> export(Brief brief, String language, Optional<String> body, Signer signer) {
        if (!languages().contains(language)) {
            throw new IllegalArgumentException("no brief words in '" + language + "'");
        }
        body.filter(b -> !bodies().contains(b)).ifPresent(b -> {
            throw new IllegalArgumentException("no letter to '" + b + "'");
        });
        BriefWords words = BriefWords.load(questionnaire.id(), language).orElseThrow();
        String base = "gawahi-brief-" + brief.event().id().substring(0, Math.min(8, brief.event().id().length()))
                + "-" + language;
        List<Block> briefBlocks = BriefLayout.brief(brief, words, questionnaire, signer.keyId());
        String footer = words.get("brief.audit_head", BriefLayout.audit(brief));
        List<ReportFile> files = new ArrayList<>();
        files.add(new ReportFile(base + ".pdf", PdfBlocks.render(briefBlocks, words.get("brief.title"), footer)));
        files.add(new ReportFile(base + ".docx", DocxBlocks.render(briefBlocks, words.get("brief.title"), "")));
        if (body.isPresent()) {
            List<Block> letter = BriefLayout.letter(brief, words, questionnaire, body.get());
            String name = base.replace("gawahi-brief-", "gawahi-letter-" + body.get() + "-");
            String title = words.get("letter.bodies." + body.get() + ".name");
            files.add(new ReportFile(name + ".docx", DocxBlocks.render(letter, title, "")));
            files.add(new ReportFile(name + ".pdf", PdfBlocks.render(letter, title, "")));
        }
        List<ReportFile> signed = new ArrayList<>();
        for (ReportFile file : files) {
            signed.add(file);
            signed.add(new ReportFile(file.name() + ReportSignature.SUFFIX,
                    ReportSignature.sign(file.name(), file.content(), signer)));
        }
        return signed;
    }

    private static Optional<String> resolve(EventTable events, String given) {
        if (events.exists(given)) {
            return Optional.of(given);
        }
        if (!SHORT.matcher(given).matches()) {
            return Optional.empty();
        }
        List<String> matching = events.withPrefix(given);
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    private List<CountedTestimony> open(Database db, Opener opener) {
        TestimonyTable table = new TestimonyTable(db);
        return new ApprovedTestimonies(table, opener, EventLinks.of(table.eventLinks()), false, 1)
                .open(questionnaire.indicators().counting().consent(), ApprovedTestimonies.Progress.none())
                .testimonies();
    }
}
