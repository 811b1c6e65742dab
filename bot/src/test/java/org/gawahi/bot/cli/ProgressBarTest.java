package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private static String drawn(boolean terminal) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), "re-sealing", terminal);
        for (int done = 1; done <= 40; done++) {
            bar.update(done, 40);
        }
        bar.finish();
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void redrawsInPlaceOnATerminal() {
        assertThat(drawn(true)).contains("\rre-sealing [", "40/40 (100%)").endsWith(System.lineSeparator());
    }

    @Test
    void writesNothingIntoALogOrPipe() {
        assertThat(drawn(false)).isEmpty();
    }
}
