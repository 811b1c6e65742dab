package org.gawahi.bot;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.gawahi.bot.interview.Interview;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.drafts.InMemoryDraftStore;

/**
 * The architecture of DESIGN.md and STYLE.md as rules over the main classes of all three
 * modules. Rules about packages that do not exist yet (telegram, wiring, crypto) hold
 * trivially until they do, and bite from the first class that breaks them.
 */
@AnalyzeClasses(packages = "org.gawahi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String WIRING = "org.gawahi.bot.wiring..";
    private static final String WEBHOOK = "org.gawahi.bot.telegram.webhook";

    /** Without this the rules below could pass over an empty or a test-polluted import. */
    @ArchTest
    static void importsTheMainClassesOfEveryModuleAndNoTests(JavaClasses classes) {
        assertThat(classes.contain(Questionnaire.class)).as("config").isTrue();
        assertThat(classes.contain(InMemoryDraftStore.class)).as("storage").isTrue();
        assertThat(classes.contain(Interview.class)).as("bot").isTrue();
        assertThat(classes.contain(ArchitectureTest.class)).as("a test class").isFalse();
    }

    @ArchTest
    static final ArchRule onlyTheTelegramAdapterUsesTelegram = noClasses()
            .that().resideOutsideOfPackage("org.gawahi.bot.telegram..")
            .should().dependOnClassesThat().resideInAPackage("org.telegram..");

    @ArchTest
    static final ArchRule onlyTheVaultUsesBouncyCastle = noClasses()
            .that().resideOutsideOfPackage("org.gawahi.storage.crypto..")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..");

    /**
     * POI parses spreadsheets from outside (a reviewer's): only translation review may read with
     * it; the raid brief may write its DOCX with it (and POI's OOXML schema classes).
     */
    @ArchTest
    static final ArchRule onlyTranslationReviewAndTheBriefUsePoi = noClasses()
            .that().resideOutsideOfPackages("org.gawahi.bot.translations..", "org.gawahi.bot.brief..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..", "org.openxmlformats..");

    /** The webhook endpoint may need Spring MVC; it is allowed Spring only once it exists. */
    @ArchTest
    static void onlyTheWiringUsesSpring(JavaClasses classes) {
        List<String> allowed = new ArrayList<>(List.of(WIRING));
        if (classes.containPackage(WEBHOOK)) {
            allowed.add(WEBHOOK + "..");
        }
        noClasses().that().resideOutsideOfPackages(allowed.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(classes);
    }

    @ArchTest
    static final ArchRule configDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("org.gawahi.config..")
            .should().dependOnClassesThat(resideInAPackage("org.gawahi..").and(not(resideInAPackage("org.gawahi.config.."))));

    @ArchTest
    static final ArchRule storageDoesNotDependOnTheBot = noClasses()
            .that().resideInAPackage("org.gawahi.storage..")
            .should().dependOnClassesThat().resideInAPackage("org.gawahi.bot..");

    @ArchTest
    static final ArchRule interviewKnowsNoChannel = noClasses()
            .that().resideInAPackage("org.gawahi.bot.interview..")
            .should().dependOnClassesThat().resideInAnyPackage("..telegram..", "..simulator..", "..cli..");

    /** Every desk reads its buttons through the codec; the codec knows no desk. */
    @ArchTest
    static final ArchRule theButtonCodecKnowsNoDesk = noClasses()
            .that().resideInAPackage("org.gawahi.bot.buttons..")
            .should().dependOnClassesThat(resideInAPackage("org.gawahi..").and(not(resideInAPackage("org.gawahi.bot.buttons.."))));

    @ArchTest
    static final ArchRule onlyStorageUsesSql = noClasses()
            .that().resideOutsideOfPackage("org.gawahi.storage..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..");

    @ArchTest
    static final ArchRule noFieldInjection = noFields()
            .should().beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
            .orShould().beAnnotatedWith("jakarta.inject.Inject")
            .because("STYLE.md: constructor injection, private final fields");
}
