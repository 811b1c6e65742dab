package org.gawahi.config.questionnaire;

import java.util.Objects;

/**
 * Which answers reports read for consent, source, place and time ({@code counting:} in
 * {@code indicators.yaml}), so that no question id is written into the reporting code.
 *
 * @param consent      a testimony is counted only when this holds (its author allowed totals)
 * @param firstHand    "it happened to me": the population of person-level shares
 * @param quoteConsent a testimony's words may be quoted only when this holds
 * @param date         the month_year question that dates the raid
 * @param state        the single-choice question of the state
 * @param district     the single-choice question of the district
 */
public record Counting(Condition consent, Condition firstHand, Condition quoteConsent,
                       String date, String state, String district) {
    public Counting {
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(firstHand, "firstHand");
        Objects.requireNonNull(quoteConsent, "quoteConsent");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(district, "district");
    }
}
