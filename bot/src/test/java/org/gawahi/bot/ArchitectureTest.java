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
     * The debt for raw chat ids: the bot classes outside the Telegram adapter that still turn a
     * conversation into a Telegram {@code long} or back ({@code TelegramIds}, {@code ChatRef.of(long)}).
     * Paid off: notices are addressed by {@code ChatRef} in the desks' one reply value. Kept, empty,
     * so that a class needing an exception has to be named here, with its reason.
     */
    static final Set<String> STILL_ON_RAW_CHAT_IDS = Set.of();

    /**
     * The edges outside the adapter's package where a Telegram id arrives typed or signed and
     * becomes a conversation, through the adapter's own conversion ({@code telegram.TelegramChats}):
     * the Mini App launch (Telegram signs her user id into initData) and {@code gawahi roles}
     * (the operator types a moderator's Telegram user id, and the list prints it back).
     */
    static final Set<String> TELEGRAM_ID_EDGES = Set.of(
            "org.gawahi.bot.miniapp.LaunchValidator",
            "org.gawahi.bot.cli.RolesCommand");

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

    private static final String CHAT_REF = "org.gawahi.storage.drafts.ChatRef";
    private static final String TELEGRAM_IDS = "org.gawahi.storage.conversation.TelegramIds";
    private static final String TELEGRAM_CHATS = "org.gawahi.bot.telegram.TelegramChats";

    /** A call that makes a conversation from a Telegram long, or takes the long out of one, in storage's terms. */
    private static boolean takesARawChatId(JavaAccess<?> access) {
        String owner = access.getTargetOwner().getName();
        // The target's own signature: the description also names the calling method and its parameters.
        return owner.equals(TELEGRAM_IDS) || owner.equals(CHAT_REF) && access.getName().equals("of")
                && access.getTarget().getFullName().endsWith(".of(long)");
    }

    /** A call of the adapter's own conversion between a Telegram long and a conversation. */
    private static boolean convertsATelegramId(JavaAccess<?> access) {
        return access.getTargetOwner().getName().equals(TELEGRAM_CHATS);
    }

    private static boolean outsideTheAdapter(JavaClass c) {
        return c.getPackageName().startsWith("org.gawahi.bot") && !c.getPackageName().startsWith("org.gawahi.bot.telegram");
    }

    /**
     * The Telegram long exists only inside the Telegram adapter (and, in storage, in the formats
     * that write a Telegram id as a number): no class of the bot outside {@code telegram} makes a
     * conversation from a long or takes the long out of one, except through the adapter's
     * {@code TelegramChats} at the edges named in {@link #TELEGRAM_ID_EDGES}, and the debt list.
     */
    @ArchTest
    static void noRawChatIdsOutsideTheTelegramAdapter(JavaClasses classes) {
        List<String> found = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!outsideTheAdapter(c)) {
                continue;
            }
            String name = topLevel(c);
            c.getMethodCallsFromSelf().stream()
                    .filter(call -> takesARawChatId(call) && !STILL_ON_RAW_CHAT_IDS.contains(name)
                            || convertsATelegramId(call) && !TELEGRAM_ID_EDGES.contains(name))
                    .forEach(call -> found.add(call.getDescription()));
        }
        assertThat(found).as("raw chat ids outside the Telegram adapter").isEmpty();
    }

    /**
     * Nor does it keep one: no field of the bot outside {@code telegram} is a {@code long} (or
     * {@code Long}) named for a chat or a user. Records' components are fields, so a record
     * carrying a chat id is caught too; the debt list is exempt.
     */
    @ArchTest
    static void noChatOrUserIdFieldOutsideTheTelegramAdapter(JavaClasses classes) {
        List<String> found = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!outsideTheAdapter(c) || STILL_ON_RAW_CHAT_IDS.contains(topLevel(c))) {
                continue;
            }
            c.getFields().stream()
                    .filter(f -> f.getRawType().getName().equals("long") || f.getRawType().getName().equals("java.lang.Long"))
                    .filter(f -> f.getName().toLowerCase(java.util.Locale.ROOT).matches(".*(chat|user).*"))
                    .forEach(f -> found.add(f.getFullName()));
        }
        assertThat(found).as("long chat or user id fields outside the Telegram adapter").isEmpty();
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
        Set<String> converting = new TreeSet<>();
        for (JavaClass c : classes) {
            if (STILL_ON_RAW_CHAT_IDS.contains(topLevel(c))
                    && c.getMethodCallsFromSelf().stream().anyMatch(ArchitectureTest::takesARawChatId)) {
                owing.add(topLevel(c));
            }
            if (TELEGRAM_ID_EDGES.contains(topLevel(c))
                    && c.getMethodCallsFromSelf().stream().anyMatch(ArchitectureTest::convertsATelegramId)) {
                converting.add(topLevel(c));
            }
        }
        assertThat(owing).as("remove a class from STILL_ON_RAW_CHAT_IDS once it takes no raw chat id")
                .containsExactlyInAnyOrderElementsOf(STILL_ON_RAW_CHAT_IDS);
        assertThat(converting).as("remove a class from TELEGRAM_ID_EDGES once it converts no Telegram id")
                .containsExactlyInAnyOrderElementsOf(TELEGRAM_ID_EDGES);
    }
}
