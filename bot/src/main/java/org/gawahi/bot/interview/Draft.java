package org.gawahi.bot.interview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One person's unfinished testimony and where she is in it. Mutable, but only inside one
 * call of {@link Interview#handle}: it is read from the draft store, changed, and written
 * back. Encoded by {@link DraftCodec}; never logged. A new field here needs a new
 * {@link DraftFormat} (the released layouts never change).
 */
final class Draft {
    enum Stage {
        LANGUAGE,
        QUESTION,
        REVIEW,
        REVIEW_PICK,
        ERASE_CONFIRM,
        PAUSED,
        RESUME
    }

    static final String SKIP = "_skip";
    static final String DONT_KNOW = "_dont_know";

    String questionnaire;
    int version;
    String language;
    Stage stage = Stage.LANGUAGE;
    /** The question on screen when stage is QUESTION. */
    String current;
    /** Answers by question id: option ids, a month, or SKIP / DONT_KNOW. */
    Map<String, List<String>> answers = new LinkedHashMap<>();
    /** Free-text answers by question id, already masked. */
    Map<String, String> texts = new LinkedHashMap<>();
    /** Questions left forward, most recent last: Back walks it. */
    List<String> history = new ArrayList<>();
    /** Ticks of a multi question not yet confirmed with Done. */
    Set<String> pending = new LinkedHashSet<>();
    /** The year chosen on the first step of a month_year question. */
    Integer pendingYear;
    /** The person came from "change an answer" and returns to the review after it. */
    boolean editing;
    /** Where to go back to when an erase is not confirmed, or a pause resumed. */
    Stage returnStage;
    /** {@link Flow}'s effective answers, kept while {@link #answers} stay the same; never encoded. */
    transient Flow.Effective effective;
}
