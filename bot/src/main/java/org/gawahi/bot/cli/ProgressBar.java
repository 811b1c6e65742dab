package org.gawahi.bot.cli;

import java.io.PrintStream;

/** A one-line text progress bar, redrawn in place on a terminal's stderr when the percentage moves. */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String label;
    private int shownPercent = -1;

    ProgressBar(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    void update(int done, int total) {
        if (total <= 0) {
            return;
        }
        int percent = (int) (100L * done / total);
        if (percent == shownPercent && done != total) {
            return;
        }
        shownPercent = percent;
        int filled = (int) ((long) WIDTH * done / total);
        err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + done + "/" + total + " (" + percent + "%)");
        err.flush();
    }

    void finish() {
        if (shownPercent >= 0) {
            err.println();
        }
    }
}
