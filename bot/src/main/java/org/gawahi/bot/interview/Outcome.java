package org.gawahi.bot.interview;

import java.util.Objects;

/** What a press or typed text on a question leads to, for {@link Interview} to carry out. */
sealed interface Outcome {

    /** She stays in the interview and sees this screen. */
    record Show(Screen screen) implements Outcome {
        public Show {
            Objects.requireNonNull(screen, "screen");
        }
    }

    /** She left at once (an option that leaves the interview): nothing is kept. */
    record QuickExit() implements Outcome, Move {
    }

    /** An option that ends the interview with a message (its key in the texts); nothing is kept. */
    record End(String messageKey) implements Outcome, Move {
        public End {
            Objects.requireNonNull(messageKey, "messageKey");
        }
    }

    /** She asked to erase: the confirmation comes next. */
    record Erase() implements Outcome, Move {
    }
}
