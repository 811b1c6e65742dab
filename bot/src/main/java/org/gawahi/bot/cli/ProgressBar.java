package org.gawahi.bot.cli;

import java.io.PrintStream;

/**
 * A one-line text progress bar, redrawn in place on a terminal's stderr when the percentage
 * moves. When nobody watches a terminal (a log, a pipe, a service) it draws nothing: a
 * carriage return in a log is noise, and the command says what it did when it is done.
 */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String label;
    private final boolean drawn;
    private int shownPercent = -1;

    ProgressBar(PrintStream err, String label, boolean terminal) {
        this.err = err;
        this.label = label;
        this.drawn = terminal;
    }

    /** On the command's stderr, drawn only when it is interactive. */
    static ProgressBar on(CliEnvironment env, String label) {
        return new ProgressBar(env.err(), label, env.interactive());
    }

    void update(int done, int total) {
        if (total <= 0 || !drawn) {
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
