package org.gawahi.bot.interview;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.bot.interview.Screen.Ending;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.drafts.DraftStore;
import org.gawahi.storage.testimony.Arrival;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.Submissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interview engine, the {@link Desk} behind all others: one input from one pseudonymous chat
 * in, one {@link Reply} out (her screen, and an {@link AfterCommit.UrgentArrival} when the input
 * stored an urgent testimony). It knows nothing of Telegram. It never throws to its caller: whatever goes wrong, the person gets a
 * kind answer in her language and her draft stays as it was.
 *
 * <p>Guarantees: an answer is applied only if it is valid for the question on screen now
 * (stale or forged buttons are refused); a receipt is shown only after {@link Submissions#submit}
 * returned, that is after the testimony was durably committed. The failures it turns into words
 * are its own units of work, already undone whole by the store (a nested unit is a savepoint of
 * the caller's transaction); it never commits anything, so it cannot keep half of one.
 */
public final class Interview implements Desk {
    private static final Logger log = LoggerFactory.getLogger(Interview.class);
    static final int RECEIPT_TRIES = 5;
    static final Duration RECEIPT_WINDOW = Duration.ofHours(1);

    private final Questionnaire questionnaire;
    private final DraftStore drafts;
    private final Submissions submissions;
    private final Screens screens;
    private final Answering answering;
    private final DraftCodec codec = new DraftCodec();
    private final AttemptLimiter receiptTries;
    private final PendingWithdrawals withdrawals;

    public Interview(Questionnaire questionnaire, DraftStore drafts, Submissions submissions, Clock clock) {
        this(questionnaire, drafts, submissions, clock, Optional.empty());
    }

    /**
     * As above; with {@code formUrl}, her first screen also offers the sealed form at that https
     * address (a button that opens it inside the messenger), where the questionnaire has the words.
     */
    public Interview(Questionnaire questionnaire, DraftStore drafts, Submissions submissions, Clock clock,
                     Optional<String> formUrl) {
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.submissions = Objects.requireNonNull(submissions, "submissions");
        questionnaire.requireMessages(EngineMessages.REQUIRED);
        Flow flow = new Flow(questionnaire);
        AnswerKinds kinds = new AnswerKinds(questionnaire, flow, clock);
        this.screens = new Screens(questionnaire, flow, kinds, Objects.requireNonNull(formUrl, "formUrl"));
        this.answering = new Answering(questionnaire, flow, screens, kinds);
        this.receiptTries = new AttemptLimiter(clock, RECEIPT_TRIES, RECEIPT_WINDOW);
        this.withdrawals = new PendingWithdrawals(clock);
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }

    /**
     * @param languageCode the client's language code, if the channel knows it ("hi", "bn-IN");
     *                     a first guess before the person chooses
     * @return the screen, and {@link AfterCommit.UrgentArrival} when an urgent testimony was stored
     */
    @Override
    public Reply handle(ChatRef chat, String languageCode, Input input) {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(input, "input");
        Optional<Draft> loaded = Optional.empty();
        try {
            loaded = drafts.load(chat).flatMap(this::decode);
            Turn turn = new Turn(chat, loaded.orElse(null), LanguageGuess.guess(questionnaire, languageCode));
            Screen screen = dispatch(turn, input);
            if (turn.erase) {
                drafts.erase(chat);
            } else if (turn.draft != null && turn.save) {
                try (SecretBytes bytes = codec.encode(turn.draft)) {
                    drafts.save(chat, bytes);
                }
            }
            return new Reply(screen, Optional.empty(), turn.afterCommit);
        } catch (RuntimeException e) {
            // Never the message: it could carry content. The class is enough to find the bug.
            log.warn("interview step failed: {}", e.getClass().getName());
            String language = loaded.map(d -> d.language).orElse(LanguageGuess.guess(questionnaire, languageCode));
            return Reply.of(Screen.of(questionnaire.texts(language == null ? questionnaire.defaultLanguage() : language)
                    .message("error_generic"), java.util.List.of()));
        }
    }

    private Optional<Draft> decode(SecretBytes bytes) {
        try (bytes) {
            DraftCodec.Decoded decoded = codec.read(bytes);
            if (decoded instanceof DraftCodec.Decoded.UnknownFormat unknown) {
                // Written by a newer release (a rollback): never guessed at; she starts again.
                log.warn("a draft in format {}, unknown to this version, was set aside", unknown.tag());
            }
            return decoded instanceof DraftCodec.Decoded.Read read ? Optional.of(read.draft())
                    .filter(d -> questionnaire.id().equals(d.questionnaire)
                            && (d.current == null || questionnaire.question(d.current).isPresent()))
                    : Optional.empty();
        }
    }

    /** The state of one call: the draft (null when none), and what to do with it afterwards. */
    static final class Turn {
        final ChatRef chat;
        Draft draft;
        final String guess;
        boolean save = true;
        boolean erase;
        /** What this call causes after the commit: an urgent arrival. */
        final java.util.List<AfterCommit> afterCommit = new java.util.ArrayList<>();

        Turn(ChatRef chat, Draft draft, String guess) {
            this.chat = chat;
            this.draft = draft;
            this.guess = guess;
        }

        String language() {
            return draft != null && draft.language != null ? draft.language : guess;
        }
    }

    private Screen dispatch(Turn turn, Input input) {
        if (input instanceof Input.Start) {
            return start(turn);
        }
        if (input instanceof Input.Command c) {
            return command(turn, c);
        }
        if (input instanceof Input.Press p && ButtonId.parse(p.buttonId())
                .filter(b -> b.kind().equals(ButtonId.WITHDRAW) && b.context().equals(ButtonId.CTX_WITHDRAW)).isPresent()) {
            return confirmWithdrawal(turn, p.buttonId().endsWith(":yes"));
        }
        if (turn.draft == null) {
            // No conversation yet (or it ended): whatever came, begin gently.
            return start(turn);
        }
        if (input instanceof Input.Press p) {
            return press(turn, p.buttonId());
        }
        if (input instanceof Input.Text t) {
            return choosingLanguage(turn) ? render(turn).withNotice(texts(turn).message("use_buttons"))
                    : outcome(turn, answering.text(turn.draft, t.text()));
        }
        return render(turn).withNotice(texts(turn).message("unsupported_input"));
    }

    /** Nothing chosen yet: the language prompt is the screen, in her guessed language. */
    private static boolean choosingLanguage(Turn turn) {
        return turn.draft.stage == Draft.Stage.LANGUAGE && turn.draft.language == null;
    }

    /**
     * The screen of the draft's stage. Before she has chosen a language it is the prompt in her
     * client's language (or the default), as at {@code /start}: the draft knows no language yet.
     */
    private Screen render(Turn turn) {
        return choosingLanguage(turn) ? screens.language(turn.guess) : screens.render(turn.draft);
    }

    private Texts texts(Turn turn) {
        return questionnaire.texts(turn.language());
    }

    private Screen start(Turn turn) {
        if (turn.draft == null) {
            Draft draft = new Draft();
            draft.questionnaire = questionnaire.id();
            draft.version = questionnaire.version();
            draft.stage = Draft.Stage.LANGUAGE;
            turn.draft = draft;
            return screens.language(turn.guess);
        }
        Draft d = turn.draft;
        if (d.stage == Draft.Stage.LANGUAGE) {
            return screens.language(turn.guess);
        }
        if (d.stage != Draft.Stage.RESUME) {
            d.returnStage = d.stage == Draft.Stage.PAUSED ? d.returnStage : d.stage;
            d.stage = Draft.Stage.RESUME;
        }
        return render(turn);
    }

    private Screen command(Turn turn, Input.Command c) {
        Texts t = texts(turn);
        switch (c.name()) {
            case "start":
                return start(turn);
            case "help":
                return turn.draft == null ? Screen.of(t.message("help"), java.util.List.of())
                        : render(turn).withNotice(t.message("help"));
            case "status":
                return receiptStatus(turn, c.argument());
            case "withdraw":
                return withdraw(turn, c.argument());
            case "exit":
                return quickExit(turn);
            default:
                break;
        }
        if (turn.draft == null) {
            turn.save = false;
            return Screen.of(t.message("unknown_command"), java.util.List.of());
        }
        Draft d = turn.draft;
        return switch (c.name()) {
            case "language" -> {
                d.returnStage = d.stage == Draft.Stage.LANGUAGE ? d.returnStage : d.stage;
                d.stage = Draft.Stage.LANGUAGE;
                yield screens.language(d.language == null ? turn.guess : d.language);
            }
            case "back" -> pressNav(turn, "back");
            case "skip" -> pressNav(turn, "skip");
            case "pause" -> pressNav(turn, "pause");
            case "erase", "delete" -> pressNav(turn, "erase");
            case "resume" -> d.stage == Draft.Stage.PAUSED || d.stage == Draft.Stage.RESUME
                    ? answering.resume(d) : render(turn);
            default -> render(turn).withNotice(t.message("unknown_command"));
        };
    }

    /**
     * A navigation command typed instead of pressed: acts on the question on screen now, also
     * where the screen has no button for it (the month step of a date), if the question allows it.
     */
    private Screen pressNav(Turn turn, String action) {
        Draft d = turn.draft;
        if (d.stage == Draft.Stage.QUESTION) {
            return answering.press(d, new ButtonId(ButtonId.NAV, d.current, action)).map(outcome -> outcome(turn, outcome))
                    .orElseGet(() -> render(turn).withNotice(texts(turn).message("not_in_this_question")));
        }
        if (d.stage == Draft.Stage.REVIEW && (action.equals("back") || action.equals("erase"))) {
            return review(turn, action);
        }
        if (action.equals("erase")) {
            return answering.askErase(d);
        }
        if (action.equals("pause")) {
            return answering.pause(d);
        }
        return render(turn).withNotice(texts(turn).message("not_in_this_question"));
    }

    private Screen press(Turn turn, String data) {
        Draft d = turn.draft;
        Optional<ButtonId> parsed = ButtonId.parse(data);
        // Only a button of the screen she is on now counts. The context alone is not enough:
        // forged data can pair it with any kind ("x:q5:yes" would erase from a question).
        Screen onShow = render(turn);
        if (parsed.isEmpty() || onShow.buttons().stream().noneMatch(b -> b.id().equals(data))) {
            return onShow.withNotice(texts(turn).message("stale_button"));
        }
        ButtonId b = parsed.get();
        return switch (b.kind()) {
            case ButtonId.LANGUAGE -> chooseLanguage(turn, b.argument());
            case ButtonId.REVIEW -> review(turn, b.argument());
            case ButtonId.ERASE -> b.argument().equals("yes") ? erase(turn) : answering.cancelErase(d);
            case ButtonId.PAUSED -> answering.resume(d);
            case ButtonId.RESUME -> resumeChoice(turn, b.argument());
            case ButtonId.EDIT -> answering.edit(d, b.argument());
            default -> answering.press(d, b).map(outcome -> outcome(turn, outcome))
                    .orElseGet(() -> render(turn).withNotice(texts(turn).message("stale_button")));
        };
    }

    private Screen outcome(Turn turn, Outcome outcome) {
        if (outcome instanceof Outcome.Show show) {
            return show.screen();
        }
        if (outcome instanceof Outcome.QuickExit) {
            return quickExit(turn);
        }
        if (outcome instanceof Outcome.End end) {
            turn.erase = true;
            return Screen.ended(texts(turn).message(end.messageKey()), Ending.ENDED);
        }
        if (outcome instanceof Outcome.Erase) {
            return answering.askErase(turn.draft);
        }
        throw new IllegalStateException("unknown outcome " + outcome);
    }

    private Screen chooseLanguage(Turn turn, String language) {
        Draft d = turn.draft;
        if (!questionnaire.supports(language)) {
            return screens.language(turn.guess).withNotice(texts(turn).message("stale_button"));
        }
        boolean first = d.language == null;
        d.language = language;
        if (first || d.returnStage == null) {
            return answering.begin(d);
        }
        d.stage = d.returnStage;
        d.returnStage = null;
        return render(turn).withNotice(questionnaire.texts(language).message("language_changed"));
    }

    private Screen resumeChoice(Turn turn, String choice) {
        Draft d = turn.draft;
        return switch (choice) {
            case "continue" -> answering.resume(d);
            case "over" -> {
                Draft fresh = new Draft();
                fresh.questionnaire = questionnaire.id();
                fresh.version = questionnaire.version();
                fresh.language = d.language;
                turn.draft = fresh;
                yield answering.begin(fresh);
            }
            case "erase" -> answering.askErase(d);
            default -> render(turn).withNotice(texts(turn).message("stale_button"));
        };
    }

    private Screen review(Turn turn, String action) {
        Draft d = turn.draft;
        return switch (action) {
            case "submit" -> d.stage == Draft.Stage.REVIEW ? submit(turn) : render(turn);
            case "change" -> {
                d.stage = Draft.Stage.REVIEW_PICK;
                yield render(turn);
            }
            case "review" -> {
                d.stage = Draft.Stage.REVIEW;
                yield render(turn);
            }
            case "back" -> answering.backFromReview(d);
            case "erase" -> answering.askErase(d);
            default -> render(turn).withNotice(texts(turn).message("stale_button"));
        };
    }

    private Screen submit(Turn turn) {
        Draft d = turn.draft;
        Flow flow = new Flow(questionnaire);
        TestimonyContent content = new TestimonyContent(questionnaire.id(), questionnaire.version(), d.language,
                flow.effectiveAnswers(d), flow.effectiveTexts(d));
        ReceiptCode receipt;
        boolean urgent = questionnaire.isUrgent(content.answers());
        try (SecretBytes sealedInput = content.toJson()) {
            // Her chat is kept (sealed) only when she asked for a message back through this bot.
            Arrival arrival = new Arrival(urgent,
                    questionnaire.asksContactInBot(content.answers()) ? Optional.of(d.language) : Optional.empty());
            receipt = submissions.submit(turn.chat, sealedInput, arrival);
        } catch (RuntimeException e) {
            // The submission is a unit of its own (a savepoint inside a Telegram batch): when it
            // fails, none of its writes are kept, so her draft is exactly as it was and she can
            // send again. A failure it cannot undo alone fails the batch's transaction instead.
            log.warn("submission failed: {}", e.getClass().getName());
            turn.save = false;
            return render(turn).withNotice(texts(turn).message("submit_failed"));
        }
        // The store erased the draft in the same transaction as the insert.
        turn.save = false;
        if (urgent) {
            // Told to the moderators only after the commit: a batch rolled back after this stored nothing.
            turn.afterCommit.add(new AfterCommit.UrgentArrival());
        }
        String grouped = receipt.grouped();
        return new Screen(texts(turn).message("submitted", Map.of("receipt", grouped)), java.util.List.of(), true,
                Optional.of(grouped), Ending.SUBMITTED);
    }

    private Screen erase(Turn turn) {
        turn.erase = true;
        return Screen.ended(texts(turn).message("erased"), Ending.ERASED);
    }

    private Screen quickExit(Turn turn) {
        turn.erase = true;
        return Screen.ended(texts(turn).message("quick_exit"), Ending.QUICK_EXIT);
    }

    private Screen receiptStatus(Turn turn, String argument) {
        turn.save = turn.draft != null;
        Texts t = texts(turn);
        Optional<ReceiptCode> code = ReceiptCode.parse(argument);
        if (code.isEmpty()) {
            return withCurrent(turn, t.message("status_usage"));
        }
        if (!receiptTries.tryAcquire(turn.chat)) {
            return withCurrent(turn, t.message("too_many_tries"));
        }
        // Wrong and unknown codes get the same answer: nothing to learn from trying.
        String key = submissions.status(code.get())
                .map(status -> "status_" + status.name().toLowerCase(java.util.Locale.ROOT))
                .orElse("status_unknown");
        return withCurrent(turn, t.message(key));
    }

    /**
     * Asks before withdrawing, on a button: a code read off her phone, or typed by mistake, does
     * not destroy a testimony with one message. The code waits in memory, not on the button.
     */
    private Screen withdraw(Turn turn, String argument) {
        turn.save = turn.draft != null;
        Texts t = texts(turn);
        Optional<ReceiptCode> code = ReceiptCode.parse(argument);
        if (code.isEmpty()) {
            return withCurrent(turn, t.message("withdraw_usage"));
        }
        withdrawals.ask(turn.chat, code.get());
        String yes = new ButtonId(ButtonId.WITHDRAW, ButtonId.CTX_WITHDRAW, "yes").data();
        String no = new ButtonId(ButtonId.WITHDRAW, ButtonId.CTX_WITHDRAW, "no").data();
        return Screen.of(t.message("withdraw_confirm"), java.util.List.of(java.util.List.of(
                new Screen.Button(yes, t.message("withdraw_yes")), new Screen.Button(no, t.message("withdraw_no")))));
    }

    private Screen confirmWithdrawal(Turn turn, boolean yes) {
        turn.save = turn.draft != null;
        Texts t = texts(turn);
        Optional<ReceiptCode> code = withdrawals.take(turn.chat);
        if (code.isEmpty()) {
            return withCurrent(turn, t.message("stale_button"));
        }
        if (!yes) {
            return withCurrent(turn, t.message("withdraw_cancelled"));
        }
        if (!receiptTries.tryAcquire(turn.chat)) {
            return withCurrent(turn, t.message("too_many_tries"));
        }
        Optional<TestimonyStatus> status = submissions.status(code.get());
        if (status.isPresent() && status.get() == TestimonyStatus.WITHDRAWN) {
            return withCurrent(turn, t.message("status_withdrawn"));
        }
        return withCurrent(turn, t.message(submissions.withdraw(code.get()) ? "withdrawn" : "status_unknown"));
    }

    /** A reply that leaves the person where she was, with her current screen below it. */
    private Screen withCurrent(Turn turn, String message) {
        return turn.draft == null ? Screen.of(message, java.util.List.of()) : render(turn).withNotice(message);
    }
}
