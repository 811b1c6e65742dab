package org.gawahi.storage.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.gawahi.config.questionnaire.Condition;

/**
 * The words a report may quote: free-text answers of counted testimonies in the period whose
 * author consented to be quoted and that a moderator redacted (or cleared as they stood).
 * Nothing travels with a quote (no area, date, id or language), they are ordered by their
 * text so the order says nothing of when they arrived, at most {@value #MAX} of them, and
 * none at all unless the period holds at least as many testimonies as a published count
 * needs: a quote from a period of three testimonies is nearly a signature. Public for the
 * raid brief, which quotes the testimonies of one event by the same rule.
 */
public final class Quotes {
    static final int MAX = 6;

    private final Condition consent;
    private final int minimumTestimonies;

    public Quotes(Condition consent, int minimumTestimonies) {
        this.consent = Objects.requireNonNull(consent, "consent");
        this.minimumTestimonies = minimumTestimonies;
    }

    public List<String> of(List<CountedTestimony> inPeriod) {
        if (inPeriod.size() < minimumTestimonies) {
            return List.of();
        }
        Set<String> quotes = new TreeSet<>();
        for (CountedTestimony t : inPeriod) {
            if (!consent.holds(q -> Set.copyOf(t.content().answer(q)))) {
                continue;
            }
            for (String question : t.content().redacted()) {
                String text = t.content().texts().get(question);
                if (text != null && !text.isBlank()) {
                    quotes.add(text.strip());
                }
            }
        }
        List<String> kept = new ArrayList<>(quotes);
        return List.copyOf(kept.subList(0, Math.min(MAX, kept.size())));
    }
}
