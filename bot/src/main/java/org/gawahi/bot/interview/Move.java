package org.gawahi.bot.interview;

import java.util.List;
import java.util.Objects;

/**
 * What a press or typed text means on the question on screen, as its {@link AnswerKind} (or the
 * navigation row) reads it. {@link Answering#apply} is the one place that carries a move out:
 * kinds say what she did, never where she goes next. The moves that leave the question at once
 * are {@link Outcome}s already.
 */
sealed interface Move permits Move.Answered, Move.Wrote, Move.Read, Move.Redraw, Move.Notice, Move.Back,
        Move.Pause, Outcome.QuickExit, Outcome.End, Outcome.Erase {

    /** An answer to record (option ids, a month, skip or don't know); the flow goes on. */
    record Answered(List<String> values) implements Move {
        public Answered {
            values = List.copyOf(values);
        }
    }

    /** A free-text answer, already cleaned; {@code masked} when identifiers were replaced. */
    record Wrote(String text, boolean masked) implements Move {
        public Wrote {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An information screen was read; the flow goes on with nothing recorded. */
    record Read() implements Move {
    }

    /** The same question again, changed in place (a tick, a year chosen). */
    record Redraw() implements Move {
    }

    /** The same question again, with words above it (a refusal in her language, an explanation). */
    record Notice(String text) implements Move {
        public Notice {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Back: one step inside the question if it has steps, else to the previous question. */
    record Back() implements Move {
    }

    /** A pause: her draft waits for her. */
    record Pause() implements Move {
    }
}
