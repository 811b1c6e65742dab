package org.gawahi.bot.brief;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.bot.reports.ReportFile;
import org.gawahi.bot.reports.ReportService;
import org.gawahi.bot.reports.ReportSignature;
import org.gawahi.bot.reports.ReportStores;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.audit.AuditHead;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.crypto.Signer;
import org.gawahi.storage.events.EventTable;
import org.gawahi.storage.events.RaidEvents;
import org.gawahi.storage.reports.ApprovedTestimonies;
import org.gawahi.storage.reports.Cell;
import org.gawahi.storage.reports.CountedTestimony;
import org.gawahi.storage.reports.DisclosureHistory;
import org.gawahi.storage.reports.EventLinks;
import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.ReportPeriod;
import org.gawahi.storage.reports.Reporting;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.Testimonies;

/**
 * Briefs about one raid event, for any channel: the CLI's {@code brief} and the Telegram
 * {@code /brief} both call {@link #write}: {@link #make} (needs the unlocked keys), then
 * {@link #export} (needs the signing key), then the brief's tables are recorded in the
 * disclosure history (needs the sealing key) before the files are handed back. Counts only
 * approved testimonies a moderator linked to the event whose authors allowed totals, in the
 * tables of the event's month under the names and units of the period reports, through the
 * same disclosure control and checked against everything published before; refuses, in one
 * sentence and without a number, an event unknown, all withdrawn, or with fewer such
 * testimonies than a published count needs, and a brief when the history is damaged.
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
    private final Reporting reporting;
    private final ReportService reports;

    /** What a brief of an event whose month is not over gets. */
    public enum NotOver {
        /** Made, and marked provisional in every file (the CLI): it counts in the history like any other. */
        MARK_PROVISIONAL,
        /** Refused in one sentence (the chat). */
        REFUSE
    }

    public BriefService(Questionnaire questionnaire, SuppressionRules rules, Clock clock) {
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
        if (!questionnaire.indicators().defined()) {
            throw new IllegalArgumentException("the questionnaire '" + questionnaire.id() + "' has no indicators.yaml, "
                    + "so there is nothing to brief");
        }
        BriefWords.english(questionnaire.id());
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reporting = new Reporting(questionnaire, rules, clock);
        this.reports = new ReportService(questionnaire, rules, clock);
    }

    /**
     * What a brief request gave: the files, or the one sentence (in the request's language)
     * saying why there are none.
     */
    public record Result(List<ReportFile> files, Optional<String> refusal, Optional<AuditHead> auditHead,
                         Optional<String> refusalKey, boolean provisional) {
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

    /**
     * Makes and exports the brief of {@code eventId} (and a letter to {@code body}), and records
     * its tables in the disclosure history before handing the files back; or says why not.
     */
    public Result write(ReportStores stores, Opener opener, Signer signer, Sealer sealer, String eventId, String language,
                        Optional<String> body, NotOver notOver) {
        BriefOutcome outcome;
        try {
            outcome = make(stores, opener, eventId, notOver);
        } catch (DisclosureHistory.DamagedHistoryException e) {
            outcome = new BriefOutcome.Refused(Refusal.HISTORY_DAMAGED);
        }
        if (outcome instanceof BriefOutcome.Refused r) {
            return new Result(List.of(), Optional.of(refusal(r.why(), language)), Optional.empty(),
                    Optional.of(r.why().key()), false);
        }
        Brief brief = ((BriefOutcome.Ready) outcome).brief();
        List<ReportFile> files = export(brief, language, body, signer);
        reports.recordEvent(stores, sealer, brief.event().id(), brief.disclosed());
        return new Result(files, Optional.empty(), Optional.of(brief.auditHead()), Optional.empty(), brief.provisional());
    }

    /** Why no brief was made, in {@code language} (English where it has no words). */
    String refusal(Refusal why, String language) {
        if (why.reportWords()) {
            String lang = questionnaire.indicators().supports(language) ? language : "en";
            return questionnaire.indicators().texts(lang).message(why.key());
        }
        BriefWords words = BriefWords.load(questionnaire.id(), language).filter(w -> w.has(why.key()))
                .orElseGet(() -> BriefWords.english(questionnaire.id()));
        return words.get(why.key());
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
     * Its figures are the event's tables for its month (the month most of its testimonies give,
     * else the month the last of them arrived) after disclosure control against the history.
     *
     * @throws DisclosureHistory.DamagedHistoryException when a row of the history does not open
     */
    BriefOutcome make(ReportStores stores, Opener opener, String givenId, NotOver notOver) {
        Objects.requireNonNull(givenId, "givenId");
        Objects.requireNonNull(notOver, "notOver");
        RaidEvents events = stores.events();
        Optional<String> found = resolve(events, givenId);
        if (found.isEmpty()) {
            return new BriefOutcome.Refused(Refusal.UNKNOWN_EVENT);
        }
        String eventId = found.get();
        Map<TestimonyStatus, Integer> linked = events.linkedByStatus(eventId);
        if (!linked.isEmpty() && linked.keySet().stream().allMatch(s -> s == TestimonyStatus.WITHDRAWN)) {
            return new BriefOutcome.Refused(Refusal.ALL_WITHDRAWN);
        }
        List<CountedTestimony> all = open(stores, opener);
        List<CountedTestimony> ofEvent = all.stream().filter(t -> t.eventId().equals(eventId)).toList();
        if (ofEvent.isEmpty()) {
            return new BriefOutcome.Refused(Refusal.TOO_FEW);
        }
        LocalDate today = LocalDate.now(clock);
        BriefEvent event = BriefEvent.of(eventId, ofEvent, all, questionnaire, today);
        java.time.YearMonth month = event.month().orElseGet(() -> java.time.YearMonth.from(
                ofEvent.stream().map(CountedTestimony::arrived).max(LocalDate::compareTo).orElseThrow()));
        ReportPeriod period = new ReportPeriod(month, month, ReportPeriod.Granularity.MONTH);
        if (notOver == NotOver.REFUSE && period.notOverOn(today)) {
            return new BriefOutcome.Refused(Refusal.NOT_OVER);
        }
        DisclosureHistory.History history = stores.history().read(opener);
        Report disclosed = reporting.event(all, eventId, period, stores.audit().head(), history);
        if (!(disclosed.testimonies() instanceof Cell.Count counted) || counted.value() == 0) {
            return new BriefOutcome.Refused(Refusal.TOO_FEW);
        }
        Brief brief = new Brief(event, counted.value(), BriefFigures.published(disclosed), disclosed.quotes(),
                disclosed.auditHead(), today, rules, disclosed);
        return new BriefOutcome.Ready(brief);
    }

    /** The most recent events with what the desk shows of them (month, area, a band of testimonies). */
    List<Listed> recent(ReportStores stores, Opener opener) {
        List<EventTable.Event> recent = stores.events().recent(LISTED_EVENTS);
        if (recent.isEmpty()) {
            return List.of();
        }
        List<CountedTestimony> all = open(stores, opener);
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

    private static Optional<String> resolve(RaidEvents events, String given) {
        if (events.exists(given)) {
            return Optional.of(given);
        }
        if (!SHORT.matcher(given).matches()) {
            return Optional.empty();
        }
        List<String> matching = events.withPrefix(given);
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    private List<CountedTestimony> open(ReportStores stores, Opener opener) {
        Testimonies table = stores.testimonies();
        return new ApprovedTestimonies(table, opener, EventLinks.of(table.eventLinks()), false, 1)
                .open(questionnaire.indicators().counting().consent(), ApprovedTestimonies.Progress.none())
                .testimonies();
    }
}
