package org.gawahi.bot.brief;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.gawahi.config.questionnaire.Condition;
import org.gawahi.config.questionnaire.Counting;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.reports.CountedTestimony;

/**
 * When and where a raid happened, as its testimonies say (the month and place most of them
 * give): the event table itself holds nothing about the raid. The district is named only as
 * the collective's reports would name it (a quarter after the raid's quarter ended, with at
 * least {@value #DISTRICT_MIN_TESTIMONIES} testimonies and {@value #DISTRICT_MIN_RAIDS} raids
 * from it in that quarter, the rule of {@code storage/.../reports/Areas}); otherwise the state.
 */
record BriefEvent(String id, Optional<YearMonth> month, Optional<String> state, Optional<String> district) {
    static final int DISTRICT_LAG_MONTHS = 3;
    static final int DISTRICT_MIN_TESTIMONIES = 10;
    static final int DISTRICT_MIN_RAIDS = 3;

    /**
     * @param ofEvent the event's counted testimonies
     * @param all     every counted testimony (for the district rule's count of raids)
     */
    static BriefEvent of(String id, List<CountedTestimony> ofEvent, List<CountedTestimony> all, Questionnaire questionnaire,
                         LocalDate today) {
        Counting counting = questionnaire.indicators().counting();
        // Only districts tied to a state are places ("another district", "prefer not to say" are not).
        Set<String> places = new HashSet<>();
        questionnaire.question(counting.district()).ifPresent(q -> q.options().stream()
                .filter(o -> o.showIf().isPresent()).forEach(o -> places.add(o.id())));
        Optional<YearMonth> month = mostGiven(ofEvent, t -> monthOf(t, counting));
        Optional<String> state = mostGiven(ofEvent, t -> given(t.answers().apply(counting.state())));
        Optional<String> district = state.isEmpty() || month.isEmpty() ? Optional.empty()
                : mostGiven(ofEvent, t -> given(t.answers().apply(counting.district())))
                .filter(places::contains)
                .filter(d -> districtAllowed(state.get(), d, month.get(), ofEvent, all, counting, today));
        return new BriefEvent(id, month, state, district);
    }

    private static boolean districtAllowed(String state, String district, YearMonth month, List<CountedTestimony> ofEvent,
                                           List<CountedTestimony> all, Counting counting, LocalDate today) {
        YearMonth quarterEnd = YearMonth.of(month.getYear(), ((month.getMonthValue() - 1) / 3) * 3 + 3);
        if (quarterEnd.plusMonths(DISTRICT_LAG_MONTHS).atEndOfMonth().isAfter(today)) {
            return false;
        }
        long fromIt = ofEvent.stream().filter(t -> inPlace(t, state, district, counting)).count();
        Set<String> raids = new HashSet<>();
        for (CountedTestimony t : all) {
            Optional<YearMonth> m = monthOf(t, counting);
            if (inPlace(t, state, district, counting) && m.isPresent()
                    && (m.get().getMonthValue() - 1) / 3 == (month.getMonthValue() - 1) / 3
                    && m.get().getYear() == month.getYear()) {
                raids.add(t.eventId());
            }
        }
        return fromIt >= DISTRICT_MIN_TESTIMONIES && raids.size() >= DISTRICT_MIN_RAIDS;
    }

    private static boolean inPlace(CountedTestimony t, String state, String district, Counting counting) {
        return t.answers().apply(counting.state()).contains(state)
                && t.answers().apply(counting.district()).contains(district);
    }

    private static Optional<YearMonth> monthOf(CountedTestimony t, Counting counting) {
        for (String value : t.content().answer(counting.date())) {
            try {
                return Optional.of(YearMonth.parse(value));
            } catch (java.time.format.DateTimeParseException e) {
                // a year alone, or "don't know": no month
            }
        }
        return Optional.empty();
    }

    private static Optional<String> given(Set<String> answers) {
        return answers.stream().filter(a -> !Condition.NOT_ANSWERS.contains(a)).sorted().findFirst();
    }

    /** The value most testimonies give (ties to the smallest, so the result does not depend on order). */
    private static <T extends Comparable<T>> Optional<T> mostGiven(List<CountedTestimony> testimonies,
                                                                   Function<CountedTestimony, Optional<T>> value) {
        Map<T, Integer> counts = new HashMap<>();
        testimonies.forEach(t -> value.apply(t).ifPresent(v -> counts.merge(v, 1, Integer::sum)));
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<T, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
    }

    /** The month in {@code language}, such as "February 2026" or "फ़रवरी 2026". */
    String monthLabel(BriefWords words) {
        return month.map(m -> m.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, Locale.forLanguageTag(words.language()))
                + " " + m.getYear()).orElseGet(() -> words.get("brief.month_unknown"));
    }

    /** The district and state, or the state, in the questionnaire's words for {@code language}. */
    String areaLabel(Questionnaire questionnaire, BriefWords words) {
        if (state.isEmpty()) {
            return words.get("brief.area_unknown");
        }
        Counting counting = questionnaire.indicators().counting();
        var texts = questionnaire.supports(words.language()) ? questionnaire.texts(words.language())
                : questionnaire.texts("en");
        String stateName = texts.optionLabel(counting.state(), state.get());
        return district.map(d -> texts.optionLabel(counting.district(), d) + ", " + stateName).orElse(stateName);
    }

    /** The state alone (letters address a state commission). */
    String stateLabel(Questionnaire questionnaire, BriefWords words) {
        if (state.isEmpty()) {
            return words.get("brief.area_unknown");
        }
        var texts = questionnaire.supports(words.language()) ? questionnaire.texts(words.language())
                : questionnaire.texts("en");
        return texts.optionLabel(questionnaire.indicators().counting().state(), state.get());
    }
}
