package org.gawahi.bot.reports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.config.questionnaire.Indicators;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Signer;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.reports.ApprovedTestimonies;
import org.gawahi.storage.reports.DisclosureHistory;
import org.gawahi.storage.reports.EventLinks;
import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.ReportPeriod;
import org.gawahi.storage.reports.Reporting;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.testimony.Testimonies;

/**
 * Reports for the collective, channel-agnostic: the CLI's {@code report} and the Telegram
 * adapter's {@code /report} both call {@link #build} (needs the unlocked keys), then
 * {@link #record} (the disclosure history), then {@link #export} (needs the signing key), and
 * hand the files on. Every figure has been through disclosure control, against everything
 * published before, before {@link #build} returns; every file {@link #export} returns comes
 * with its {@code .sig}.
 */
public final class ReportService {
    private final Questionnaire questionnaire;
    private final Reporting reporting;
    private final Clock clock;
    private final int threads;
    private final Optional<EventLinks> fixedEvents;

    /** Raids counted once per event, as moderators linked testimonies to events (read at each build). */
    public ReportService(Questionnaire questionnaire, SuppressionRules rules, Clock clock) {
        this(questionnaire, rules, clock, Optional.empty());
    }

    /** With links given instead of read from the testimony table (tests, benchmarks). */
    public ReportService(Questionnaire questionnaire, SuppressionRules rules, Clock clock, EventLinks events) {
        this(questionnaire, rules, clock, Optional.of(events));
    }

    private ReportService(Questionnaire questionnaire, SuppressionRules rules, Clock clock,
                          Optional<EventLinks> fixedEvents) {
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
        Indicators indicators = questionnaire.indicators();
        if (!indicators.defined()) {
            throw new IllegalArgumentException("the questionnaire '" + questionnaire.id() + "' has no indicators.yaml, "
                    + "so there is nothing to report");
        }
        indicators.requireMessages(Wording.MESSAGES);
        this.reporting = new Reporting(questionnaire, rules, clock);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        this.fixedEvents = Objects.requireNonNull(fixedEvents, "fixedEvents");
    }

    /**
     * Opens the counted testimonies, counts and suppresses, checked against the disclosure
     * history: the report, ready to record and export. While no testimony is linked to an
     * event, each counts as its own raid and the method note says so.
     *
     * @throws DisclosureHistory.DamagedHistoryException when a row of the history does not open
     */
    public Report build(ReportStores stores, Opener opener, ReportRequest request, ApprovedTestimonies.Progress progress) {
        Testimonies table = stores.testimonies();
        Map<String, String> stored = fixedEvents.isPresent() ? Map.of() : table.eventLinks();
        EventLinks events = fixedEvents.orElseGet(() -> EventLinks.of(stored));
        boolean ownEvents = fixedEvents.isEmpty() && stored.isEmpty();
        ApprovedTestimonies.Opened opened = new ApprovedTestimonies(table, opener,
                events, request.includePending(), threads)
                .open(questionnaire.indicators().counting().consent(), progress);
        DisclosureHistory.History history = stores.history().read(opener);
        Report report = reporting.report(opened.testimonies(), request.period(), stores.audit().head(),
                ownEvents, request.previous(), history).withLeftOut(opened.leftOut());
        return request.includePending() ? report.asRehearsal() : report;
    }

    /**
     * The figures of one raid event, for a brief: its approved testimonies counted in the tables
     * of {@code period} (the event's month) under the same names and units as period reports,
     * checked against the disclosure history. Record it with {@link #recordEvent} before it
     * leaves; print only its {@link Report#figures()} cells that are {@code Cell.Count}.
     *
     * @throws DisclosureHistory.DamagedHistoryException when a row of the history does not open
     */
    public Report buildEvent(ReportStores stores, Opener opener, String eventId, ReportPeriod period,
                             ApprovedTestimonies.Progress progress) {
        Testimonies table = stores.testimonies();
        EventLinks events = fixedEvents.orElseGet(() -> EventLinks.of(table.eventLinks()));
        ApprovedTestimonies.Opened opened = new ApprovedTestimonies(table, opener, events, false, threads)
                .open(questionnaire.indicators().counting().consent(), progress);
        DisclosureHistory.History history = stores.history().read(opener);
        return reporting.event(opened.testimonies(), eventId, period, stores.audit().head(), history)
                .withLeftOut(opened.leftOut());
    }

    /** Records a brief's tables ({@link #buildEvent}) in the disclosure history, before it leaves the process. */
    public void recordEvent(ReportStores stores, Sealer sealer, String eventId, Report brief) {
        stores.history().record(sealer, DisclosureHistory.Scope.event(eventId, brief.period()),
                brief.provisional(), brief.tables());
    }

    /**
     * Records the report's printed tables in the disclosure history, before any file of it leaves
     * the process: later reports and briefs are checked against it. A rehearsal is recorded too;
     * once printed it may leave the collective by mistake.
     */
    public void record(ReportStores stores, Sealer sealer, Report report) {
        stores.history().record(sealer, DisclosureHistory.Scope.of(report.period()),
                report.provisional(), report.tables());
    }

    /** Languages a report can be written in (English always). */
    public List<String> languages() {
        return new ArrayList<>(questionnaire.indicators().languages());
    }

    public boolean supports(String language) {
        return questionnaire.indicators().supports(language);
    }

    /** The files of one format, each followed by its signature file. */
    public List<ReportFile> export(Report report, ReportFormat format, String language, Signer signer) {
        Wording words = Wording.of(questionnaire, language);
        String base = "gawahi-report-" + report.period().fromLabel() + "_" + report.period().toLabel()
                + ("en".equals(language) ? "" : "-" + language);
        List<ReportFile> files = new ArrayList<>();
        switch (format) {
            case CSV -> files.add(new ReportFile(base + ".csv", CsvReport.render(report, words)));
            case JSON -> files.add(new ReportFile(base + ".json", JsonReport.render(report, words, questionnaire)));
            case PDF -> files.add(new ReportFile(base + ".pdf",
                    PdfBrief.render(report, words, questionnaire, signer.keyId())));
            case PNG -> {
                Charts.overview(report, words).ifPresent(png -> files.add(new ReportFile(base + "-overview.png", png)));
                report.figures().forEach(f -> {
                    Optional<byte[]> png = Charts.byArea(report, f, words);
                    png.ifPresent(p -> files.add(new ReportFile(base + "-" + f.indicator().id() + ".png", p)));
                });
            }
        }
        List<ReportFile> signed = new ArrayList<>();
        for (ReportFile file : files) {
            signed.add(file);
            signed.add(new ReportFile(file.name() + ReportSignature.SUFFIX,
                    ReportSignature.sign(file.name(), file.content(), signer, report.rehearsal())));
        }
        return signed;
    }

    /** Reads the suppression pattern of an earlier JSON report, for {@link ReportRequest#previous()}. */
    public static java.util.Map<String, java.util.Set<org.gawahi.storage.reports.CellKey>> previousPattern(byte[] json) {
        return JsonReport.pattern(json);
    }
}
