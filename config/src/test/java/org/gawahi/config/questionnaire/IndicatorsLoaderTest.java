package org.gawahi.config.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gawahi.config.questionnaire.RaidFolder.INDICATORS;
import static org.gawahi.config.questionnaire.RaidFolder.REPORT_EN;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class IndicatorsLoaderTest {

    private static RaidFolder raid() {
        return RaidFolder.shipped();
    }

    private static void assertRefused(RaidFolder folder, String file, String path, String... reasonParts) {
        assertThat(folder.problems()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(file);
            assertThat(problem.path()).isEqualTo(path);
            assertThat(problem.reason()).contains(reasonParts);
        });
    }

    @Test
    void loadsEveryIndicatorOfTheShippedQuestionnaireWithItsSafeguardsAndEnglishWords() {
        Indicators indicators = QuestionnaireLoader.loadDefault().indicators();

        assertThat(indicators.defined()).isTrue();
        assertThat(indicators.all()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(indicators.indicator("night_raids")).hasValueSatisfying(i -> {
            assertThat(i.unit()).isEqualTo(Indicator.Unit.RAIDS);
            assertThat(i.population()).isEqualTo(Indicator.Population.ALL);
            assertThat(i.isShare()).isTrue();
            assertThat(i.safeguards()).containsExactly("night_arrest");
        });
        assertThat(indicators.indicator("raids_reported")).hasValueSatisfying(i -> {
            assertThat(i.isShare()).isFalse();
            assertThat(i.finestArea()).isEqualTo(Indicator.AreaLevel.DISTRICT);
        });
        assertThat(indicators.indicator("sexual_violence")).hasValueSatisfying(i -> {
            assertThat(i.sensitive()).isTrue();
            assertThat(i.finestArea()).isEqualTo(Indicator.AreaLevel.STATE);
        });
        assertThat(indicators.safeguard("itpa_15_6a").citation()).contains("s.15(6A)");
        ReportTexts english = indicators.texts("en");
        for (Indicator i : indicators.all()) {
            assertThat(english.label(i.id())).isNotBlank();
            i.safeguards().forEach(s -> assertThat(english.safeguard(s)).isNotBlank());
        }
        assertThat(indicators.counting().state()).isEqualTo("q2");
    }

    @Test
    void everyPersonLevelIndicatorCountsFirstHandTestimoniesOnly() {
        Set<String> notFirstHand = QuestionnaireLoader.loadDefault().indicators().all().stream()
                .filter(i -> i.unit() != Indicator.Unit.RAIDS && i.population() != Indicator.Population.FIRST_HAND)
                .map(Indicator::id).collect(Collectors.toSet());

        assertThat(notFirstHand).isEmpty();
    }

    @Test
    void aFolderWithoutIndicatorsStillLoadsAndDefinesNone() {
        Questionnaire q = raid().without(INDICATORS).load();

        assertThat(q.indicators().defined()).isFalse();
        assertThat(q.questions()).isNotEmpty();
    }

    @Test
    void refusesAnUnknownQuestionInANumerator() {
        assertRefused(raid().replace(INDICATORS, "numerator: {question: q5, any_of: [night]}",
                "numerator: {question: q55, any_of: [night]}"), INDICATORS, "indicators[1].numerator.question",
                "unknown question 'q55'");
    }

    @Test
    void refusesAnUnknownOptionInADenominator() {
        assertRefused(raid().replace(INDICATORS, "denominator: {question: q14, any_of: [\"yes\", \"no\"]}",
                "denominator: {question: q14, any_of: [\"yes\", \"nope\"]}"), INDICATORS,
                "indicators[15].denominator", "question 'q14' has no option 'nope'");
    }

    @Test
    void refusesAnUnknownQuestionAfterAnswered() {
        assertRefused(raid().replace(INDICATORS, "denominator: {answered: q5}", "denominator: {answered: q99}"),
                INDICATORS, "indicators[1].denominator.answered", "unknown question 'q99'");
    }

    @Test
    void refusesAnUnknownSafeguard() {
        assertRefused(raid().replace(INDICATORS, "safeguards: [night_arrest]", "safeguards: [night_arest]"),
                INDICATORS, "indicators[1].safeguards[0]", "unknown safeguard 'night_arest'");
    }

    @Test
    void refusesAnIndicatorWithoutSafeguards() {
        assertRefused(raid().replace(INDICATORS, "safeguards: [night_arrest]", "safeguards: []"),
                INDICATORS, "indicators[1].safeguards", "at least one safeguard");
    }

    @Test
    void refusesAPersonLevelIndicatorOverAllSources() {
        assertRefused(raid().replace(INDICATORS, "  - id: no_grounds_given\n    unit: testimonies\n    population: first_hand",
                "  - id: no_grounds_given\n    unit: testimonies\n    population: all"), INDICATORS,
                "indicators[3].population", "first-hand testimonies only");
    }

    @Test
    void refusesASensitiveIndicatorByDistrict() {
        assertRefused(raid().replace(INDICATORS, "    safeguards: [sc_2022_sexual_violence]\n    sensitive: true",
                "    safeguards: [sc_2022_sexual_violence]\n    sensitive: true\n    finest_area: district"), INDICATORS,
                "indicators[9].finest_area", "by state at the finest");
    }

    @Test
    void refusesAShareWithoutANumerator() {
        assertRefused(raid().replace(INDICATORS, "    numerator: {question: q5, any_of: [night]}\n", ""),
                INDICATORS, "indicators[1].numerator", "needs a numerator");
    }

    @Test
    void refusesAnUnknownUnitAndPopulation() {
        RaidFolder broken = raid().replace(INDICATORS, "  - id: night_raids\n    unit: raids\n    population: all",
                "  - id: night_raids\n    unit: raid\n    population: everyone");

        assertRefused(broken, INDICATORS, "indicators[1].unit", "unknown unit 'raid'", "raids, testimonies, children");
        assertRefused(broken, INDICATORS, "indicators[1].population", "unknown population 'everyone'");
    }

    @Test
    void refusesDuplicateIndicatorIds() {
        assertRefused(raid().replace(INDICATORS, "  - id: verbal_abuse", "  - id: physical_violence"),
                INDICATORS, "indicators[7].id", "duplicate indicator id 'physical_violence'");
    }

    @Test
    void refusesADateQuestionThatIsNotAMonthYear() {
        assertRefused(raid().replace(INDICATORS, "  date: q1 ", "  date: q2 "), INDICATORS, "counting.date",
                "'q2' is a single question", "month_year");
    }

    @Test
    void refusesAnUnknownFieldAsATypo() {
        assertRefused(raid().replace(INDICATORS, "    sensitive: true\n\n  # §6 #10",
                "    sensitve: true\n\n  # §6 #10"), INDICATORS, "indicators[9].sensitve", "unknown field");
    }

    @Test
    void refusesIndicatorsWithoutEnglishReportWords() {
        assertRefused(raid().without(REPORT_EN), REPORT_EN, "", "file not found", "English");
    }

    @Test
    void refusesAMissingLabelAndAMissingDenominatorLabel() {
        RaidFolder broken = raid()
                .replace(REPORT_EN, "  verbal_abuse:\n    label: \"Women shouted at or insulted\"\n    denominator: \"women who answered\"\n", "")
                .replace(REPORT_EN, "    label: \"Raids at night (10 pm to 6 am)\"\n    denominator: \"raids whose time was given\"",
                        "    label: \"Raids at night (10 pm to 6 am)\"");

        assertRefused(broken, REPORT_EN, "indicators.verbal_abuse", "missing translation");
        assertRefused(broken, REPORT_EN, "indicators.night_raids.denominator", "missing");
    }

    @Test
    void refusesWordsForAnIndicatorOrSafeguardThatDoesNotExist() {
        RaidFolder broken = raid()
                .replace(REPORT_EN, "safeguards:\n", "safeguards:\n  itpa_99: \"No such rule.\"\n")
                .replace(REPORT_EN, "indicators:\n", "indicators:\n  ghost:\n    label: \"Ghost\"\n");

        assertRefused(broken, REPORT_EN, "indicators.ghost", "no such indicator");
        assertRefused(broken, REPORT_EN, "safeguards.itpa_99", "no such safeguard");
    }

    @Test
    void refusesAnIncompleteTranslationAndOtherPlaceholders() {
        String english = raid().file(REPORT_EN);
        String hindi = english.replace("language: en", "language: hi")
                .replace("  made_on: \"Made on {date}\"\n", "")
                .replace("period: \"Period: {from} to {to}\"", "period: \"अवधि: {from}\"");

        RaidFolder broken = raid().with("report/hi.yaml", hindi);

        assertRefused(broken, "report/hi.yaml", "messages.made_on", "missing translation");
        assertRefused(broken, "report/hi.yaml", "messages.period", "placeholders [from]", "[from, to]");
    }

    @Test
    void leavesTheRespondentTextsChecksAsTheyWere() {
        assertRefused(raid().replace("text/en.yaml", "      night: ", "      nite: "), "text/en.yaml",
                "questions.q5.options.nite", "no such option");
    }
}
