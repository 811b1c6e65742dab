package org.gawahi.bot.cli;

import java.io.PrintStream;

import org.gawahi.storage.reports.ApprovedTestimonies;

/** A one-line progress bar on stderr, redrawn in place when the percentage moves. */
final class ProgressLine implements ApprovedTestimonies.Progress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final String label;
    private int shown = -1;

    ProgressLine(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public void update(int done, int total) {
        if (total <= 0) {
            return;
        }
        int percent = (int) (100L * done / total);
        if (percent == shown) {
            return;
        }
        shown = percent;
        int filled = (int) ((long) WIDTH * done / total);
        err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total
                + " (" + percent + "%)");
        err.flush();
    }

    void finish() {
        if (shown >= 0) {
            err.println();
        }
    }
}
