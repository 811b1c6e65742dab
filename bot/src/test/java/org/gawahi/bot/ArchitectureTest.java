package org.gawahi.bot;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.gawahi.bot.interview.Interview;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.drafts.InMemoryDraftStore;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyTable;

/**
 * The architecture of DESIGN.md and STYLE.md as rules over the main classes of all three
 * modules. Rules about packages that do not exist yet (telegram, wiring, crypto) hold
 * trivially until they do, and bite from the first class that breaks them.
 */
@AnalyzeClasses(packages = "org.gawahi",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
    /**
     * In a full build storage's test classes reach the bot's tests as a test jar, which
     * {@code DoNotIncludeTests} (it knows test folders) lets through; their fixtures would make
     * cycles the main code does not have.
     */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static final String WIRING = "org.gawahi.bot.wiring..";
    private static final String WEBHOOK = "org.gawahi.bot.telegram.webhook";

    /** Without this the rules below could pass over an empty or a test-polluted import. */
    @ArchTest
    static void importsTheMainClassesOfEveryModuleAndNoTests(JavaClasses classes) {
        assertThat(classes.contain(Questionnaire.class)).as("config").isTrue();
        assertThat(classes.contain(InMemoryDraftStore.class)).as("storage").isTrue();
        assertThat(classes.contain(Interview.class)).as("bot").isTrue();
        assertThat(classes.contain(ArchitectureTest.class)).as("a test class").isFalse();
        assertThat(classes.containPackage("org.gawahi.storage")
                && classes.stream().anyMatch(c -> c.getName().equals("org.gawahi.storage.TestStorage")))
                .as("storage's test fixtures").isFalse();
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

    /**
     * No cycles between the packages of a module: bot's feature packages (interview, buttons,
     * moderation, reports, telegram, simulator, cli, wiring, translations), storage's stores, and
     * config's. A cycle would mean neither package can change, be tested or be replaced alone.
     */
    @ArchTest
    static final ArchRule noCyclesBetweenTheBotsPackages = SlicesRuleDefinition.slices()
            .matching("org.gawahi.bot.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenTheStoragesPackages = SlicesRuleDefinition.slices()
            .matching("org.gawahi.storage.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenTheConfigsPackages = SlicesRuleDefinition.slices()
            .matching("org.gawahi.config.(*)..").should().beFreeOfCycles();

    private static final String DATABASE = "org.gawahi.storage.db..";

    /**
     * The debt paid down in issue 12 (storage behind ports): the bot classes outside the CLI and
     * the wiring that still speak to the SQLite {@code storage.db} package. It is empty now; it
     * may only ever shrink: a class not on it fails the rule below, and a class on it that no
     * longer needs the database fails {@link #theDatabaseDebtListNamesOnlyClassesThatStillOweIt}.
     * docs/ARCHITECTURE.md names the ports the rest of the bot uses instead.
     */
    static final Set<String> STILL_ON_THE_DATABASE = Set.of();

    /**
     * The debt for raw chat ids: the bot classes outside the Telegram adapter that take the
     * Telegram {@code long} out of a {@code ChatRef} ({@code id()}) or make one from a long
     * ({@code of}). The moderation and report desks check the role table, which knows a
     * moderator by her Telegram user id, and hand notices to the adapter by chat id; the
     * simulator invents one for its terminal. Same rules as the database list: only shrinks.
     */
    static final Set<String> STILL_ON_RAW_CHAT_IDS = Set.of(
            "org.gawahi.bot.brief.BriefDesk", // keys its pending choices by chat, as ReportDesk does
            // The Mini App launch: Telegram signs her user id into initData; the validator is the one
            // place it becomes a ChatRef (it is Telegram's format, outside the adapter's package).
            "org.gawahi.bot.miniapp.LaunchValidator",
            // The form's per-person rate limit keys by Pseudonyms.formUser(long): storage.crypto cannot
            // take a ChatRef (storage.drafts depends on crypto), so the long is handed over here.
            "org.gawahi.bot.form.FormApi",
            // The review app checks the role table, which knows a moderator by her Telegram user id,
            // as ModerationDesk does.
            "org.gawahi.bot.reviewapp.ReviewApi",
            "org.gawahi.bot.moderation.ContactDesk",
            "org.gawahi.bot.moderation.ModerationDesk",
            "org.gawahi.bot.reports.ReportDesk",
            "org.gawahi.bot.cli.SimulationStorage");

    private static String topLevel(JavaClass c) {
        int nested = c.getName().indexOf('$');
        return nested < 0 ? c.getName() : c.getName().substring(0, nested);
    }

    private static DescribedPredicate<JavaClass> onThe(String list, Set<String> debt) {
        return DescribedPredicate.describe("on the list " + list, c -> debt.contains(topLevel(c)));
    }

    /** Only the wiring and the CLI open the SQLite database; the rest of the bot goes through ports. */
    @ArchTest
    static final ArchRule onlyTheWiringAndTheCliUseTheDatabase = noClasses()
            .that().resideInAPackage("org.gawahi.bot..")
            .and().resideOutsideOfPackages("org.gawahi.bot.cli..", WIRING)
            .and(not(onThe("STILL_ON_THE_DATABASE", STILL_ON_THE_DATABASE)))
            .should().dependOnClassesThat().resideInAPackage(DATABASE);

    /**
     * One owner for sealed testimonies: the associated data a testimony is sealed with is made in
     * {@code storage.testimony} ({@code SealedTestimonies}) and nowhere else; everything else opens,
     * replaces and re-seals a testimony through that owner, never with the recipe or the ciphertext.
     */
    @ArchTest
    static final ArchRule onlyTheTestimonyOwnerMakesItsAssociatedData = noClasses()
            .that().resideOutsideOfPackage("org.gawahi.storage.testimony..")
            .should().callMethod(SealedSubmissions.class, "associatedData", String.class, int.class, String.class)
            .orShould().callMethod(TestimonyTable.class, "replaceSealed", String.class, byte[].class, String.class,
                    byte[].class);

    /**
     * The engine depends on the testimony port ({@code Testimonies}); the SQLite owner behind it
     * is made by the wiring and the CLI only.
     */
    @ArchTest
    static final ArchRule theEngineSeesTheTestimonyPortNotItsSqliteOwner = noClasses()
            .that().resideInAPackage("org.gawahi.bot..")
            .and().resideOutsideOfPackages("org.gawahi.bot.cli..", WIRING)
            .should().dependOnClassesThat().haveFullyQualifiedName("org.gawahi.storage.testimony.SealedTestimonies");

    private static boolean takesARawChatId(JavaAccess<?> access) {
        return access.getTargetOwner().getName().equals("org.gawahi.storage.drafts.ChatRef")
                && (access.getName().equals("id") || access.getName().equals("of"));
    }

    /** The Telegram long exists only inside the Telegram adapter (and storage's key derivations). */
    @ArchTest
    static void noRawChatIdsOutsideTheTelegramAdapter(JavaClasses classes) {
        List<String> found = new ArrayList<>();
        for (JavaClass c : classes) {
            boolean exempt = c.getPackageName().startsWith("org.gawahi.bot.telegram")
                    || !c.getPackageName().startsWith("org.gawahi.bot") || STILL_ON_RAW_CHAT_IDS.contains(topLevel(c));
            if (!exempt) {
                c.getMethodCallsFromSelf().stream().filter(ArchitectureTest::takesARawChatId)
                        .forEach(call -> found.add(call.getDescription()));
            }
        }
        assertThat(found).as("raw chat ids outside the Telegram adapter").isEmpty();
    }

    @ArchTest
    static void theDatabaseDebtListNamesOnlyClassesThatStillOweIt(JavaClasses classes) {
        Set<String> owing = new TreeSet<>();
        for (JavaClass c : classes) {
            if (STILL_ON_THE_DATABASE.contains(topLevel(c)) && c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("org.gawahi.storage.db"))) {
                owing.add(topLevel(c));
            }
        }
        assertThat(owing).as("remove a class from STILL_ON_THE_DATABASE once it is off the database")
                .containsExactlyInAnyOrderElementsOf(STILL_ON_THE_DATABASE);
    }

    @ArchTest
    static void theChatIdDebtListNamesOnlyClassesThatStillOweIt(JavaClasses classes) {
        Set<String> owing = new TreeSet<>();
        for (JavaClass c : classes) {
            if (STILL_ON_RAW_CHAT_IDS.contains(topLevel(c))
                    && c.getMethodCallsFromSelf().stream().anyMatch(ArchitectureTest::takesARawChatId)) {
                owing.add(topLevel(c));
            }
        }
        assertThat(owing).as("remove a class from STILL_ON_RAW_CHAT_IDS once it takes no raw chat id")
                .containsExactlyInAnyOrderElementsOf(STILL_ON_RAW_CHAT_IDS);
    }
}
