package org.gawahi.config.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped indicator on crafted answers: one testimony it counts in its numerator, one
 * it counts only in its denominator, and one it leaves out. Answers are written
 * {@code "q10=hit,insulted q11=station"}; the population (first hand or not) is the
 * counting code's and is tested there.
 */
class ShippedIndicatorsTest {
    private static final Indicators INDICATORS = QuestionnaireLoader.loadDefault().indicators();

    static Stream<Arguments> cases() {
        return Stream.of(
                // id, in numerator, only in denominator, outside the denominator
                cases("night_raids", "q5=night", "q5=day", "q5=_dont_know"),
                cases("no_women_police_at_entry", "q7=later", "q7=from_start", "q7=_skip"),
                cases("no_grounds_given", "q8=said_nothing", "q8=showed_paper", "q8=_dont_know"),
                cases("media_present", "q6=media,local_police", "q6=local_police", ""),
                cases("photographed_or_face_shown", "q10=face_shown", "q10=insulted", "q10=pns"),
                cases("physical_violence", "q10=hit,insulted", "q10=none", "q10=pns"),
                cases("verbal_abuse", "q10=insulted", "q10=hit", "q10=_skip"),
                cases("male_search", "q10=undress", "q10=threatened", "q10=pns"),
                cases("sexual_violence", "q10=sexual q10a=pns", "q10=none", "q10=pns"),
                cases("theft_or_extortion", "q10=none q11=station q16=paid_police", "q10=broken q26=phone", "q10=pns q26=money"),
                cases("property_destroyed", "q10=broken", "q10=papers", "q10=_skip"),
                cases("consenting_adults_detained", "q18=age25_34 q19=own_choice q11=not_taken q17=yes",
                        "q18=age18_24 q19=own_choice q11=not_taken", "q18=under18 q19=own_choice q11=station"),
                cases("family_not_informed", "q11=station q13=overnight,lawyer", "q11=station q13=family_told",
                        "q11=station q13=_dont_know"),
                cases("no_lawyer", "q11=shelter q13=none", "q11=hospital q13=lawyer", "q11=not_taken"),
                cases("not_heard_by_magistrate", "q11=station q14=no", "q11=station q14=yes", "q11=station q14=no_court"),
                cases("shelter_over_3_weeks", "q11=shelter q15a=m3_12", "q15=yes q15a=w1_3", "q11=shelter q15a=still_there"),
                cases("shelter_against_will", "q11=shelter q15b=not_asked", "q15=yes q15b=yes", "q11=shelter q15b=pns"),
                cases("shelter_abuse", "q11=shelter q15c=beaten,phone_taken", "q11=shelter q15c=useless_training",
                        "q11=shelter q15c=pns"),
                cases("forced_undertaking", "q11=station q16=bond q27=yes", "q11=station q16=none q27=no",
                        "q11=station q16=bond q27=still_held"),
                cases("minors_among_raided", "q18=under18", "q18=age35_44", "q18=pns"),
                cases("voluntary_sex_work", "q19=own_choice", "q19=complicated", "q19=pns"),
                cases("returned_to_sex_work", "q11=station q27=yes", "q11=station q27=no", "q11=station q27=still_held"),
                cases("age_documents_ignored", "q20=ignored_papers", "q20=accepted_papers", "q20=_dont_know"),
                cases("raids_affecting_children", "q21=yes", "q21=no", "q21=pns"),
                cases("child_identity_exposed", "q21=yes q23=questioned_public", "q21=yes q23=cwc", "q21=yes q23=pns"),
                cases("children_removed", "q21=yes q23=childrens_home", "q21=yes q23=none", "q21=no"),
                cases("children_separated_over_month", "q21=yes q23=taken_away q24=not_returned",
                        "q21=yes q23=taken_away q24=d1_7", "q21=yes q23=taken_away q24=_skip"),
                cases("child_documents_ignored", "q21=yes q23=papers_ignored,taken_away", "q21=yes q23=questioned",
                        "q21=yes q23=_skip"),
                cases("schooling_disrupted", "q21=yes q25=stopped_school", "q21=yes q25=scared", "q21=yes q25=pns"),
                cases("sought_remedy", "q28=legal_aid", "q28=nothing_unsure", "q28=pns"),
                cases("afraid_to_complain", "q28=nothing_afraid,collective", "q28=collective", "q28=pns"));
    }

    private static Arguments cases(String id, String numerator, String denominatorOnly, String outside) {
        return Arguments.of(id, numerator, denominatorOnly, outside);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void countsCraftedAnswersAsTheResearchDefinesThem(String id, String numerator, String denominatorOnly, String outside) {
        Indicator indicator = INDICATORS.indicator(id).orElseThrow();

        assertThat(indicator.inNumerator(answers(numerator))).as("numerator: %s", numerator).isTrue();
        assertThat(indicator.inDenominator(answers(numerator))).as("a numerator is inside its denominator").isTrue();
        assertThat(indicator.inNumerator(answers(denominatorOnly))).as("numerator: %s", denominatorOnly).isFalse();
        assertThat(indicator.inDenominator(answers(denominatorOnly))).as("denominator: %s", denominatorOnly).isTrue();
        assertThat(indicator.inDenominator(answers(outside))).as("denominator: %s", outside).isFalse();
        assertThat(indicator.inNumerator(answers(outside))).as("numerator: %s", outside).isFalse();
    }

    @Test
    void everyShareIndicatorHasCraftedCases() {
        Set<String> tested = cases().map(a -> (String) a.get()[0]).collect(java.util.stream.Collectors.toSet());
        List<String> shares = INDICATORS.all().stream().filter(Indicator::isShare).map(Indicator::id).toList();

        assertThat(tested).containsExactlyInAnyOrderElementsOf(shares);
    }

    @Test
    void raidsReportedCountsEveryTestimonyOfItsPopulation() {
        Indicator raids = INDICATORS.indicator("raids_reported").orElseThrow();

        assertThat(raids.isShare()).isFalse();
        assertThat(raids.inNumerator(answers(""))).isTrue();
        assertThat(raids.inNumerator(answers("q5=night q2=mh"))).isTrue();
    }

    @Test
    void answeredHoldsForAnOptionOrAMonthButNotForSkipOrDontKnow() {
        Condition answered = new Condition.Answered("q1");

        assertThat(answered.holds(answers("q1=2026-02"))).isTrue();
        assertThat(answered.holds(answers("q1=2026"))).isTrue();
        assertThat(answered.holds(answers("q1=_skip"))).isFalse();
        assertThat(answered.holds(answers("q1=_dont_know"))).isFalse();
        assertThat(answered.holds(answers(""))).isFalse();
    }

    /** "q10=hit,insulted q11=station" as the answers function a condition reads. */
    static Function<String, Set<String>> answers(String written) {
        Map<String, Set<String>> map = new HashMap<>();
        for (String part : written.trim().split("\\s+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            map.put(kv[0], Set.copyOf(Arrays.asList(kv[1].split(","))));
        }
        return q -> map.getOrDefault(q, Set.of());
    }
}
