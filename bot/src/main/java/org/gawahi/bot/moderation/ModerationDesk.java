package org.gawahi.bot.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gawahi.bot.buttons.ButtonCodec;
import org.gawahi.bot.buttons.ButtonData;
import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.LanguageGuess;
import org.gawahi.bot.interview.Screen;
import org.gawahi.config.questionnaire.DeskMessages;
import org.gawahi.config.questionnaire.DeskTexts;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.conversation.TelegramIds;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.events.EventTable;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.gawahi.storage.roles.Roles;

/**
 * Review in a private chat, in front of the interview: {@code /queue}, {@code /next} and the
 * review buttons (the moderation and contact namespaces of {@link ButtonCodec}) go to review when the keys are unlocked and the
 * sender holds the moderator role, checked on every input against the sealed role table (so a
 * revocation counts at once). Anyone else gets the interview, as if the command did not exist,
 * and the attempt is audited under her pseudonym. In intake-only mode nobody can be checked, so
 * everybody gets the interview and nothing is audited: a stranger's answers are the same whether
 * the keys are locked or not, and tell her nothing about whether review exists (moderators learn
 * the key state from the operator, or from the health check).
 *
 * <p>Channel-agnostic: it takes and returns the engine's own {@link Input} and {@link Screen},
 * so Telegram and a test drive it alike. What it remembers (skipped testimonies, a redaction
 * waiting for its text) is in memory, per moderator's {@link ConversationId}, and forgotten on
 * restart. Its words are the desk's message files ({@code desk/<lang>.yaml}) in the
 * moderator's Telegram language, English when hers has none.
 */
public final class ModerationDesk {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ModerationDesk.class);
    /** The interview, or anything answering a respondent. */
    @FunctionalInterface
    public interface Respondent {
        Screen handle(ChatRef chat, String languageCode, Input input);
    }

    /** What review needs, present only when the keys were unlocked at start. */
    public record Unlocked(Review review, Roles roles, Opener opener, AuditLog audit) {
        public Unlocked {
            Objects.requireNonNull(review, "review");
            Objects.requireNonNull(roles, "roles");
            Objects.requireNonNull(opener, "opener");
            Objects.requireNonNull(audit, "audit");
        }
    }

    public static final List<String> COMMANDS = List.of("queue", "next");
    public static final Duration DEFAULT_REVIEW_LIFETIME = Duration.ofMinutes(10);
    static final int MAX_TEXT = 4000;
    private static final java.util.regex.Pattern TESTIMONY_ID = java.util.regex.Pattern.compile("[0-9a-f]{32}");

    private final Respondent respondent;
    private final Optional<Unlocked> unlocked;
    private final TestimonyRenderer renderer;
    private final Questionnaire questionnaire;
    private final Map<ConversationId, Set<String>> skipped = new ConcurrentHashMap<>();
    private final Map<ConversationId, PendingRedaction> redactions = new ConcurrentHashMap<>();
    private final ContactDesk contacts;
    private final Set<ConversationId> showingReview = ConcurrentHashMap.newKeySet();
    private final Duration reviewLifetime;
    private final UrgentArrivals arrivals;
    private final DeskMessages messages = DeskMessages.shipped();
    private final Optional<String> reviewApp;

    private record PendingRedaction(String testimonyId, String questionId) {
    }

    public ModerationDesk(Respondent respondent, Questionnaire questionnaire, Optional<Unlocked> unlocked) {
        this(respondent, questionnaire, unlocked, DEFAULT_REVIEW_LIFETIME, new UrgentArrivals());
    }

    /** @param reviewLifetime how long review messages stay on a moderator's phone */
    public ModerationDesk(Respondent respondent, Questionnaire questionnaire, Optional<Unlocked> unlocked,
                          Duration reviewLifetime, UrgentArrivals arrivals) {
        this(respondent, questionnaire, unlocked, reviewLifetime, arrivals, Optional.empty());
    }

    /**
     * @param reviewApp the https address of the review app: when present, /queue and /next offer it
     *                  and the chat shows no testimony any more, only counts
     */
    public ModerationDesk(Respondent respondent, Questionnaire questionnaire, Optional<Unlocked> unlocked,
                          Duration reviewLifetime, UrgentArrivals arrivals, Optional<String> reviewApp) {
        this.reviewApp = Objects.requireNonNull(reviewApp, "reviewApp");
        this.arrivals = Objects.requireNonNull(arrivals, "arrivals");
        if (reviewLifetime.isNegative() || reviewLifetime.isZero()) {
            throw new IllegalArgumentException("review messages need a positive lifetime");
        }
        this.reviewLifetime = reviewLifetime;
        this.respondent = Objects.requireNonNull(respondent, "respondent");
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
        this.unlocked = Objects.requireNonNull(unlocked, "unlocked");
        this.renderer = new TestimonyRenderer(questionnaire);
        this.contacts = new ContactDesk(questionnaire);
    }

    public Screen handle(ChatRef chat, String languageCode, Input input) {
        ConversationId conversation = chat.conversation();
        showingReview.remove(conversation);
        boolean waiting = redactions.containsKey(conversation) || contacts.isWriting(conversation);
        boolean forDesk = isDeskInput(input)
                || (waiting && (input instanceof Input.Text || input instanceof Input.Unsupported));
        if (!forDesk) {
            return respondent.handle(chat, languageCode, input);
        }
        if (unlocked.isEmpty()) {
            return respondent.handle(chat, languageCode, input);
        }
        Unlocked u = unlocked.get();
        String actor;
        try (RoleBook book = u.roles().open(u.opener())) {
            actor = book.actorPseudonym(conversation);
            if (!book.allows(conversation, Role.MODERATOR)) {
                redactions.remove(conversation);
                contacts.take(conversation);
                u.audit().refused(actor);
                return respondent.handle(chat, languageCode, input);
            }
        } catch (CannotOpenException e) {
            // Said to nobody in the chat: a stranger would learn that review exists.
            log.warn("the role table did not open with the unlocked keys; nobody can review until an operator "
                    + "runs `gawahi doctor`");
            return respondent.handle(chat, languageCode, input);
        }
        String language = LanguageGuess.guess(questionnaire, languageCode);
        DeskTexts words = messages.forLanguageCode(languageCode);
        showingReview.add(conversation);
        if (reviewApp.isPresent()) {
            redactions.remove(conversation);
            contacts.take(conversation);
            return inTheApp(u.review(), reviewApp.get(), words);
        }
        try {
            return new Session(u.review(), actor, conversation, language, words).on(input);
        } catch (CannotOpenException e) {
            return plain(words.message("did_not_open"));
        }
    }

    /**
     * When the screen just returned for {@code chat} is review (a testimony, the queue), how
     * long it may stay on the phone; empty for anything else.
     */
    public Optional<Duration> expiresAfter(ChatRef chat) {
        return showingReview.contains(chat.conversation()) ? Optional.of(reviewLifetime) : Optional.empty();
    }

    /**
     * The content-free notices due to moderators (by Telegram user id, which is their private
     * chat's id) for urgent testimonies stored since the last call. Unlocked only: the role
     * table that names the moderators cannot be read otherwise. Call after the input's
     * transaction has its results, and send only after it commits. In English: the role table
     * knows a moderator by her id alone, not her language, and nothing else may remember it.
     */
    public Map<Long, String> urgentNotices() {
        int count = arrivals.take();
        if (count == 0 || unlocked.isEmpty()) {
            return Map.of();
        }
        Unlocked u = unlocked.get();
        try (RoleBook book = u.roles().open(u.opener())) {
            DeskTexts words = messages.english();
            String text = count == 1 ? words.message("urgent_notice") : words.message("urgent_notice_many", "count", count);
            Map<Long, String> notices = new java.util.TreeMap<>();
            book.holdersOf(Role.MODERATOR).forEach(user -> notices.put(TelegramIds.id(user), text));
            return notices;
        } catch (CannotOpenException e) {
            return Map.of();
        }
    }

    /**
     * Everything due to other chats after the input just handled: the urgent notices to
     * moderators, and a moderator's one message to a respondent (under a line in her language
     * from the questionnaire). Call after the input's transaction has its results, and send
     * only after it commits: the respondent's handle was erased in that transaction.
     */
    public Map<Long, String> notices() {
        Map<Long, String> notices = new java.util.TreeMap<>(urgentNotices());
        contacts.drainInto(notices);
        return notices;
    }

    /**
     * The desk's commands, and buttons of the desk's namespaces, as {@link ButtonCodec} reads
     * them from the data alone. The interview's month buttons ({@code m:q5:2}) are the
     * interview's: when the desk shared their letter, a respondent's press was once taken for
     * the desk and audited as a refused moderator (her pseudonym and the hour in the log).
     */
    boolean isDeskInput(Input input) {
        if (input instanceof Input.Command c) {
            return COMMANDS.contains(c.name());
        }
        return input instanceof Input.Press p
                && ButtonCodec.decode(p.buttonId()).filter(b -> DeskAction.isDesks(b.namespace())).isPresent();
    }

    /** One input of one moderator. */
    private final class Session {
        private final Review review;
        private final String actor;
        private final ConversationId user;
        private final String language;
        private final DeskTexts words;

        Session(Review review, String actor, ConversationId user, String language, DeskTexts words) {
            this.review = review;
            this.actor = actor;
            this.user = user;
            this.language = language;
            this.words = words;
        }

        Screen on(Input input) throws CannotOpenException {
            PendingRedaction pending = redactions.remove(user);
            Optional<String> writingTo = contacts.take(user);
            if (writingTo.isPresent() && (input instanceof Input.Text || input instanceof Input.Unsupported)) {
                Outcome outcome = contacts.write(review.contact(), actor, user, writingTo.get(), input);
                boolean over = outcome == Outcome.CONTACT_SENT || outcome == Outcome.CONTACT_GONE;
                return over ? show(writingTo.get(), sentenceOf(outcome)) : plain(sentenceOf(outcome));
            }
            if (input instanceof Input.Unsupported && pending != null) {
                redactions.put(user, pending);
                return plain(words.message("redact_text_only"));
            }
            if (input instanceof Input.Text text && pending != null) {
                Outcome outcome = review.redact(actor, pending.testimonyId(), pending.questionId(), text.text());
                if (outcome == Outcome.REDACTION_TOO_LONG || outcome == Outcome.REDACTION_EMPTY) {
                    redactions.put(user, pending);
                    return plain(sentenceOf(outcome) + " " + words.message("send_again"));
                }
                return show(pending.testimonyId(), sentenceOf(outcome));
            }
            if (input instanceof Input.Command c) {
                return c.name().equals("queue") ? queue() : next("");
            }
            ButtonData button = ButtonCodec.decode(((Input.Press) input).buttonId()).orElseThrow();
            List<String> args = button.arguments();
            String id = button.subject();
            Optional<DeskAction> action = DeskAction.of(button);
            boolean wellFormed = action.isPresent() && (args.isEmpty() ? action.get() == DeskAction.NEXT
                    : TESTIMONY_ID.matcher(id).matches() && args.size() <= 2);
            if (!wellFormed) {
                return plain(words.message("stale"));
            }
            String first = args.size() == 2 ? args.get(0) : "";
            return switch (action.get()) {
                case NEXT -> next("");
                case APPROVE -> after(review.approve(actor, id));
                case REJECT -> reasons(id);
                case REJECT_FOR -> reason(first).map(r -> review.reject(actor, id, r)).map(this::sentenceOf)
                        .map(this::nextQuietly).orElse(plain(words.message("stale")));
                case BACK -> show(id, "");
                case URGENT -> show(id, sentenceOf(review.flagUrgent(actor, id)));
                case REDACT -> redactChoice(id);
                case REDACT_QUESTION -> askRedaction(id, first.isEmpty() ? -1 : index(first));
                case LINK -> events(id);
                case LINK_NEW -> show(id, sentenceOf(review.link(actor, id, review.startEvent(actor))));
                case LINK_TO -> show(id, sentenceOf(first.length() == 16 ? linkByPrefix(id, first) : Outcome.NO_SUCH_EVENT));
                case CONTACT -> {
                    Outcome outcome = contacts.ask(review.contact(), actor, user, id);
                    yield outcome == Outcome.DONE ? plain(ContactDesk.ask(words)) : show(id, sentenceOf(outcome));
                }
                case CLOSE -> confirmClose(id);
                case CLOSE_CONFIRMED -> show(id, sentenceOf(review.contact().close(actor, id)));
                case SKIP -> {
                    skipped.computeIfAbsent(user, k -> ConcurrentHashMap.newKeySet()).add(id);
                    yield next("");
                }
            };
        }

        private Screen queue() {
            String key = review.keyFingerprint().map(f -> "\n\n" + words.message("key_fingerprint", "fingerprint", f.grouped()))
                    .orElse("");
            return new Screen(review.queue().describe(words) + "\n\n" + words.message("review_chat_cost") + key,
                    List.of(List.of(button(words.message("button_next"), DeskAction.NEXT.data()))), false,
                    Optional.empty(), Screen.Ending.NONE);
        }

        private Screen next(String notice) throws CannotOpenException {
            Set<String> skip = skipped.getOrDefault(user, new HashSet<>());
            Optional<OpenedTestimony> t = review.next(actor, skip);
            return t.isEmpty() ? plain(join(notice, words.message("queue_empty"))) : testimony(t.get(), notice);
        }

        private String sentenceOf(Outcome outcome) {
            return outcome.sentence(words);
        }

        private Screen nextQuietly(String notice) {
            try {
                return next(notice);
            } catch (CannotOpenException e) {
                return plain(join(notice, words.message("next_did_not_open")));
            }
        }

        private Optional<RejectReason> reason(String index) {
            int i = index.isEmpty() ? -1 : index(index);
            return i >= 0 && i < RejectReason.values().length ? Optional.of(RejectReason.values()[i]) : Optional.empty();
        }

        private Screen after(Outcome outcome) throws CannotOpenException {
            return next(sentenceOf(outcome));
        }

        private Screen show(String id, String notice) throws CannotOpenException {
            Optional<OpenedTestimony> t = review.open(actor, id);
            return t.isEmpty() ? next(join(notice, sentenceOf(Outcome.GONE))) : testimony(t.get(), notice);
        }

        private Screen testimony(OpenedTestimony t, String notice) {
            String id = t.id();
            List<List<Screen.Button>> rows = new ArrayList<>(List.of(
                    List.of(button(words.message("button_approve"), DeskAction.APPROVE.data(id)),
                            button(words.message("button_reject"), DeskAction.REJECT.data(id))),
                    List.of(button(words.message("button_urgent"), DeskAction.URGENT.data(id)),
                            button(words.message("button_redact"), DeskAction.REDACT.data(id))),
                    List.of(button(words.message("button_link"), DeskAction.LINK.data(id)),
                            button(words.message("button_skip"), DeskAction.SKIP.data(id)))));
            String tail = "\n\n" + words.message("mask_note");
            if (review.contact().available(id)) {
                rows.add(List.of(button(words.message("button_contact"), DeskAction.CONTACT.data(id)),
                        button(words.message("button_close"), DeskAction.CLOSE.data(id))));
                tail += "\n\n" + ContactDesk.note(words);
            }
            String tooLong = "\n" + words.message("too_long");
            String body = renderer.render(t, language, words);
            // The notice and the notes must fit beside the body in one message.
            int room = MAX_TEXT - tail.length() - (notice.isEmpty() ? 0 : notice.length() + 2) - tooLong.length();
            if (body.length() > room) {
                body = body.substring(0, Math.max(0, room)) + tooLong;
            }
            return new Screen(join(notice, body + tail), rows, false, Optional.empty(), Screen.Ending.NONE);
        }

        /** Closing erases the only way to reach her, for good: one more press, with a way back. */
        private Screen confirmClose(String id) {
            return new Screen(words.message("confirm_close"), List.of(List.of(
                    button(words.message("button_close_yes"), DeskAction.CLOSE_CONFIRMED.data(id)),
                    button(words.message("button_back"), DeskAction.BACK.data(id)))), false, Optional.empty(), Screen.Ending.NONE);
        }

        private Screen reasons(String id) {
            List<List<Screen.Button>> rows = new ArrayList<>();
            RejectReason[] all = RejectReason.values();
            for (int i = 0; i < all.length; i++) {
                rows.add(List.of(button(all[i].label(words), DeskAction.REJECT_FOR.data(Integer.toString(i), id))));
            }
            rows.add(List.of(button(words.message("button_back"), DeskAction.BACK.data(id))));
            return new Screen(words.message("reject_question"), rows, false, Optional.empty(), Screen.Ending.NONE);
        }

        private Screen redactChoice(String id) throws CannotOpenException {
            Optional<OpenedTestimony> t = review.open(actor, id);
            if (t.isEmpty()) {
                return next(sentenceOf(Outcome.GONE));
            }
            List<String> questions = renderer.textQuestions(t.get());
            if (questions.isEmpty()) {
                return show(id, words.message("redact_nothing"));
            }
            List<List<Screen.Button>> rows = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                rows.add(List.of(button(renderer.questionLabel(questions.get(i), language), DeskAction.REDACT_QUESTION.data(Integer.toString(i), id))));
            }
            return new Screen(words.message("redact_question"), rows, false, Optional.empty(), Screen.Ending.NONE);
        }

        private Screen askRedaction(String id, int index) throws CannotOpenException {
            Optional<OpenedTestimony> t = review.open(actor, id);
            if (t.isEmpty()) {
                return next(sentenceOf(Outcome.GONE));
            }
            List<String> questions = renderer.textQuestions(t.get());
            if (index < 0 || index >= questions.size()) {
                return show(id, words.message("stale_short"));
            }
            String question = questions.get(index);
            redactions.put(user, new PendingRedaction(id, question));
            return plain(words.message("redact_ask") + "\n\n" + t.get().content().texts().get(question));
        }

        private Screen events(String id) {
            List<List<Screen.Button>> rows = new ArrayList<>();
            for (EventTable.Event e : review.recentEvents()) {
                rows.add(List.of(button(words.message("button_raid", Map.of("event", e.id().substring(0, 8),
                        "day", String.valueOf(e.createdDay()), "count", String.valueOf(e.testimonies()))),
                        DeskAction.LINK_TO.data(e.id().substring(0, 16), id))));
            }
            rows.add(List.of(button(words.message("button_new_raid"), DeskAction.LINK_NEW.data(id))));
            return new Screen(words.message("link_question"), rows, false, Optional.empty(), Screen.Ending.NONE);
        }

        private Outcome linkByPrefix(String id, String prefix) {
            return review.recentEvents().stream().filter(e -> e.id().startsWith(prefix)).findFirst()
                    .map(e -> review.link(actor, id, e.id())).orElse(Outcome.NO_SUCH_EVENT);
        }
    }

    /** Counts and one neutral line, and the button that opens the review app: no testimony in the chat. */
    private static Screen inTheApp(Review review, String url, DeskTexts words) {
        return new Screen(review.queue().describe(words) + "\n\n" + words.message("review_in_the_app"),
                List.of(List.of(Screen.Button.webApp(words.message("button_open_review"), url))), false, Optional.empty(),
                Screen.Ending.NONE);
    }

    private static int index(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String join(String notice, String text) {
        return notice.isEmpty() ? text : notice + "\n\n" + text;
    }

    private static Screen.Button button(String label, String data) {
        return new Screen.Button(data, label);
    }

    private static Screen plain(String text) {
        return new Screen(text, List.of(), false, Optional.empty(), Screen.Ending.NONE);
    }
}
