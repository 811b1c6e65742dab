package org.gawahi.bot.moderation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.testimony.Decisions;
import org.gawahi.storage.testimony.Testimonies;
import org.gawahi.storage.testimony.TestimonyTable;

/**
 * The pending testimonies review may show, urgent first then oldest, and the ids of those it
 * passes over. Urgency is sealed inside the content (no column says it), so every pending row
 * is opened to read it; a row that does not open, or whose state does not verify
 * ({@link Decisions}), is passed over and named, and the rest go on.
 */
record PendingQueue(List<Waiting> waiting, List<String> leftOut) {
    record Waiting(TestimonyTable.Row row, boolean urgent) {
    }

    PendingQueue {
        waiting = List.copyOf(waiting);
        leftOut = List.copyOf(leftOut);
    }

    static PendingQueue read(Testimonies testimonies, Decisions decisions, Opener opener) {
        List<Waiting> waiting = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (TestimonyTable.Row row : testimonies.pending()) {
            if (!decisions.trusted(row)) {
                leftOut.add(row.id());
                continue;
            }
            try {
                waiting.add(new Waiting(row, testimonies.open(row, opener).urgent()));
            } catch (CannotOpenException | IllegalArgumentException e) {
                leftOut.add(row.id());
            }
        }
        waiting.sort(Comparator.comparing((Waiting w) -> !w.urgent())
                .thenComparing(w -> w.row().submittedDay()).thenComparing(w -> w.row().id()));
        return new PendingQueue(waiting, leftOut);
    }
}
