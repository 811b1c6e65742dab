package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.config.questionnaire.Option;
import org.gawahi.config.questionnaire.OptionAction;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.testimony.TestimonyContent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Throws random sequences of inputs at the engine (mostly buttons of the screen on show, so
 * sequences get deep into the questionnaire, mixed with stale and forged buttons, text of
 * every kind, commands, stickers and restarts) and checks after every step what must hold
 * whatever arrives. Each sequence comes from its seed; a failure names the seed and the
 * inputs, so it can be replayed.
 */
class RandomInputsTest {
    private static final int SEQUENCES = 200;
    private static final int STEPS = 50;
    private static final int TELEGRAM_MAX_TEXT = 4096;
    private static final int TELEGRAM_MAX_DATA_BYTES = 64;
    private static final Pattern UNFILLED = Pattern.compile("\\{[a-z_]+}");
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{4})(?:-(\\d{2}))?");
    private static final YearMonth NOW = YearMonth.now(Conversation.CLOCK);

    private static final List<String> CLIENT_LANGUAGES = List.of("", "en", "hi-IN", "bn-IN", "mr", "xx", "EN_gb");
    private static final List<String> TEXTS = List.of("1", "2", "7", "७", "२५", "৩", "0", "-1", "99999", "2024",
            "२०२४", "1999", "yes", "Yes, continue", "Night (10 pm – 6 am)", "none of these", "call 98765 43210",
            "aadhaar 1234 5678 9012", "meera@example.org", "https://example.in/x", "", "   ", "\n", "\u0000\u202E",
            "😢🙏", "पुलिस रात को आई", "পুলিশ", "a".repeat(1001), "/", "//back");
    private static final List<String> COMMANDS = List.of("/start", "/back", "/skip", "/pause", "/resume", "/erase",
            "/delete", "/language", "/help", "/exit", "/status", "/status 1234 5678 9012 3456", "/status abc",
            "/withdraw 0000 0000 0000 0000", "/withdraw", "/dance", "/BACK", "/start@GawahiBot");
    private static final List<String> KINDS = List.of("a", "n", "d", "y", "m", "l", "r", "e", "x", "p", "s", "z", "");
    private static final List<String> CONTEXTS = List.of("lang", "review", "pick", "erase", "paused", "resume",
            "q99", "", "c1", "q3", "q10", "u1");
    private static final List<String> ARGUMENTS = List.of("yes", "no", "skip", "dk", "back", "pause", "erase",
            "continue", "done", "submit", "change", "review", "over", "resume", "0", "12", "13", "2026", "2015", "en",
            "hi", "xx", "pune", "kolkata", "none", "aggregate", "exit", "x".repeat(70));
    private static final Pattern FORWARD = Pattern.compile(
            "[adyml]:.*|n:.*:(skip|dk|continue)|p:.*|s:resume:continue|x:erase:no|r:review:submit|r:review:change|e:.*");
    private static final String ALPHABET = "abcXYZ 019 ०१९ ০৯ अआक्षঅ।,.:;-_+@#/\\\"'\n\t\u0000\u0007\u200B\u200D\u202E😢";

    @TempDir
    static Path folder;
    static Questionnaire questionnaire;

    @BeforeAll
    static void loadQuestionnaire() {
        questionnaire = RaidQuestionnaire.load(folder);
    }

    static LongStream seeds() {
        return LongStream.range(0, SEQUENCES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void engineKeepsItsContractWhateverArrives(long seed) {
        Random random = new Random(seed);
        Conversation c = Conversation.over(questionnaire).withClientLanguage(pick(random, CLIENT_LANGUAGES));
        List<String> trail = new ArrayList<>();
        startSomewhere(random, c, trail);
        List<String> seenButtons = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            if (!c.screens().isEmpty() && random.nextInt(50) == 0) {
                c = c.afterRestart();
                trail.add("(restart)");
            }
            Input input = nextInput(random, c, seenButtons);
            trail.add(describe(input));
            try {
                c.send(input);
            } catch (RuntimeException e) {
                fail("seed " + seed + ": the engine threw " + e + " after " + trail, e);
            }
            String where = "seed " + seed + " after " + trail;
            assertScreenKeepsTheContract(c.screen(), where);
            c.draft().ifPresent(d -> assertDraftIsValid(d, where));
            c.screen().buttons().forEach(b -> seenButtons.add(b.id()));
        }
        for (TestimonyContent content : c.submitted()) {
            assertSealedContentIsValid(content, "seed " + seed + " after " + trail);
        }
    }

    // ---- inputs ----

    /**
     * Half the sequences start from nothing; the others first answer plainly up to a random
     * point, up to the review at most, so the random part also covers the later questions.
     */
    private static void startSomewhere(Random random, Conversation c, List<String> trail) {
        if (random.nextBoolean()) {
            return;
        }
        String language = pick(random, questionnaire.languages());
        c.startIn(language);
        int answers = random.nextInt(questionnaire.questions().size());
        for (int i = 0; i < answers && c.isOnQuestion(); i++) {
            c.answerPlainly();
        }
        trail.add("(" + language + ", " + answers + " plain answers)");
    }

    private static Input nextInput(Random random, Conversation c, List<String> seenButtons) {
        List<Screen.Button> shown = c.screens().isEmpty() ? List.of() : c.screen().buttons();
        int roll = random.nextInt(100);
        if (roll < 70 && !shown.isEmpty()) {
            return new Input.Press(pickMostlyForward(random, shown).id());
        }
        if (roll < 66 && !seenButtons.isEmpty()) {
            return new Input.Press(pick(random, seenButtons));
        }
        if (roll < 74) {
            return new Input.Press(forgedButton(random, c));
        }
        if (roll < 84) {
            return new Input.Text(random.nextBoolean() ? pick(random, TEXTS) : randomText(random));
        }
        if (roll < 93) {
            return Input.parse(pick(random, COMMANDS));
        }
        if (roll < 97) {
            return new Input.Start();
        }
        return new Input.Unsupported(pick(random, List.of("sticker", "photo", "voice", "location")));
    }

    /**
     * Mostly a button that moves on (an answer that neither ends nor leaves, Done, carry on,
     * keep my answers), so that sequences get past the consent gates and deep into the questions.
     */
    private static Screen.Button pickMostlyForward(Random random, List<Screen.Button> shown) {
        List<Screen.Button> forward = shown.stream()
                .filter(b -> FORWARD.matcher(b.id()).matches() && !endsOrLeaves(b.id())).toList();
        List<Screen.Button> done = shown.stream().filter(b -> b.id().startsWith("d:")).toList();
        if (!done.isEmpty() && random.nextInt(3) == 0) {
            return done.get(0);
        }
        return forward.isEmpty() || random.nextInt(5) == 0 ? pick(random, shown) : pick(random, forward);
    }

    private static boolean endsOrLeaves(String buttonId) {
        ButtonId b = ButtonId.parse(buttonId).orElseThrow();
        return b.kind().equals(ButtonId.ANSWER) && questionnaire.question(b.context())
                .flatMap(q -> q.option(b.argument())).map(o -> o.action() != OptionAction.CONTINUE).orElse(false);
    }

    private static String forgedButton(Random random, Conversation c) {
        if (random.nextInt(4) == 0) {
            return randomText(random);
        }
        Question anyQuestion = pick(random, questionnaire.questions());
        String context = random.nextBoolean() && !c.screens().isEmpty() && c.currentQuestion() != null
                ? c.currentQuestion() : random.nextBoolean() ? anyQuestion.id() : pick(random, CONTEXTS);
        String argument = random.nextBoolean() && !anyQuestion.options().isEmpty()
                ? pick(random, anyQuestion.options()).id() : pick(random, ARGUMENTS);
        return pick(random, KINDS) + ":" + context + ":" + argument;
    }

    private static String randomText(Random random) {
        int[] codePoints = ALPHABET.codePoints().toArray();
        StringBuilder b = new StringBuilder();
        int length = 1 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            b.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return b.toString();
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String describe(Input input) {
        if (input instanceof Input.Press p) {
            return "press " + p.buttonId();
        }
        if (input instanceof Input.Text t) {
            return "text \"" + (t.text().length() > 30 ? t.text().substring(0, 30) + "…" : t.text()) + "\"";
        }
        if (input instanceof Input.Command cmd) {
            return "/" + cmd.name() + (cmd.argument().isEmpty() ? "" : " " + cmd.argument());
        }
        return input.getClass().getSimpleName();
    }

    // ---- what must hold ----

    private static void assertScreenKeepsTheContract(Screen screen, String where) {
        assertThat(screen.text()).as(where).isNotBlank().hasSizeLessThanOrEqualTo(TELEGRAM_MAX_TEXT)
                .doesNotContainPattern(UNFILLED);
        for (String language : questionnaire.languages()) {
            assertThat(screen.text()).as("an internal failure, " + where)
                    .isNotEqualTo(questionnaire.texts(language).message("error_generic"));
        }
        Set<String> ids = new HashSet<>();
        for (Screen.Button b : screen.buttons()) {
            assertThat(b.id().getBytes(StandardCharsets.UTF_8)).as(where).hasSizeLessThanOrEqualTo(TELEGRAM_MAX_DATA_BYTES);
            assertThat(ButtonId.parse(b.id())).as(where).isPresent();
            assertThat(b.label()).as(where).isNotBlank().doesNotContainPattern(UNFILLED);
            assertThat(ids.add(b.id())).as("button %s twice, %s", b.id(), where).isTrue();
        }
        assertThat(screen.done()).as(where).isEqualTo(screen.ending() != Screen.Ending.NONE);
        assertThat(screen.receipt().isPresent()).as(where).isEqualTo(screen.ending() == Screen.Ending.SUBMITTED);
        if (screen.done()) {
            assertThat(screen.buttons()).as(where).isEmpty();
        }
    }

    private static void assertDraftIsValid(Draft draft, String where) {
        draft.answers.forEach((questionId, values) -> assertAnswerIsValid(questionId, values, where));
        draft.texts.forEach((questionId, text) -> {
            Question q = questionnaire.question(questionId).orElseThrow(() -> new AssertionError(where));
            assertThat(q.kind()).as(where).isEqualTo(org.gawahi.config.questionnaire.QuestionKind.TEXT);
            assertThat(text.codePointCount(0, text.length())).as(where).isBetween(1, q.maxLength());
            assertThat(text.codePoints().filter(cp -> cp != '\n' && Character.isISOControl(cp))).as(where).isEmpty();
        });
        if (draft.current != null && !draft.pending.isEmpty()) {
            Question q = questionnaire.question(draft.current).orElseThrow(() -> new AssertionError(where));
            assertThat(draft.pending).as("ticks of %s, %s", q.id(), where)
                    .allMatch(id -> q.option(id).isPresent());
        }
    }

    private static void assertAnswerIsValid(String questionId, List<String> values, String where) {
        Question q = questionnaire.question(questionId).orElseThrow(() -> new AssertionError("no question "
                + questionId + ", " + where));
        String what = "answer " + values + " to " + questionId + ", " + where;
        assertThat(values).as(what).isNotEmpty().doesNotHaveDuplicates();
        if (values.equals(List.of(Draft.SKIP))) {
            assertThat(q.skip()).as(what).isTrue();
            return;
        }
        if (values.equals(List.of(Draft.DONT_KNOW))) {
            assertThat(q.dontKnow()).as(what).isTrue();
            return;
        }
        switch (q.kind()) {
            case SINGLE, NUMBER_BAND -> {
                assertThat(values).as(what).hasSize(1);
                assertThat(q.option(values.get(0))).as(what).isPresent()
                        .hasValueSatisfying(o -> assertThat(o.action()).as(what).isEqualTo(OptionAction.CONTINUE));
            }
            case MULTI -> {
                assertThat(values).as(what).allMatch(id -> q.option(id).isPresent());
                boolean exclusive = values.stream().anyMatch(id -> q.option(id).map(Option::exclusive).orElse(false));
                long unlocked = values.stream().filter(id -> !q.option(id).map(Option::locked).orElse(false)).count();
                if (exclusive) {
                    assertThat(unlocked).as("an exclusive option stands alone, " + what).isEqualTo(1);
                }
                q.options().stream().filter(Option::locked)
                        .forEach(o -> assertThat(values).as(what).contains(o.id()));
            }
            case MONTH_YEAR -> {
                assertThat(values).as(what).hasSize(1);
                var m = MONTH_YEAR.matcher(values.get(0));
                assertThat(m.matches()).as(what).isTrue();
                int year = Integer.parseInt(m.group(1));
                assertThat(year).as(what).isBetween(NOW.getYear() - q.yearsBack(), NOW.getYear());
                if (m.group(2) != null) {
                    assertThat(YearMonth.of(year, Integer.parseInt(m.group(2)))).as(what).isBeforeOrEqualTo(NOW);
                }
            }
            case TEXT, INFO -> fail("a " + q.kind() + " question has no option answers: " + what);
        }
    }

    /** Sealed content: valid answers, and none to a question or option its own answers hide. */
    private static void assertSealedContentIsValid(TestimonyContent content, String where) {
        Map<String, List<String>> answers = content.answers();
        Function<String, Set<String>> view = id -> Set.copyOf(answers.getOrDefault(id, List.of()));
        answers.forEach((questionId, values) -> {
            assertAnswerIsValid(questionId, values, "sealed, " + where);
            Question q = questionnaire.question(questionId).orElseThrow();
            assertThat(questionnaire.isShown(q, view)).as("sealed answer to hidden %s, %s", questionId, where).isTrue();
            Set<String> offered = new HashSet<>(questionnaire.shownOptions(q, view).stream().map(Option::id).toList());
            offered.add(Draft.SKIP);
            offered.add(Draft.DONT_KNOW);
            if (q.kind().hasOptions()) {
                assertThat(values).as("sealed options of %s, %s", questionId, where).allMatch(offered::contains);
            }
        });
        content.texts().keySet().forEach(questionId -> assertThat(
                questionnaire.isShown(questionnaire.question(questionId).orElseThrow(), view))
                .as("sealed text of hidden %s, %s", questionId, where).isTrue());
    }
}
