package org.gawahi.storage.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.gawahi.config.questionnaire.Condition;
import org.gawahi.config.questionnaire.Counting;
import org.gawahi.config.questionnaire.Option;
import org.gawahi.config.questionnaire.Questionnaire;

/**
 * The rows of a report: states by default, in the questionnaire's order, plus
 * {@link #NOT_GIVEN}. A district gets its own row only where research §7 allows it: at
 * least {@value #DISTRICT_MIN_RAIDS} distinct raids and {@value #DISTRICT_MIN_TESTIMONIES}
 * testimonies in the period, and only once the period ended a quarter ago (publication lag).
 * The other districts of that state then share one row, {@code <state>/rest}, so the rows
 * still split the whole and a state figure is never printed beside its districts'.
 *
 * <p>Only district options tied to a state (with a {@code show_if}) are places; "another
 * district" and "prefer not to say" stay in the rest of the state.
 *
 * <p>Row labels are ids ({@code mh}, {@code mh/pune}, {@code mh/rest}, {@code not_given});
 * the writers turn them into words of the report's language.
 */
final class Areas {
    static final String NOT_GIVEN = "not_given";
    static final String REST = "rest";
    static final int DISTRICT_MIN_RAIDS = 3;
    static final int DISTRICT_MIN_TESTIMONIES = 10;

    private final Counting counting;
    private final List<String> states;
    private final Map<String, List<String>> districtsByState;

    private Areas(Counting counting, List<String> states, Map<String, List<String>> districtsByState) {
        this.counting = counting;
        this.states = List.copyOf(states);
        this.districtsByState = districtsByState;
    }

    /** State rows only. */
    static Areas states(Questionnaire questionnaire) {
        Counting counting = questionnaire.indicators().counting();
        List<String> states = questionnaire.question(counting.state()).orElseThrow().options().stream()
                .map(Option::id).toList();
        return new Areas(counting, states, Map.of());
    }

    /** State rows, with the districts that pass the rule (over all sources) broken out. */
    static Areas withDistricts(Questionnaire questionnaire, List<CountedTestimony> inPeriod) {
        Areas plain = states(questionnaire);
        Map<String, Set<String>> events = new HashMap<>();
        Map<String, Integer> testimonies = new HashMap<>();
        for (CountedTestimony t : inPeriod) {
            plain.district(t.answers()).ifPresent(d -> {
                events.computeIfAbsent(d, k -> new HashSet<>()).add(t.eventId());
                testimonies.merge(d, 1, Integer::sum);
            });
        }
        Map<String, List<String>> qualifying = new LinkedHashMap<>();
        for (Option option : questionnaire.question(plain.counting.district()).orElseThrow().options()) {
            if (option.showIf().isEmpty()) {
                continue; // shown for every state ("another district", "prefer not to say"): not a place
            }
            for (String state : plain.states) {
                String key = state + "/" + option.id();
                if (events.getOrDefault(key, Set.of()).size() >= DISTRICT_MIN_RAIDS
                        && testimonies.getOrDefault(key, 0) >= DISTRICT_MIN_TESTIMONIES) {
                    qualifying.computeIfAbsent(state, s -> new ArrayList<>()).add(key);
                }
            }
        }
        return new Areas(plain.counting, plain.states, qualifying);
    }

    List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (String state : states) {
            List<String> districts = districtsByState.get(state);
            if (districts == null) {
                rows.add(state);
            } else {
                rows.addAll(districts);
                rows.add(state + "/" + REST);
            }
        }
        rows.add(NOT_GIVEN);
        return rows;
    }

    boolean hasDistricts() {
        return !districtsByState.isEmpty();
    }

    /** The row of a testimony. */
    String rowOf(Function<String, Set<String>> answers) {
        String state = state(answers);
        List<String> districts = districtsByState.get(state);
        if (districts == null) {
            return state;
        }
        return district(answers).filter(districts::contains).orElse(state + "/" + REST);
    }

    private String state(Function<String, Set<String>> answers) {
        Set<String> given = answers.apply(counting.state());
        return states.stream().filter(given::contains).findFirst().orElse(NOT_GIVEN);
    }

    /** {@code state/district}, when both were given. */
    private Optional<String> district(Function<String, Set<String>> answers) {
        String state = state(answers);
        if (state.equals(NOT_GIVEN)) {
            return Optional.empty();
        }
        return answers.apply(counting.district()).stream()
                .filter(a -> !Condition.NOT_ANSWERS.contains(a))
                .findFirst().map(d -> state + "/" + d);
    }

    static boolean isDistrictRow(String row) {
        return row.contains("/");
    }
}
