package org.gawahi.storage.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The adversary with unlimited patience, on small tables: after a first publication and a
 * second one (one more approval, a month inside the period, or a withdrawal), every way of
 * answering that agrees with everything printed is enumerated, testimony by testimony. No
 * withheld entry of the second table may be pinned to one value where the first publication
 * left it open (leaving out the testimonies one printed zero or one printed "all of them"
 * pins alone, as every publication does by design), and no testimony's answer may be pinned unless the first publication alone, or
 * one printed figure alone (a zero, or all of a cell), already pins it.
 * {@code -Dgawahi.seed=N} explores other tables.
 */
class BruteForceDisclosureTest {
    private static final int TRIES = 300;
    private static final long FIRST_SEED = Long.getLong("gawahi.seed", 17L);
    /** Thresholds at their floor, so that small tables still print something to attack. */
    private static final SuppressionRules RULES = SuppressionRules.of(3, 3, 3, 3);
    private static final List<String> ROWS = List.of("r0", "r1");
    private static final List<String> COLUMNS = List.of("c0", "c1");

    /** A unit with its answer and its cell. */
    private record Unit(String id, int row, int column, boolean yes) {
    }

    @Test
    void noCombinationOfTwoPublicationsPinsAWithheldFigureOrOneTestimonysAnswer() {
        int attacked = 0;
        for (int t = 0; t < TRIES; t++) {
            long seed = FIRST_SEED + t;
            Random random = new Random(seed);
            List<Unit> units = new ArrayList<>();
            for (int i = 0; i < ROWS.size(); i++) {
                for (int j = 0; j < COLUMNS.size(); j++) {
                    int n = random.nextInt(4);
                    for (int k = 0; k < n; k++) {
                        units.add(new Unit("u" + units.size(), i, j, random.nextBoolean()));
                    }
                }
            }
            PublishedTable first = new Suppressor(RULES).suppress(table(units, COLUMNS), Set.of(), List.of(), Optional.empty());
            List<Unit> later = new ArrayList<>(units);
            List<String> laterColumns = COLUMNS;
            switch (random.nextInt(3)) {
                case 0 -> later.add(new Unit("newcomer", random.nextInt(2), random.nextInt(2), random.nextBoolean()));
                case 1 -> laterColumns = List.of("c0");
                default -> {
                    if (!later.isEmpty()) {
                        later.remove(random.nextInt(later.size()));
                    }
                }
            }
            List<String> columns = laterColumns;
            List<Unit> shown = later.stream().filter(u -> u.column() < columns.size()).toList();
            List<EarlierCell> history = first.printed().stream().map(p -> new EarlierCell(p.units(), p.value())).toList();
            PublishedTable second = new Suppressor(RULES).suppress(table(shown, columns), Set.of(), history, Optional.empty());

            List<Unit> everyone = new ArrayList<>(units);
            later.stream().filter(u -> !units.contains(u)).forEach(everyone::add);
            attacked += attack(seed, everyone, first, second);
        }
        // Small tables mostly print nothing the second time; enough do for the attack to mean something.
        assertThat(attacked).as("second publications that printed a non-zero figure").isGreaterThan(TRIES / 20);
    }

    /** Enumerates every answer vector; returns 1 when the second publication printed a non-zero figure. */
    private static int attack(long seed, List<Unit> everyone, PublishedTable first, PublishedTable second) {
        int n = everyone.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(everyone.get(i).id(), i);
        }
        List<PublishedTable.Printed> printedFirst = first.printed();
        List<PublishedTable.Printed> printedSecond = second.printed();
        // What one printed zero or one printed "all of them" gives away by design is not the combination's doing.
        Set<String> pinnedByOneFigure = new java.util.HashSet<>();
        for (PublishedTable.Printed p : printedSecond) {
            if (p.value() == 0 || p.value() == p.units().size()) {
                pinnedByOneFigure.addAll(p.units());
            }
        }
        List<Set<String>> withheld = new ArrayList<>();
        for (Set<String> w : withheldUnits(second)) {
            Set<String> rest = new java.util.HashSet<>(w);
            rest.removeAll(pinnedByOneFigure);
            if (!rest.isEmpty()) {
                withheld.add(rest);
            }
        }
        long[] lowFirst = new long[withheld.size()];
        long[] highFirst = new long[withheld.size()];
        long[] lowBoth = new long[withheld.size()];
        long[] highBoth = new long[withheld.size()];
        java.util.Arrays.fill(lowFirst, Long.MAX_VALUE);
        java.util.Arrays.fill(lowBoth, Long.MAX_VALUE);
        java.util.Arrays.fill(highFirst, -1);
        java.util.Arrays.fill(highBoth, -1);
        int[] seenYesFirst = new int[n];
        int[] seenNoFirst = new int[n];
        int[] seenYesBoth = new int[n];
        int[] seenNoBoth = new int[n];
        for (long answers = 0; answers < (1L << n); answers++) {
            if (!agrees(answers, printedFirst, index)) {
                continue;
            }
            boolean both = agrees(answers, printedSecond, index);
            for (int w = 0; w < withheld.size(); w++) {
                long v = sum(answers, withheld.get(w), index);
                lowFirst[w] = Math.min(lowFirst[w], v);
                highFirst[w] = Math.max(highFirst[w], v);
                if (both) {
                    lowBoth[w] = Math.min(lowBoth[w], v);
                    highBoth[w] = Math.max(highBoth[w], v);
                }
            }
            for (int u = 0; u < n; u++) {
                boolean yes = (answers >> u & 1) == 1;
                (yes ? seenYesFirst : seenNoFirst)[u]++;
                if (both) {
                    (yes ? seenYesBoth : seenNoBoth)[u]++;
                }
            }
        }
        for (int w = 0; w < withheld.size(); w++) {
            boolean openBefore = highFirst[w] > lowFirst[w];
            assertThat(!openBefore || highBoth[w] > lowBoth[w])
                    .as("seed %d: a withheld figure over %s (less what single figures pin) is pinned (first %s, second %s, everyone %s)", seed,
                            withheld.get(w), describe(first), describe(second), everyone).isTrue();
        }
        for (int u = 0; u < n; u++) {
            boolean pinnedBefore = seenYesFirst[u] == 0 || seenNoFirst[u] == 0;
            boolean pinnedNow = seenYesBoth[u] == 0 || seenNoBoth[u] == 0;
            String id = everyone.get(u).id();
            boolean byOneFigure = pinnedByOneFigure.contains(id);
            assertThat(!pinnedNow || pinnedBefore || byOneFigure)
                    .as("seed %d: the answer of %s is pinned by the two publications together", seed, id).isTrue();
        }
        return printedSecond.stream().anyMatch(p -> p.value() > 0) ? 1 : 0;
    }

    private static String describe(PublishedTable table) {
        StringBuilder b = new StringBuilder();
        FrequencyTable shape = table.shape();
        for (int i = 0; i < shape.height(); i++) {
            for (int j = 0; j < shape.width(); j++) {
                b.append(shape.key(i, j).row()).append('/').append(shape.key(i, j).column()).append(shape.units(i, j))
                        .append('=').append(table.cell(shape.key(i, j)) instanceof Cell.Count c ? c.value() : "x").append(' ');
            }
        }
        return b.toString();
    }

    private static boolean agrees(long answers, List<PublishedTable.Printed> printed, Map<String, Integer> index) {
        for (PublishedTable.Printed p : printed) {
            if (sum(answers, p.units(), index) != p.value()) {
                return false;
            }
        }
        return true;
    }

    private static long sum(long answers, Set<String> units, Map<String, Integer> index) {
        long s = 0;
        for (String u : units) {
            s += answers >> index.get(u) & 1;
        }
        return s;
    }

    private static List<Set<String>> withheldUnits(PublishedTable table) {
        List<Set<String>> out = new ArrayList<>();
        FrequencyTable shape = table.shape();
        for (int i = 0; i < shape.height(); i++) {
            for (int j = 0; j < shape.width(); j++) {
                if (table.cell(shape.key(i, j)) instanceof Cell.Suppressed) {
                    out.add(shape.units(i, j));
                }
            }
        }
        return out;
    }

    private static FrequencyTable table(List<Unit> units, List<String> columns) {
        FrequencyTable.Builder b = FrequencyTable.builder(ROWS, columns);
        for (int i = 0; i < ROWS.size(); i++) {
            for (int j = 0; j < columns.size(); j++) {
                int row = i;
                int column = j;
                List<Unit> here = units.stream().filter(u -> u.row() == row && u.column() == column).toList();
                b.count(ROWS.get(i), columns.get(j), here.stream().filter(Unit::yes).count());
                b.units(ROWS.get(i), columns.get(j), here.stream().map(Unit::id).toList());
            }
        }
        return b.build();
    }
}
