package org.gawahi.storage.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The interval audit's own check, and the whole-group rule for sensitive figures. */
class IntervalAuditTest {
    private static final SuppressionRules RULES = SuppressionRules.defaults();

    /**
     * The textbook case: two rows, two columns, every count and total but the four corners of a
     * rectangle printed. Any cell of the rectangle moves with the others, so it ranges over the
     * smaller of the counts it trades with: 3 goes down by the smaller of itself and its diagonal
     * (3 and 4: to 0), and up by the smaller of the other two (40 and 50: to 43).
     */
    @Test
    void aRectangleOfWithheldCountsRangesAsFarAsItsSmallestCornersAllow() {
        FrequencyTable table = FrequencyTable.builder(List.of("a", "b"), List.of("x", "y"))
                .count("a", "x", 3).count("a", "y", 40).count("b", "x", 50).count("b", "y", 4).build();
        Cell.Reason[][] reasons = new Cell.Reason[3][3];
        reasons[0][0] = Cell.Reason.PRIMARY;
        reasons[0][1] = Cell.Reason.COMPLEMENTARY;
        reasons[1][0] = Cell.Reason.COMPLEMENTARY;
        reasons[1][1] = Cell.Reason.PRIMARY;
        IntervalAudit audit = new IntervalAudit(table, Optional.empty(), RULES);

        assertThat(audit.range(new Position(0, 0), reasons, false)).isEqualTo(new IntervalAudit.Range(0, 43));
        assertThat(audit.range(new Position(1, 1), reasons, false)).isEqualTo(new IntervalAudit.Range(1, 44));
        assertThat(audit.firstFailing(reasons)).isEmpty();
    }

    @Test
    void aRectangleThroughSmallCountsIsTooNarrowAndTheSuppressorWidensIt() {
        FrequencyTable table = FrequencyTable.builder(List.of("a", "b", "c"), List.of("x", "y", "z"))
                .count("a", "x", 1).count("a", "y", 2).count("a", "z", 30)
                .count("b", "x", 2).count("b", "y", 50).count("b", "z", 25)
                .count("c", "x", 35).count("c", "y", 45).count("c", "z", 50).build();
        Cell.Reason[][] rectangle = new Cell.Reason[4][4];
        rectangle[0][0] = Cell.Reason.PRIMARY;
        rectangle[0][1] = Cell.Reason.COMPLEMENTARY;
        rectangle[1][0] = Cell.Reason.COMPLEMENTARY;
        rectangle[1][1] = Cell.Reason.PRIMARY;
        IntervalAudit audit = new IntervalAudit(table, Optional.empty(), RULES);
        // The 1 trades upwards only with the two 2s: 0 to 3, narrower than 5.
        assertThat(audit.range(new Position(0, 0), rectangle, false)).isEqualTo(new IntervalAudit.Range(0, 3));
        assertThat(audit.firstFailing(rectangle)).isPresent();

        PublishedTable published = new Suppressor(RULES).suppress(table);

        assertEveryWithheldEntryPassesTheAudit(table, published, List.of());
        assertThat(published.suppressedKeys().size()).isGreaterThan(4);
    }

    /** Whatever the suppressor returns, the audit finds nothing too narrow in it: over random tables. */
    @Test
    void everyTableTheSuppressorReturnsPassesTheAudit() {
        for (int t = 0; t < 200; t++) {
            Random random = new Random(900 + t);
            FrequencyTable table = RandomTables.table(random);
            PublishedTable published = new Suppressor(RULES).suppress(table);
            assertEveryWithheldEntryPassesTheAudit(table, published, List.of());
        }
    }

    static void assertEveryWithheldEntryPassesTheAudit(FrequencyTable table, PublishedTable published,
                                                      List<EarlierCell> earlier) {
        Cell.Reason[][] reasons = new Cell.Reason[table.height()][table.width()];
        for (int i = 0; i < table.height(); i++) {
            for (int j = 0; j < table.width(); j++) {
                if (published.cell(table.key(i, j)) instanceof Cell.Suppressed s) {
                    reasons[i][j] = s.reason();
                }
            }
        }
        Optional<UnitSpace> space = table.hasUnits() ? Optional.of(new UnitSpace(table, earlier)) : Optional.empty();
        assertThat(new IntervalAudit(table, space, RULES).firstFailing(reasons)).isEmpty();
    }

    @Test
    void aSensitiveFigureThatIsAllOrNoneOfASmallGroupIsWithheld() {
        Suppressor suppressor = new Suppressor(SuppressionRules.of(3, 3, 3, 20));
        for (long[] yesOfGroup : new long[][] {{12, 12}, {0, 12}, {12, 25}, {25, 25}, {0, 25}}) {
            FrequencyTable table = FrequencyTable.builder(List.of("mh", "ka"), List.of("q"))
                    .sensitiveCount("mh", "q", yesOfGroup[0]).units("mh", "q", units("m", yesOfGroup[1]))
                    .sensitiveCount("ka", "q", 30).units("ka", "q", units("k", 60)).build();
            boolean wholeOfSmall = yesOfGroup[1] < 20 && (yesOfGroup[0] == 0 || yesOfGroup[0] == yesOfGroup[1]);
            assertThat(suppressor.suppress(table, Set.of(), List.of(), Optional.empty()).cell("mh", "q"))
                    .as("%d of %d", yesOfGroup[0], yesOfGroup[1])
                    .isEqualTo(wholeOfSmall ? new Cell.Suppressed(Cell.Reason.WHOLE_GROUP) : new Cell.Count(yesOfGroup[0]));
        }
    }

    @Test
    void theGroupOfAShareIsItsDenominator() {
        Suppressor suppressor = new Suppressor(SuppressionRules.of(3, 3, 3, 20));
        FrequencyTable arrested = FrequencyTable.builder(List.of("mh", "ka"), List.of("q"))
                .sensitiveCount("mh", "q", 12).sensitiveCount("ka", "q", 40).build();
        FrequencyTable hurt = FrequencyTable.builder(List.of("mh", "ka"), List.of("q"))
                .sensitiveCount("mh", "q", 12).sensitiveCount("ka", "q", 25).build();

        assertThat(suppressor.suppress(hurt, Set.of(), List.of(), Optional.of(arrested)).cell("mh", "q"))
                .isEqualTo(new Cell.Suppressed(Cell.Reason.WHOLE_GROUP));
        assertThat(suppressor.suppress(hurt, Set.of(), List.of(), Optional.empty()).cell("mh", "q"))
                .as("not sensitive to the rule without its group").isEqualTo(new Cell.Count(12));
    }

    private static List<String> units(String prefix, long n) {
        return java.util.stream.LongStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }
}
