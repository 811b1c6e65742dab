package org.gawahi.bot.telegram;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The adapter's two fences: Telegram's library stays in this package, Spring in the wiring. */
class AdapterBoundariesTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gawahi");

    @Test
    void onlyTheTelegramPackageUsesTheTelegramLibrary() {
        noClasses().that().resideOutsideOfPackage("org.gawahi.bot.telegram..")
                .should().dependOnClassesThat().resideInAPackage("org.telegram..")
                .check(MAIN);
    }

    @Test
    void onlyTheWiringUsesSpring() {
        noClasses().that().resideOutsideOfPackage("org.gawahi.bot.wiring..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(MAIN);
    }

    @Test
    void theEngineKnowsNothingOfTelegram() {
        noClasses().that().resideInAPackage("org.gawahi.bot.interview..")
                .should().dependOnClassesThat().resideInAPackage("org.gawahi.bot.telegram..")
                .check(MAIN);
    }
}
