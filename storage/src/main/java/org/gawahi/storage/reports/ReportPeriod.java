package org.gawahi.storage.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The months a report covers, and how they are grouped into columns: by quarter (the
 * default, research §7) or by month (on request). Raids dated only by year, or not at all,
 * go to one more column, {@link #UNKNOWN}, that is never split finer.
 */
public record ReportPeriod(YearMonth from, YearMonth to, Granularity granularity) {
    /** The column of testimonies that give only the year of the raid, or no date. */
    public static final String UNKNOWN = "unknown";
    /** 2026-Q3, and 2026q3 as /report in Telegram takes it: one syntax for the CLI and the chat. */
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    public enum Granularity { QUARTER, MONTH }

    /** No period starts before this year: {@code 0000-01} is a typing slip, not a period. */
    public static final int EARLIEST_YEAR = 1950;

    /** A period that cannot be reported, with words for the person who asked for it. */
    public static final class InvalidPeriodException extends IllegalArgumentException {
        /** What is wrong, for an adapter that answers in the asker's language. */
        public enum Kind { NOT_A_PERIOD, FUTURE }

        private final Kind kind;

        public InvalidPeriodException(String message) {
            this(message, Kind.NOT_A_PERIOD);
        }

        public InvalidPeriodException(String message, Kind kind) {
            super(message);
            this.kind = java.util.Objects.requireNonNull(kind, "kind");
        }

        public Kind kind() {
            return kind;
        }
    }

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(granularity, "granularity");
        if (from.isAfter(to)) {
            throw new InvalidPeriodException("The period is empty: " + label(from, granularity) + " comes after "
                    + label(to, granularity) + ".");
        }
        if (granularity == Granularity.QUARTER && (from.getMonthValue() % 3 != 1 || to.getMonthValue() % 3 != 0)) {
            throw new InvalidPeriodException("By quarter, a period runs from the first month of a quarter to the last "
                    + "month of one: write 2026-Q1, or ask for months with --by month.");
        }
    }

    /**
     * Reads {@code 2026-Q1} or {@code 2026-03} for each end; a quarter at the end means its
     * last month. Refuses an empty period and one that starts after {@code today}'s month.
     */
    public static ReportPeriod parse(String from, String to, Granularity granularity, LocalDate today) {
        YearMonth start = parseEnd(from, true);
        YearMonth end = parseEnd(to, false);
        YearMonth now = YearMonth.from(today);
        if (start.isAfter(now)) {
            throw new InvalidPeriodException("The period starts in the future (" + from.strip() + "); nothing can have "
                    + "been reported for it yet.", InvalidPeriodException.Kind.FUTURE);
        }
        if (end.isAfter(latestEnd(now, granularity))) {
            throw new InvalidPeriodException("The period ends in the future (" + to.strip() + "); end it at "
                    + label(latestEnd(now, granularity), granularity) + " or earlier.", InvalidPeriodException.Kind.FUTURE);
        }
        return new ReportPeriod(start, end, granularity);
    }

    /**
     * The last month that can end a period now: this month, or by quarter the last month of
     * this quarter. A period that is not over yet is read (the CLI marks its report provisional,
     * the chat refuses it: see {@link #notOverOn}); one that ends after it is in the future.
     */
    private static YearMonth latestEnd(YearMonth now, Granularity granularity) {
        return granularity == Granularity.QUARTER ? now.plusMonths((3 - now.getMonthValue() % 3) % 3) : now;
    }

    /** True while the period is not over on {@code today}: its figures can still change. */
    public boolean notOverOn(LocalDate today) {
        return end().isAfter(today);
    }

    private static YearMonth parseEnd(String text, boolean start) {
        YearMonth end = parseEndUnchecked(text, start);
        if (end.getYear() < EARLIEST_YEAR) {
            throw new InvalidPeriodException("'" + text.strip() + "' is not a period Gawahi can report: nothing before "
                    + EARLIEST_YEAR + " is.");
        }
        return end;
    }

    private static YearMonth parseEndUnchecked(String text, boolean start) {
        String t = text == null ? "" : text.strip();
        Matcher q = QUARTER.matcher(t);
        if (q.matches()) {
            int first = (Integer.parseInt(q.group(2)) - 1) * 3 + 1;
            return YearMonth.of(Integer.parseInt(q.group(1)), start ? first : first + 2);
        }
        Matcher m = MONTH.matcher(t);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return YearMonth.of(Integer.parseInt(m.group(1)), month);
            }
        }
        throw new InvalidPeriodException("'" + t + "' is not a period: write a quarter like 2026-Q1 or a month like 2026-03.");
    }

    /** The column labels in order, {@link #UNKNOWN} last. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(granularity == Granularity.QUARTER ? 3 : 1)) {
            columns.add(label(m, granularity));
        }
        columns.add(UNKNOWN);
        return columns;
    }

    /** The column of a raid dated to a month; empty when that month is outside the period. */
    public Optional<String> column(YearMonth month) {
        if (month.isBefore(from) || month.isAfter(to)) {
            return Optional.empty();
        }
        return Optional.of(label(month, granularity));
    }

    /** Whether a raid dated only by year may fall in the period. */
    public boolean overlapsYear(int year) {
        return from.getYear() <= year && year <= to.getYear();
    }

    public boolean contains(LocalDate day) {
        YearMonth m = YearMonth.from(day);
        return !m.isBefore(from) && !m.isAfter(to);
    }

    /** The first day after the period. */
    public LocalDate end() {
        return to.plusMonths(1).atDay(1);
    }

    public String fromLabel() {
        return label(from, granularity);
    }

    public String toLabel() {
        return granularity == Granularity.QUARTER ? label(to, granularity) : label(to, Granularity.MONTH);
    }

    static String label(YearMonth month, Granularity granularity) {
        return granularity == Granularity.QUARTER
                ? month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1)
                : month.toString();
    }
}
