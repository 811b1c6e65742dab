package org.gawahi.storage.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gawahi.storage.reports.Tables.key;
import static org.gawahi.storage.reports.Tables.table;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SuppressorTest {
    private static final Cell PRIMARY = new Cell.Suppressed(Cell.Reason.PRIMARY);
    private static final Cell COMPLEMENTARY = new Cell.Suppressed(Cell.Reason.COMPLEMENTARY);
    private static final Cell PREVIOUS = new Cell.Suppressed(Cell.Reason.PREVIOUS_REPORT);

    private final Suppressor suppressor = new Suppressor(SuppressionRules.defaults());

    @Test
    void publishesEveryCountAtOrAboveTheThreshold() {
        PublishedTable published = suppressor.suppress(table(new long[][] {
                {10, 20},
                {15, 5}}));

        assertThat(published.suppressedKeys()).isEmpty();
        assertThat(published.cell("B", "Q2")).isEqualTo(new Cell.Count(5));
        assertThat(published.rowTotal("B")).isEqualTo(new Cell.Count(20));
        assertThat(published.grandTotal()).isEqualTo(new Cell.Count(50));
    }

    @Test
    void hidesASmallCountAndTheSmallestCellsThatWouldGiveItAway() {
        // Q1..Q3 | total:  A = 3 8 12 | 23,  B = 9 7 20 | 36
        PublishedTable published = suppressor.suppress(table(new long[][] {
                {3, 8, 12},
                {9, 7, 20}}));

        assertThat(published.cell("A", "Q1")).isEqualTo(PRIMARY);
        // Row A takes its smallest other count (8), column Q1 its (9), then row B its (7).
        assertThat(published.cell("A", "Q2")).isEqualTo(COMPLEMENTARY);
        assertThat(published.cell("B", "Q1")).isEqualTo(COMPLEMENTARY);
        assertThat(published.cell("B", "Q2")).isEqualTo(COMPLEMENTARY);
        assertThat(published.suppressedKeys()).hasSize(4);
        assertThat(published.cell("A", "Q3")).isEqualTo(new Cell.Count(12));
        assertThat(published.rowTotal("A")).isEqualTo(new Cell.Count(23));
        assertThat(published.grandTotal()).isEqualTo(new Cell.Count(59));
    }

    @Test
    void publishesZeros() {
        PublishedTable published = suppressor.suppress(table(new long[][] {
                {0, 12},
                {0, 25}}));

        assertThat(published.cell("A", "Q1")).isEqualTo(new Cell.Count(0));
        assertThat(published.columnTotal("Q1")).isEqualTo(new Cell.Count(0));
        assertThat(published.suppressedKeys()).isEmpty();
    }

    @Test
    void sensitiveCountsAndTheirTotalsNeedTen() {
        // B/Q1 is a sensitive 7; an ordinary 7 would be published.
        PublishedTable published = suppressor.suppress(table(new long[][] {
                {0, 12},
                {-7, 25}}));

        assertThat(published.cell("B", "Q1")).isEqualTo(PRIMARY);
        assertThat(published.columnTotal("Q1")).isEqualTo(PRIMARY);
        assertThat(published.cell("B", "Q2")).isEqualTo(COMPLEMENTARY);
        assertThat(published.columnTotal("Q2")).isEqualTo(COMPLEMENTARY);
        assertThat(published.cell("A", "Q1")).isEqualTo(new Cell.Count(0));
        assertThat(published.rowTotal("B")).isEqualTo(new Cell.Count(32));
    }

    @Test
    void anOrdinarySevenIsPublished() {
        PublishedTable published = suppressor.suppress(table(new long[][] {{0, 12}, {7, 25}}));

        assertThat(published.cell("B", "Q1")).isEqualTo(new Cell.Count(7));
    }

    @Test
    void prefersNonZeroComplementsBecauseZerosAreKnownFromOutside() {
        PublishedTable published = suppressor.suppress(table(new long[][] {{3, 0, 9}}));

        assertThat(published.cell("A", "Q1")).isEqualTo(PRIMARY);
        assertThat(published.columnTotal("Q1")).isEqualTo(PRIMARY);
        assertThat(published.cell("A", "Q3")).isEqualTo(COMPLEMENTARY);
        assertThat(published.columnTotal("Q3")).isEqualTo(COMPLEMENTARY);
        assertThat(published.cell("A", "Q2")).isEqualTo(new Cell.Count(0));
        assertThat(published.rowTotal("A")).isEqualTo(new Cell.Count(12));
    }

    @Test
    void aTableOfOneSmallCountPublishesNothing() {
        PublishedTable published = suppressor.suppress(table(new long[][] {{3}}));

        assertThat(published.suppressedKeys()).containsExactlyInAnyOrder(
                key("A", "Q1"), CellKey.rowTotal("A"), CellKey.columnTotal("Q1"), CellKey.grandTotal());
        assertThat(published.nothingToPublish()).isTrue();
    }

    @Test
    void aTableOfZerosHasNothingToPublish() {
        assertThat(suppressor.suppress(table(new long[][] {{0, 0}})).nothingToPublish()).isTrue();
        assertThat(suppressor.suppress(table(new long[][] {{0, 5}})).nothingToPublish()).isFalse();
    }

    @Test
    void keepsThePreviousPatternWhenAPeriodIsReportedAgain() {
        long[][] first = {{3, 8, 12}, {9, 7, 20}};
        Set<CellKey> pattern = suppressor.suppress(table(first)).suppressedKeys();
        // A late testimony lifts A/Q1 from 3 to 6: alone it would now be published.
        long[][] again = {{6, 8, 12}, {9, 7, 20}};

        PublishedTable published = suppressor.suppress(table(again), pattern);

        assertThat(published.suppressedKeys()).isEqualTo(pattern);
        assertThat(published.cell("A", "Q1")).isEqualTo(PREVIOUS);
        assertThat(published.cell("B", "Q2")).isEqualTo(PREVIOUS);
    }

    @Test
    void protectsACellKeptFromThePreviousReportLikeAnyOther() {
        PublishedTable published = suppressor.suppress(table(new long[][] {
                {20, 30},
                {40, 50}}), Set.of(key("A", "Q1")));

        assertThat(published.cell("A", "Q1")).isEqualTo(PREVIOUS);
        assertThat(published.cell("A", "Q2")).isEqualTo(COMPLEMENTARY);
        assertThat(published.cell("B", "Q1")).isEqualTo(COMPLEMENTARY);
        assertThat(published.cell("B", "Q2")).isEqualTo(COMPLEMENTARY);
        assertThat(published.suppressedKeys()).hasSize(4);
    }

    @Test
    void ignoresPreviousKeysForRowsThisTableNoLongerHas() {
        PublishedTable published = suppressor.suppress(table(new long[][] {{20, 30}}),
                Set.of(key("Goa", "Q1"), key("A", "Q9")));

        assertThat(published.suppressedKeys()).isEmpty();
    }

    @Test
    void aStricterRuleSuppressesMore() {
        Suppressor strict = new Suppressor(SuppressionRules.of(8, 10, 20));

        PublishedTable published = strict.suppress(table(new long[][] {{7, 30}, {40, 50}}));

        assertThat(published.cell("A", "Q1")).isEqualTo(PRIMARY);
    }

    @Test
    void aCellJoiningTwoBlocksOfSuppressionsGetsASecondPath() {
        // Two 2x2 blocks (A-B by Q1-Q2, C-D by Q3-Q4) joined by B/Q3 alone. Every row and
        // column holds two or more suppressions, yet B/Q3 = 20 follows from the totals:
        // Q1 + Q2 give A + B over Q1-Q2 = 80, row A gives 40 of it, so B/Q3 = 60 - 40.
        long[][] counts = {
                {20, 20, 20, 20},
                {20, 20, 20, 20},
                {20, 20, 20, 20},
                {20, 20, 20, 20}};
        Set<CellKey> blocksAndBridge = Set.of(
                key("A", "Q1"), key("A", "Q2"), key("B", "Q1"), key("B", "Q2"),
                key("C", "Q3"), key("C", "Q4"), key("D", "Q3"), key("D", "Q4"),
                key("B", "Q3"));

        PublishedTable published = suppressor.suppress(table(counts), blocksAndBridge);

        assertThat(published.suppressedKeys()).containsAll(blocksAndBridge).hasSize(blocksAndBridge.size() + 1);
        assertThat(Recovery.solvable(published)).isEmpty();
    }

    @Test
    void theAttackerViewFindsTheCellJoiningTwoBlocks() {
        // The same pattern, published as it stands, to show that the test's attacker is not blind.
        FrequencyTable table = table(new long[][] {
                {20, 20, 20, 20},
                {20, 20, 20, 20},
                {20, 20, 20, 20},
                {20, 20, 20, 20}});
        Cell[][] cells = new Cell[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                cells[i][j] = new Cell.Count(table.value(i, j));
            }
        }
        int[][] hidden = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 2}, {2, 3}, {3, 2}, {3, 3}, {1, 2}};
        for (int[] at : hidden) {
            cells[at[0]][at[1]] = PRIMARY;
        }

        assertThat(Recovery.solvable(new PublishedTable(table, cells))).containsExactly(key("B", "Q3"));
    }
}
