package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.config.questionnaire.Option;
import org.gawahi.config.questionnaire.OptionAction;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.drafts.InMemoryDraftStore;
import org.gawahi.storage.testimony.InMemorySubmissions;
import org.gawahi.storage.testimony.TestimonyContent;

/**
 * Drives the interview engine as one person would: presses, typing, commands. Every step
 * goes through {@link Interview#handle}, with the in-memory stores and a fixed clock, and
 * the screen it returns is kept for the assertions.
 */
final class Conversation {
    /** A fixed "now": the year picker offers 2016 to 2026. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T06:30:00Z"), ZoneId.of("Asia/Kolkata"));
    static final String ENGLISH = "en";
    private static final int MAX_STEPS = 300;

    private final Questionnaire questionnaire;
    private final InMemoryDraftStore drafts;
    private final InMemorySubmissions submissions;
    private final Interview interview;
    private final ChatRef chat;
    private final DraftCodec codec = new DraftCodec();
    private final List<Screen> screens = new ArrayList<>();
    private String languageCode;

    private Conversation(Questionnaire questionnaire, InMemoryDraftStore drafts, InMemorySubmissions submissions,
                         ChatRef chat, String languageCode) {
        this.questionnaire = questionnaire;
        this.drafts = drafts;
        this.submissions = submissions;
        this.interview = new Interview(questionnaire, drafts, submissions, CLOCK);
        this.chat = chat;
        this.languageCode = languageCode;
    }

    static Conversation over(Questionnaire questionnaire) {
        InMemoryDraftStore drafts = new InMemoryDraftStore(CLOCK, Duration.ofHours(24));
        return new Conversation(questionnaire, drafts, new InMemorySubmissions(drafts, new SecureRandom()),
                ChatRef.of(4242), null);
    }

    /** A new engine over the same stores: what the bot looks like after a restart. */
    Conversation afterRestart() {
        return new Conversation(questionnaire, drafts, submissions, chat, languageCode);
    }

    /** Another person, writing to the same bot. */
    Conversation anotherChat(long id) {
        return new Conversation(questionnaire, drafts, submissions, ChatRef.of(id), null);
    }

    /** The language code her Telegram client reports, e.g. "bn-IN". */
    Conversation withClientLanguage(String code) {
        this.languageCode = code;
        return this;
    }

    // ---- inputs ----

    Conversation send(Input input) {
        screens.add(interview.handle(chat, languageCode, input).screen());
        return this;
    }

    Conversation start() {
        return send(new Input.Start());
    }

    /** Starts and chooses a language: the first question is on screen after this. */
    Conversation startIn(String language) {
        return start().chooseLanguage(language);
    }

    Conversation chooseLanguage(String language) {
        return pressShown("l:lang:" + language);
    }

    /** Presses an answer button; it must be on the screen, as a person can only press what she sees. */
    Conversation answer(String questionId, String optionId) {
        return pressShown("a:" + questionId + ":" + optionId);
    }

    /** Ticks or unticks an option of a multi question. */
    Conversation tick(String questionId, String optionId) {
        return answer(questionId, optionId);
    }

    Conversation done() {
        return pressShown("d:" + currentQuestion() + ":done");
    }

    Conversation skip() {
        return nav("skip");
    }

    Conversation dontKnow() {
        return nav("dk");
    }

    Conversation back() {
        return nav("back");
    }

    Conversation pause() {
        return nav("pause");
    }

    Conversation erase() {
        return nav("erase");
    }

    Conversation year(int year) {
        return pressShown("y:" + currentQuestion() + ":" + year);
    }

    Conversation month(int month) {
        return pressShown("m:" + currentQuestion() + ":" + month);
    }

    Conversation onlyYear() {
        return pressShown("m:" + currentQuestion() + ":0");
    }

    Conversation confirmErase() {
        return pressShown("x:erase:yes");
    }

    Conversation keepAnswers() {
        return pressShown("x:erase:no");
    }

    Conversation resumeFromPause() {
        return pressShown("p:paused:resume");
    }

    Conversation carryOn() {
        return pressShown("s:resume:continue");
    }

    Conversation startOver() {
        return pressShown("s:resume:over");
    }

    Conversation submit() {
        return pressShown("r:review:submit");
    }

    Conversation changeAnswer() {
        return pressShown("r:review:change");
    }

    Conversation pick(String questionId) {
        return pressShown("e:pick:" + questionId);
    }

    Conversation type(String text) {
        return send(new Input.Text(text));
    }

    /** A typed command line such as {@code /status 1234 5678 9012 3456}. */
    Conversation command(String line) {
        return send(Input.parse(line));
    }

    Conversation sticker() {
        return send(new Input.Unsupported("sticker"));
    }

    /** Presses whatever data arrives, shown or not: stale screens, forged clients. */
    Conversation press(String data) {
        return send(new Input.Press(data));
    }

    private Conversation pressShown(String data) {
        if (!buttonIds().contains(data)) {
            fail("no button " + data + " on the screen; it has " + buttonIds());
        }
        return press(data);
    }

    private Conversation nav(String action) {
        return pressShown("n:" + currentQuestion() + ":" + action);
    }

    // ---- walking with plain answers ----

    /** Gives a plain answer to every question until {@code questionId} is on screen. */
    Conversation answerPlainlyUntil(String questionId) {
        for (int step = 0; step < MAX_STEPS; step++) {
            if (questionId.equals(currentQuestion())) {
                return this;
            }
            if (!isOnQuestion()) {
                fail("reached a screen without a question before " + questionId + ": " + text());
            }
            answerPlainly();
        }
        return fail("never reached " + questionId);
    }

    /** Gives a plain answer to every question left, up to the review. */
    Conversation answerPlainlyToReview() {
        for (int step = 0; step < MAX_STEPS && isOnQuestion(); step++) {
            answerPlainly();
        }
        assertThat(buttonIds()).as("the review screen").contains("r:review:submit");
        return this;
    }

    /**
     * Answers the question on screen the simplest way: the first option that goes on (a
     * multi question: the first option, then Done), a year and a month, or a short text.
     */
    Conversation answerPlainly() {
        Question q = questionnaire.question(currentQuestion()).orElseThrow();
        switch (q.kind()) {
            case SINGLE, NUMBER_BAND -> answer(q.id(), firstShown(q, o -> o.action() == OptionAction.CONTINUE).id());
            case MULTI -> {
                Option first = firstShown(q, o -> !o.locked() && !o.exclusive());
                return tick(q.id(), first.id()).done();
            }
            case MONTH_YEAR -> {
                if (buttonIds().stream().anyMatch(id -> id.startsWith("y:"))) {
                    year(2025);
                }
                month(3);
            }
            case TEXT -> type("The police came at night.");
            case INFO -> nav("continue");
        }
        return this;
    }

    private Option firstShown(Question q, java.util.function.Predicate<Option> wanted) {
        return q.options().stream()
                .filter(o -> buttonIds().contains("a:" + q.id() + ":" + o.id()))
                .filter(wanted)
                .findFirst().orElseThrow(() -> new AssertionError("no suitable option on screen for " + q.id()));
    }

    // ---- what she sees, and what was kept ----

    Screen screen() {
        if (screens.isEmpty()) {
            fail("nothing was sent yet");
        }
        return screens.get(screens.size() - 1);
    }

    /** Every screen of this conversation so far, oldest first. */
    List<Screen> screens() {
        return List.copyOf(screens);
    }

    String text() {
        return screen().text();
    }

    List<String> buttonIds() {
        return screen().buttons().stream().map(Screen.Button::id).toList();
    }

    Optional<String> label(String buttonId) {
        return screen().buttons().stream().filter(b -> b.id().equals(buttonId)).map(Screen.Button::label).findFirst();
    }

    /** The question on screen, read from its buttons; null on other screens. */
    String currentQuestion() {
        return screen().buttons().stream()
                .map(b -> ButtonId.parse(b.id()).orElseThrow())
                .filter(b -> List.of(ButtonId.ANSWER, ButtonId.NAV, ButtonId.DONE, ButtonId.YEAR, ButtonId.MONTH)
                        .contains(b.kind()))
                .map(ButtonId::context)
                .findFirst().orElse(null);
    }

    boolean isOnQuestion() {
        return currentQuestion() != null;
    }

    Texts texts() {
        return questionnaire.texts(draft().map(d -> d.language).filter(Objects::nonNull).orElse(ENGLISH));
    }

    /** A message in English, the language these tests speak unless they say otherwise. */
    String english(String key) {
        return questionnaire.texts(ENGLISH).message(key);
    }

    Questionnaire questionnaire() {
        return questionnaire;
    }

    int draftCount() {
        return drafts.size();
    }

    /** Her draft as the engine stored it, if any. */
    Optional<Draft> draft() {
        Optional<SecretBytes> stored = drafts.load(chat);
        return stored.flatMap(codec::decode);
    }

    /** Puts these bytes in her place in the draft store, as an earlier or later release left them. */
    Conversation withStoredDraft(byte[] bytes) {
        drafts.save(chat, SecretBytes.copyOf(bytes));
        return this;
    }

    /** Her draft's bytes as stored, if any. */
    Optional<byte[]> storedDraft() {
        return drafts.load(chat).map(SecretBytes::bytes);
    }

    /** What a step must leave alone when it refuses an input. */
    DraftState draftState() {
        return draft().map(DraftState::of).orElse(null);
    }

    List<TestimonyContent> submitted() {
        return submissions.testimonies().values().stream().map(TestimonyContent::fromJson).toList();
    }

    TestimonyContent onlySubmission() {
        assertThat(submitted()).as("testimonies stored").hasSize(1);
        return submitted().get(0);
    }

    /** The parts of a draft that say what she answered and where she is. */
    record DraftState(String language, Draft.Stage stage, String current, java.util.Map<String, List<String>> answers,
                      java.util.Map<String, String> texts, java.util.Set<String> pending, Integer pendingYear,
                      List<String> history, boolean editing, Draft.Stage returnStage) {
        static DraftState of(Draft d) {
            return new DraftState(d.language, d.stage, d.current, java.util.Map.copyOf(d.answers),
                    java.util.Map.copyOf(d.texts), java.util.Set.copyOf(d.pending), d.pendingYear,
                    List.copyOf(d.history), d.editing, d.returnStage);
        }
    }
}
