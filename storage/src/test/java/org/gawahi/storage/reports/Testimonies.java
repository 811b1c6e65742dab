package org.gawahi.storage.reports;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gawahi.storage.testimony.TestimonyContent;

/** Crafted testimonies: answers written {@code "c5=me q1=2026-02 q2=mh q10=hit,insulted"}. */
public final class Testimonies {
    /** What every counted testimony says unless told otherwise: first hand, consent to totals. */
    public static final String BASE = "c5=me u1=aggregate";

    private Testimonies() {
    }

    public static TestimonyContent content(String written) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (String part : (BASE + " " + written).trim().split("\\s+")) {
            String[] kv = part.split("=", 2);
            answers.put(kv[0], Arrays.asList(kv[1].split(",")));
        }
        return new TestimonyContent("raid", 1, "en", answers, Map.of());
    }

    public static CountedTestimony testimony(String id, String written) {
        return new CountedTestimony(id, id, content(written), LocalDate.of(2026, 6, 1));
    }

    public static CountedTestimony ofEvent(String id, String event, String written) {
        return new CountedTestimony(id, event, content(written), LocalDate.of(2026, 6, 1));
    }

    public static CountedTestimony arrived(String id, LocalDate day, String written) {
        return new CountedTestimony(id, id, content(written), day);
    }
}
