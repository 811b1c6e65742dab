package org.gawahi.bot.brief;

import java.util.Objects;

/** A brief, or why there is none. */
sealed interface BriefOutcome {
    record Ready(Brief brief) implements BriefOutcome {
        public Ready {
            Objects.requireNonNull(brief, "brief");
        }
    }

    record Refused(Refusal why) implements BriefOutcome {
        public Refused {
            Objects.requireNonNull(why, "why");
        }
    }
}
