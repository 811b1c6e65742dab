package org.gawahi.bot.interview;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.bot.interview.Screen.Ending;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.drafts.DraftStore;
import org.gawahi.storage.testimony.Submissions;
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

    private final Questionnaire questionnaire;
    private final DraftStore drafts;
    private final Answering answering;
    private final DraftCodec codec = new DraftCodec();
    private final OnScreen onScreen;
    private final Starting starting;
    private final Submitting submitting;
    private final ReceiptCommands receipts;

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
        Objects.requireNonNull(submissions, "submissions");
        questionnaire.requireMessages(EngineMessages.REQUIRED);
        Flow flow = new Flow(questionnaire);
        AnswerKinds kinds = new AnswerKinds(questionnaire, flow, clock);
        Screens screens = new Screens(questionnaire, flow, kinds, Objects.requireNonNull(formUrl, "formUrl"));
        this.answering = new Answering(questionnaire, flow, screens, kinds);
        this.onScreen = new OnScreen(questionnaire, screens);
        this.starting = new Starting(questionnaire, screens, answering, onScreen);
        this.submitting = new Submitting(questionnaire, flow, submissions, onScreen);
        this.receipts = new ReceiptCommands(submissions, clock, onScreen);
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

    private Screen dispatch(Turn turn, Input input) {
        if (input instanceof Input.Start) {
            return starting.start(turn);
        }
        if (input instanceof Input.Command c) {
            return command(turn, c);
        }
        if (input instanceof Input.Press p && ButtonId.parse(p.buttonId())
                .filter(b -> b.kind().equals(ButtonId.WITHDRAW) && b.context().equals(ButtonId.CTX_WITHDRAW)).isPresent()) {
            return receipts.confirmWithdrawal(turn, p.buttonId().endsWith(":yes"));
        }
        if (turn.draft == null) {
            // No conversation yet (or it ended): whatever came, begin gently.
            return starting.start(turn);
        }
        if (input instanceof Input.Press p) {
            return press(turn, p.buttonId());
        }
        if (input instanceof Input.Text t) {
            return turn.choosingLanguage() ? onScreen.notice(turn, "use_buttons")
                    : outcome(turn, answering.text(turn.draft, t.text()));
        }
        return onScreen.notice(turn, "unsupported_input");
    }

    private Screen command(Turn turn, Input.Command c) {
        Texts t = onScreen.texts(turn);
        switch (c.name()) {
            case "start":
                return starting.start(turn);
            case "help":
                return turn.draft == null ? Screen.of(t.message("help"), java.util.List.of())
                        : onScreen.render(turn).withNotice(t.message("help"));
            case "status":
                return receipts.status(turn, c.argument());
            case "withdraw":
                return receipts.withdraw(turn, c.argument());
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
            case "language" -> starting.askLanguage(turn);
            case "back" -> pressNav(turn, "back");
            case "skip" -> pressNav(turn, "skip");
            case "pause" -> pressNav(turn, "pause");
            case "erase", "delete" -> pressNav(turn, "erase");
            case "resume" -> d.stage == Draft.Stage.PAUSED || d.stage == Draft.Stage.RESUME
                    ? answering.resume(d) : onScreen.render(turn);
            default -> onScreen.render(turn).withNotice(t.message("unknown_command"));
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
                    .orElseGet(() -> onScreen.notice(turn, "not_in_this_question"));
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
        return onScreen.notice(turn, "not_in_this_question");
    }

    private Screen press(Turn turn, String data) {
        Draft d = turn.draft;
        Optional<ButtonId> parsed = ButtonId.parse(data);
        // Only a button of the screen she is on now counts. The context alone is not enough:
        // forged data can pair it with any kind ("x:q5:yes" would erase from a question).
        Screen onShow = onScreen.render(turn);
        if (parsed.isEmpty() || onShow.buttons().stream().noneMatch(b -> b.id().equals(data))) {
            return onShow.withNotice(onScreen.texts(turn).message("stale_button"));
        }
        ButtonId b = parsed.get();
        return switch (b.kind()) {
            case ButtonId.LANGUAGE -> starting.chooseLanguage(turn, b.argument());
            case ButtonId.REVIEW -> review(turn, b.argument());
            case ButtonId.ERASE -> b.argument().equals("yes") ? erase(turn) : answering.cancelErase(d);
            case ButtonId.PAUSED -> answering.resume(d);
            case ButtonId.RESUME -> starting.resumeChoice(turn, b.argument());
            case ButtonId.EDIT -> answering.edit(d, b.argument());
            default -> answering.press(d, b).map(outcome -> outcome(turn, outcome))
                    .orElseGet(() -> onScreen.notice(turn, "stale_button"));
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
            return Screen.ended(onScreen.texts(turn).message(end.messageKey()), Ending.ENDED);
        }
        if (outcome instanceof Outcome.Erase) {
            return answering.askErase(turn.draft);
        }
        throw new IllegalStateException("unknown outcome " + outcome);
    }

    private Screen review(Turn turn, String action) {
        Draft d = turn.draft;
        return switch (action) {
            case "submit" -> d.stage == Draft.Stage.REVIEW ? submitting.submit(turn) : onScreen.render(turn);
            case "change" -> {
                d.stage = Draft.Stage.REVIEW_PICK;
                yield onScreen.render(turn);
            }
            case "review" -> {
                d.stage = Draft.Stage.REVIEW;
                yield onScreen.render(turn);
            }
            case "back" -> answering.backFromReview(d);
            case "erase" -> answering.askErase(d);
            default -> onScreen.notice(turn, "stale_button");
        };
    }

    private Screen erase(Turn turn) {
        turn.erase = true;
        return Screen.ended(onScreen.texts(turn).message("erased"), Ending.ERASED);
    }

    private Screen quickExit(Turn turn) {
        turn.erase = true;
        return Screen.ended(onScreen.texts(turn).message("quick_exit"), Ending.QUICK_EXIT);
    }
}
