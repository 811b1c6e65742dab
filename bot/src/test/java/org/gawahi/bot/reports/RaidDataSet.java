package org.gawahi.bot.reports;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gawahi.storage.reports.Testimonies;
import org.gawahi.storage.testimony.TestimonyContent;

/**
 * A generated data set with a fixed seed whose expected figures are tallied here, as each
 * testimony is made, from the facts chosen for it, not by the code under test: the oracle
 * for the CSV. Several states, quarters of 2025, witnesses among first-hand accounts, every
 * testimony its own raid.
 */
final class RaidDataSet {
    static final List<String> STATES = List.of("mh", "ka", "wb", "dl", "tg");
    static final List<String> QUARTERS = List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");

    /** Expected numerator and denominator of one indicator in one (area, period) cell. */
    static final class Tally {
        long numerator;
        long denominator;
    }

    final List<TestimonyContent> testimonies = new ArrayList<>();
    /** indicator -> "area|period" -> tally, with totals under "Total". */
    final Map<String, Map<String, Tally>> expected = new HashMap<>();

    static RaidDataSet generate(long seed, int perCellMax) {
        return generate(seed, 30, perCellMax);
    }

    /** About {@code total} testimonies, spread evenly over the large cells. */
    static RaidDataSet generateAbout(long seed, int total) {
        int perCell = total / 16;
        return generate(seed, perCell * 9 / 10, Math.max(1, perCell / 5));
    }

    private static RaidDataSet generate(long seed, int base, int spread) {
        RaidDataSet set = new RaidDataSet();
        Random random = new Random(seed);
        for (int s = 0; s < STATES.size(); s++) {
            for (int q = 0; q < QUARTERS.size(); q++) {
                // 4 of the 20 cells small (to be suppressed), the others large
                int n = (s + q) % 5 == 4 ? 1 + random.nextInt(4) : base + random.nextInt(spread);
                for (int i = 0; i < n; i++) {
                    set.add(random, STATES.get(s), q);
                }
            }
        }
        return set;
    }

    private void add(Random random, String state, int quarter) {
        boolean firstHand = random.nextInt(10) < 8;
        boolean night = random.nextInt(3) == 0;
        boolean dayKnown = random.nextInt(10) < 9;
        boolean hit = random.nextInt(4) == 0;
        boolean q10Answered = random.nextInt(10) < 9;
        boolean sexual = random.nextInt(12) == 0;
        YearMonth month = YearMonth.of(2025, quarter * 3 + 1 + random.nextInt(3));
        StringBuilder a = new StringBuilder("q1=" + month + " q2=" + state);
        if (!firstHand) {
            a.append(" c5=").append(random.nextBoolean() ? "saw" : "told");
        }
        a.append(" q5=").append(!dayKnown ? "_dont_know" : night ? "night" : random.nextBoolean() ? "day" : "evening");
        if (q10Answered) {
            List<String> acts = new ArrayList<>();
            if (hit) {
                acts.add("hit");
            }
            if (sexual) {
                acts.add("sexual");
            }
            a.append(" q10=").append(acts.isEmpty() ? "none" : String.join(",", acts));
        } else {
            a.append(" q10=pns");
        }
        testimonies.add(Testimonies.content(a.toString()));
        String period = QUARTERS.get(quarter);
        tally("raids_reported", state, period, true, true);
        tally("night_raids", state, period, dayKnown, dayKnown && night);
        tally("physical_violence", state, period, firstHand && q10Answered, firstHand && q10Answered && hit);
        tally("sexual_violence", state, period, firstHand && q10Answered, firstHand && q10Answered && sexual);
    }

    private void tally(String indicator, String area, String period, boolean inDenominator, boolean inNumerator) {
        Map<String, Tally> cells = expected.computeIfAbsent(indicator, k -> new HashMap<>());
        for (String key : List.of(area + "|" + period, area + "|Total", "Total|" + period, "Total|Total")) {
            Tally t = cells.computeIfAbsent(key, k -> new Tally());
            if (inDenominator) {
                t.denominator++;
            }
            if (inNumerator) {
                t.numerator++;
            }
        }
    }

    Tally expected(String indicator, String area, String period) {
        return expected.getOrDefault(indicator, Map.of()).getOrDefault(area + "|" + period, new Tally());
    }
}
