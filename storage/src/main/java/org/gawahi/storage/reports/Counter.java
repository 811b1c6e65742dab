package org.gawahi.storage.reports;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.gawahi.config.questionnaire.Counting;
import org.gawahi.config.questionnaire.Indicator;

/**
 * Raw counts of one indicator by area and period, before disclosure control. Nothing here
 * leaves the process: {@link Reporting} turns these tables into published ones.
 *
 * <p>Raids are counted once per event: an event is in the denominator when any of its
 * testimonies (in the population) is, and in the numerator when any is. Its place and time
 * are those of its first testimony by id, until moderators' event records say otherwise.
 * In one event's figures ({@link Reporting#event}) there is one raid, so raid indicators are
 * counted by testimony instead ({@code byTestimony}): how many of its testimonies say so.
 */
final class Counter {
    /** A testimony placed in a column of the report, with what every indicator asks of it first. */
    record Placed(int index, CountedTestimony testimony, Function<String, Set<String>> answers, boolean firstHand,
                  String column) {
    }

    /** The two tables of one indicator; no denominator for a count. */
    record Counts(Indicator indicator, FrequencyTable numerators, Optional<FrequencyTable> denominators) {
    }

    private final Counting counting;
    private final ReportPeriod period;
    /** The row of each placed testimony, per way of cutting areas: worked out once, not per indicator. */
    private final Map<Areas, String[]> rowsByAreas = new java.util.IdentityHashMap<>();
    /** Raid indicators counted per testimony, under their own table names: one event's figures only. */
    private final boolean byTestimony;

    Counter(Counting counting, ReportPeriod period) {
        this(counting, period, false);
    }

    Counter(Counting counting, ReportPeriod period, boolean byTestimony) {
        this.counting = counting;
        this.period = period;
        this.byTestimony = byTestimony;
    }

    /** Whether {@code indicator} is counted once per raid event here. */
    boolean perRaid(Indicator indicator) {
        return indicator.unit() == Indicator.Unit.RAIDS && !byTestimony;
    }

    /**
     * The column of a testimony, or empty when its raid falls outside the period. A raid
     * dated only by year is in {@link ReportPeriod#UNKNOWN} when that year overlaps the
     * period; an undated one when the testimony arrived during the period.
     */
    Optional<String> column(CountedTestimony t) {
        List<String> date = t.content().answer(counting.date());
        for (String value : date) {
            if (value.matches("\\d{4}-\\d{2}")) {
                try {
                    return period.column(YearMonth.parse(value));
                } catch (DateTimeParseException e) {
                    return Optional.empty();
                }
            }
            if (value.matches("\\d{4}")) {
                return period.overlapsYear(Integer.parseInt(value)) ? Optional.of(ReportPeriod.UNKNOWN) : Optional.empty();
            }
        }
        return period.contains(t.arrived()) ? Optional.of(ReportPeriod.UNKNOWN) : Optional.empty();
    }

    /** The testimonies of the period, each with its column (rows are set per table). */
    List<Placed> inPeriod(List<CountedTestimony> testimonies) {
        List<Placed> placed = new ArrayList<>();
        for (CountedTestimony t : testimonies) {
            Optional<String> column = column(t);
            if (column.isPresent()) {
                Function<String, Set<String>> answers = t.answers();
                placed.add(new Placed(placed.size(), t, answers, counting.firstHand().holds(answers), column.get()));
            }
        }
        return placed;
    }

    Counts count(Indicator indicator, List<Placed> inPeriod, Areas areas) {
        List<String> rows = areas.rows();
        List<String> columns = period.columns();
        FrequencyTable.Builder numerators = FrequencyTable.builder(rows, columns);
        FrequencyTable.Builder denominators = FrequencyTable.builder(rows, columns);
        long[][] num = new long[rows.size()][columns.size()];
        long[][] den = new long[rows.size()][columns.size()];
        Map<String, Integer> rowIndex = index(rows);
        Map<String, Integer> columnIndex = index(columns);
        String[] rowOf = rowsByAreas.computeIfAbsent(areas, a -> {
            String[] r = new String[inPeriod.size()];
            for (Placed p : inPeriod) {
                r[p.index()] = a.rowOf(p.answers());
            }
            return r;
        });
        List<List<List<String>>> unitIds = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<List<String>> row = new ArrayList<>();
            for (int j = 0; j < columns.size(); j++) {
                row.add(new ArrayList<>());
            }
            unitIds.add(row);
        }
        for (Unit unit : units(indicator, inPeriod)) {
            int i = rowIndex.get(rowOf[unit.first().index()]);
            int j = columnIndex.get(unit.first().column());
            unitIds.get(i).get(j).add(unitId(perRaid(indicator), unit.first()));
            boolean inDenominator = false;
            boolean inNumerator = false;
            for (Placed p : unit.members()) { // loops, not streams: this runs indicators x testimonies times
                if (!inDenominator && indicator.inDenominator(p.answers())) {
                    inDenominator = true;
                }
                if (inDenominator && !inNumerator && indicator.inNumerator(p.answers())) {
                    inNumerator = true;
                }
            }
            if (inDenominator) {
                den[i][j]++;
            }
            if (inNumerator) {
                num[i][j]++;
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < columns.size(); j++) {
                set(numerators, indicator.sensitive(), rows.get(i), columns.get(j), num[i][j]);
                set(denominators, indicator.sensitive(), rows.get(i), columns.get(j), den[i][j]);
                numerators.units(rows.get(i), columns.get(j), unitIds.get(i).get(j));
                denominators.units(rows.get(i), columns.get(j), unitIds.get(i).get(j));
            }
        }
        return new Counts(indicator, numerators.build(),
                indicator.isShare() ? Optional.of(denominators.build()) : Optional.empty());
    }

    /**
     * The id disclosure control knows a counted unit by, the same in every report and brief:
     * the testimony, or the raid event for indicators counted per raid.
     */
    static String unitId(boolean perRaid, Placed first) {
        return perRaid ? "e:" + first.testimony().eventId()
                : "t:" + first.testimony().testimonyId();
    }

    /** What one counted item is made of: one testimony, or the testimonies of one raid. */
    private record Unit(Placed first, List<Placed> members) {
    }

    private List<Unit> units(Indicator indicator, List<Placed> inPeriod) {
        List<Placed> population = inPeriod.stream()
                .filter(p -> indicator.population() == Indicator.Population.ALL || p.firstHand())
                .toList();
        if (!perRaid(indicator)) {
            return population.stream().map(p -> new Unit(p, List.of(p))).toList();
        }
        Map<String, List<Placed>> byEvent = new LinkedHashMap<>();
        for (Placed p : population) {
            byEvent.computeIfAbsent(p.testimony().eventId(), e -> new ArrayList<>()).add(p);
        }
        List<Unit> units = new ArrayList<>();
        for (List<Placed> members : byEvent.values()) {
            Placed first = members.stream().min(Comparator.comparing(p -> p.testimony().testimonyId())).orElseThrow();
            units.add(new Unit(first, members));
        }
        return units;
    }

    private static void set(FrequencyTable.Builder b, boolean sensitive, String row, String column, long n) {
        if (sensitive) {
            b.sensitiveCount(row, column, n);
        } else {
            b.count(row, column, n);
        }
    }

    private static Map<String, Integer> index(List<String> labels) {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        return index;
    }
}
