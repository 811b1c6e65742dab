package org.gawahi.storage.reports;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.gawahi.storage.audit.AuditHead;

/**
 * A report after disclosure control: everything an export may print, and nothing else.
 *
 * @param testimonies     how many testimonies were counted, as it may be printed
 * @param events          how many raid events they tell of, as it may be printed
 * @param ownEvents       true while each testimony counts as its own raid (no event links)
 * @param districts       whether any district is shown on its own
 * @param quotes          quotes that may be printed (consented and redacted)
 * @param rehearsal       testimonies no moderator approved were counted: not for publication
 * @param leftOut         rows that would have been counted but were left out, and why
 */
public record Report(
        ReportPeriod period,
        SuppressionRules rules,
        LocalDate madeOn,
        AuditHead auditHead,
        Cell testimonies,
        Cell events,
        boolean ownEvents,
        boolean districts,
        List<Figure> figures,
        List<String> quotes,
        boolean rehearsal,
        LeftOut leftOut) {

    /**
     * Rows left out of the count: {@code unreadable} did not open (damaged, or sealed to a key
     * that is not unlocked); {@code notAuthentic} hold a state no moderator's decision
     * authenticates (changed or inserted outside Gawahi). {@code gawahi doctor} names them.
     */
    public record LeftOut(int unreadable, int notAuthentic) {
        public static final LeftOut NONE = new LeftOut(0, 0);

        public boolean any() {
            return unreadable > 0 || notAuthentic > 0;
        }
    }

    public Report {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(madeOn, "madeOn");
        Objects.requireNonNull(auditHead, "auditHead");
        Objects.requireNonNull(testimonies, "testimonies");
        Objects.requireNonNull(events, "events");
        figures = List.copyOf(figures);
        quotes = List.copyOf(quotes);
        Objects.requireNonNull(leftOut, "leftOut");
    }

    /** The same report, saying which rows were left out. */
    public Report withLeftOut(LeftOut left) {
        return new Report(period, rules, madeOn, auditHead, testimonies, events, ownEvents, districts, figures, quotes,
                rehearsal, left);
    }

    /**
     * The same report, marked as a rehearsal on unapproved testimonies, and without quotes:
     * words are printed only from testimonies a moderator approved.
     */
    public Report asRehearsal() {
        return new Report(period, rules, madeOn, auditHead, testimonies, events, ownEvents, districts, figures, List.of(),
                true, leftOut);
    }

    /** True when no figure has anything to print: the report says so instead of printing zeros. */
    public boolean nothingToPublish() {
        return figures.stream().allMatch(Figure::nothingToPublish);
    }

    /**
     * The cells suppressed in each table ({@code <indicator>/counts}, {@code <indicator>/denominators}),
     * to keep and pass back when the same period is reported again.
     */
    public Map<String, Set<CellKey>> suppressionPattern() {
        Map<String, Set<CellKey>> pattern = new LinkedHashMap<>();
        tables().forEach((name, table) -> pattern.put(name, table.suppressedKeys()));
        return pattern;
    }

    /**
     * Every table of the report by its name in the disclosure history ({@code <indicator>/counts},
     * {@code <indicator>/denominators}; a raid indicator of one event's figures, counted by testimony,
     * as {@code <indicator>/by-testimony/counts}...): what {@link DisclosureHistory#record} keeps.
     */
    public Map<String, PublishedTable> tables() {
        Map<String, PublishedTable> tables = new LinkedHashMap<>();
        for (Figure f : figures) {
            tables.put(counts(f.table()), f.counts());
            f.denominators().ifPresent(d -> tables.put(denominators(f.table()), d));
        }
        return tables;
    }

    /** The name of an indicator's counts table, in every report and brief alike. */
    public static String counts(String indicator) {
        return indicator + "/counts";
    }

    /** The name of an indicator's denominators table. */
    public static String denominators(String indicator) {
        return indicator + "/denominators";
    }

    /**
     * True when the period was not over on the day the report was made: its figures can still
     * change, and every format says so. It counts in the disclosure history like any other.
     */
    public boolean provisional() {
        return period.notOverOn(madeOn);
    }
}
