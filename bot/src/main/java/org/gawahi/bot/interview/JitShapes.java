package org.gawahi.bot.interview;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one class of each collection the engine's hot method meets, and why: {@link Flow} works
 * out the effective answers at every turn, and the JIT compiled it again (about a second of the
 * compiler thread each time) whenever a second class of list or set reached a call it had
 * compiled for one. Keeping one class of each took its compilation in a cold run's first 30 s
 * from 6.4 s to 2.5 s; see "Under load" in docs/PERFORMANCE.md, and measure with
 * {@code EngineBenchmark} before changing what these return.
 */
final class JitShapes {
    private JitShapes() {
    }

    /** An answer as the draft holds it: an ArrayList, as {@link DraftFields} decodes one too. */
    static List<String> answer(Collection<String> values) {
        return new ArrayList<>(values);
    }

    /**
     * The options chosen for one question, as conditions read them (they only read). A HashSet
     * for every question, the unanswered ones too: one new empty set per computation rather than
     * a shared constant, which anyone holding it could fill.
     */
    static Set<String> chosen(Collection<String> optionIds) {
        return new HashSet<>(optionIds);
    }
}
