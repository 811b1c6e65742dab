package org.gawahi.storage.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.gawahi.config.questionnaire.Indicator;
import org.gawahi.config.questionnaire.Indicators;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.audit.AuditHead;

/**
 * Turns opened testimonies into a {@link Report}: counts every indicator of the
 * questionnaire by area and period, then puts every table through the {@link Suppressor}
 * and every share through {@link Percentages} before anything is returned. No raw count
 * is reachable from the result.
 */
public final class Reporting {
    /** Districts are published only once the period ended this many months ago (research §7). */
    static final int DISTRICT_LAG_MONTHS = 3;

    private final Questionnaire questionnaire;
    private final Indicators indicators;
    private final SuppressionRules rules;
    private final Clock clock;

    public Reporting(Questionnaire questionnaire, SuppressionRules rules, Clock clock) {
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
        this.indicators = questionnaire.indicators();
        if (!indicators.defined()) {
            throw new IllegalArgumentException("questionnaire " + questionnaire.id() + " defines no indicators "
                    + "(no indicators.yaml): it cannot be reported on");
        }
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param ownEvents            true while testimonies are not linked to events (said in the method note)
     * @param previouslySuppressed {@link Report#suppressionPattern()} of an earlier report of the
     *                             same period, or an empty map
     */
    public Report report(List<CountedTestimony> testimonies, ReportPeriod period, AuditHead auditHead,
                         boolean ownEvents, Map<String, Set<CellKey>> previouslySuppressed) {
        return report(testimonies, period, auditHead, ownEvents, previouslySuppressed, DisclosureHistory.History.EMPTY);
    }

    /**
     * The figures of one raid event, for a brief: the report of {@code period} (the event's
     * month) over the event's testimonies only, with the same table names and units as period
     * reports, so that each is checked against the other in the disclosure history. Except the
     * indicators counted in raids: one event is one raid, under any threshold, so here they are
     * counted by testimony ("9 of the 12 testimonies say"), unit {@code t:<testimony>}, under
     * their own names ({@link Figure#table()}: {@code <indicator>/by-testimony/counts}...), which
     * the history checks against earlier by-testimony tables only, never against per-raid cells.
     */
    public Report event(List<CountedTestimony> testimonies, String eventId, ReportPeriod period, AuditHead auditHead,
                        DisclosureHistory.History history) {
        Objects.requireNonNull(eventId, "eventId");
        return report(testimonies.stream().filter(t -> t.eventId().equals(eventId)).toList(), period, auditHead,
                false, Map.of(), history, true);
    }

    /**
     * As above, checked against everything published before ({@link DisclosureHistory#read}):
     * refuses ({@link DisclosureHistory.DamagedHistoryException}) when any of it did not open.
     */
    public Report report(List<CountedTestimony> testimonies, ReportPeriod period, AuditHead auditHead,
                         boolean ownEvents, Map<String, Set<CellKey>> previouslySuppressed,
                         DisclosureHistory.History history) {
        return report(testimonies, period, auditHead, ownEvents, previouslySuppressed, history, false);
    }

    private Report report(List<CountedTestimony> testimonies, ReportPeriod period, AuditHead auditHead,
                          boolean ownEvents, Map<String, Set<CellKey>> previouslySuppressed,
                          DisclosureHistory.History history, boolean byTestimony) {
        Objects.requireNonNull(history, "history").requireIntact();
        Objects.requireNonNull(testimonies, "testimonies");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(auditHead, "auditHead");
        Objects.requireNonNull(previouslySuppressed, "previouslySuppressed");
        LocalDate today = LocalDate.now(clock);
        Counter counter = new Counter(indicators.counting(), period, byTestimony);
        List<Counter.Placed> inPeriod = counter.inPeriod(testimonies.stream()
                .filter(t -> t.content().questionnaire().equals(questionnaire.id())).toList());
        Areas states = Areas.states(questionnaire);
        boolean lagPassed = !period.end().plusMonths(DISTRICT_LAG_MONTHS).isAfter(today);
        Areas districts = lagPassed
                ? Areas.withDistricts(questionnaire, inPeriod.stream().map(Counter.Placed::testimony).toList())
                : states;

        Suppressor suppressor = new Suppressor(rules);
        Percentages percentages = new Percentages(rules);
        List<Figure> figures = new ArrayList<>();
        for (Indicator indicator : indicators.all()) {
            Areas areas = indicator.finestArea() == Indicator.AreaLevel.DISTRICT && !indicator.sensitive() ? districts : states;
            Counter.Counts counts = counter.count(indicator, inPeriod, areas);
            figures.add(publish(counts, indicator.unit() == Indicator.Unit.RAIDS && byTestimony, suppressor, percentages,
                    previouslySuppressed, history));
        }

        Set<String> events = new HashSet<>();
        inPeriod.forEach(p -> events.add(p.testimony().eventId()));
        Cell eventCell = figures.stream().filter(f -> !f.byTestimony()
                        && f.indicator().unit() == Indicator.Unit.RAIDS && !f.indicator().isShare()
                        && f.indicator().population() == Indicator.Population.ALL)
                .findFirst().map(f -> f.counts().grandTotal())
                .orElseGet(() -> thresholded(events.size()));
        Cell testimonyCell = events.size() == inPeriod.size() ? eventCell : thresholded(inPeriod.size());
        List<String> quotes = new Quotes(indicators.counting().quoteConsent(), rules.minimumCount())
                .of(inPeriod.stream().map(Counter.Placed::testimony).toList());
        return new Report(period, rules, today, auditHead, testimonyCell, eventCell, ownEvents,
                districts.hasDistricts(), figures, quotes, false, Report.LeftOut.NONE);
    }

    private Figure publish(Counter.Counts counts, boolean byTestimony, Suppressor suppressor, Percentages percentages,
                           Map<String, Set<CellKey>> previous, DisclosureHistory.History history) {
        String id = Figure.table(counts.indicator().id(), byTestimony);
        PublishedTable published = suppressor.suppress(counts.numerators(), previous.getOrDefault(Report.counts(id), Set.of()),
                history.cells(Report.counts(id)), counts.denominators());
        if (counts.denominators().isEmpty()) {
            return new Figure(counts.indicator(), published, java.util.Optional.empty(), Map.of(), byTestimony);
        }
        PublishedTable denominators = suppressor.suppress(counts.denominators().get(),
                previous.getOrDefault(Report.denominators(id), Set.of()), history.cells(Report.denominators(id)),
                java.util.Optional.empty());
        Map<CellKey, Percentage> shares = new HashMap<>();
        List<String> rows = new ArrayList<>(published.rows());
        rows.add(CellKey.TOTAL);
        List<String> columns = new ArrayList<>(published.columns());
        columns.add(CellKey.TOTAL);
        for (String row : rows) {
            for (String column : columns) {
                CellKey key = new CellKey(row, column);
                shares.put(key, percentages.of(published.cell(key), denominators.cell(key)));
            }
        }
        return new Figure(counts.indicator(), published, java.util.Optional.of(denominators), shares, byTestimony);
    }

    /** A lone count for the method note: printed when it reaches the threshold, else withheld. */
    private Cell thresholded(long count) {
        return count == 0 || count >= rules.minimumCount() ? new Cell.Count(count)
                : new Cell.Suppressed(Cell.Reason.PRIMARY);
    }
}
