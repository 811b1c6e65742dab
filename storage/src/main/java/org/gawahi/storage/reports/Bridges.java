package org.gawahi.storage.reports;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Finds suppressed entries that the published figures fix exactly, however many
 * subtractions it takes.
 *
 * <p>Draw each row and each column of the table with its margins as a point, and each
 * suppressed entry as an edge between its row and its column. If an edge lies on a cycle,
 * adding 1 and subtracting 1 alternately around that cycle keeps every row and column
 * adding up, so the published figures cannot tell the true entry from a different one. An
 * edge on no cycle (a bridge) is instead the alternating sum of what is left over on the
 * lines on one side of it: it can be worked out exactly. Bridges are found with Tarjan's
 * low-link method, in time linear in the number of suppressed entries.
 */
final class Bridges {
    private final List<Position> edges;
    private final List<List<int[]>> adjacent;
    private final int[] discovered;
    private final int[] low;
    private int clock;
    private Position first;

    private Bridges(int height, int width, List<Position> edges) {
        this.edges = edges;
        this.adjacent = new ArrayList<>();
        for (int v = 0; v < height + width; v++) {
            adjacent.add(new ArrayList<>());
        }
        for (int e = 0; e < edges.size(); e++) {
            int row = edges.get(e).row();
            int column = height + edges.get(e).column();
            adjacent.get(row).add(new int[] {column, e});
            adjacent.get(column).add(new int[] {row, e});
        }
        this.discovered = new int[height + width];
        this.low = new int[height + width];
        Arrays.fill(discovered, -1);
    }

    /** The first bridge in row order among the suppressed entries, if any. */
    static Optional<Position> first(int height, int width, List<Position> suppressed) {
        Bridges bridges = new Bridges(height, width, suppressed);
        for (int v = 0; v < height + width; v++) {
            if (bridges.discovered[v] < 0) {
                bridges.visit(v, -1);
            }
        }
        return Optional.ofNullable(bridges.first);
    }

    /**
     * The lines reachable from line {@code start} without passing through {@code removed}:
     * index {@code i} for row i, {@code height + j} for column j.
     */
    static boolean[] reachable(int height, int width, List<Position> suppressed,
                               Position removed, int start) {
        Bridges graph = new Bridges(height, width, suppressed);
        boolean[] reached = new boolean[height + width];
        Deque<Integer> queue = new ArrayDeque<>(List.of(start));
        reached[start] = true;
        while (!queue.isEmpty()) {
            for (int[] next : graph.adjacent.get(queue.poll())) {
                if (!reached[next[0]] && !graph.edges.get(next[1]).equals(removed)) {
                    reached[next[0]] = true;
                    queue.add(next[0]);
                }
            }
        }
        return reached;
    }

    private void visit(int vertex, int arrivedBy) {
        discovered[vertex] = clock;
        low[vertex] = clock;
        clock++;
        for (int[] next : adjacent.get(vertex)) {
            int neighbour = next[0];
            int edge = next[1];
            if (edge == arrivedBy) {
                continue;
            }
            if (discovered[neighbour] < 0) {
                visit(neighbour, edge);
                low[vertex] = Math.min(low[vertex], low[neighbour]);
                if (low[neighbour] > discovered[vertex]) {
                    found(edges.get(edge));
                }
            } else {
                low[vertex] = Math.min(low[vertex], discovered[neighbour]);
            }
        }
    }

    private void found(Position bridge) {
        boolean earlier = first == null || bridge.row() < first.row()
                || bridge.row() == first.row() && bridge.column() < first.column();
        if (earlier) {
            first = bridge;
        }
    }
}
