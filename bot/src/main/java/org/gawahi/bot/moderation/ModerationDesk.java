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
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.audit.AuditLog;
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
 * waiting for its text) is in memory, per moderator, and forgotten on restart.
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
    static final String EMPTY = "Nothing is waiting for review.";
    static final String URGENT_NOTICE = "An urgent testimony has arrived. Send /queue.";
    static final String URGENT_NOTICE_MANY = "%d urgent testimonies have arrived. Send /queue.";
    static final String MASK_NOTE = "Parts masked on arrival show as [#phone], [#id-number], [#email], [#link].";
    static final int MAX_TEXT = 4000;
    static final String TOO_LONG = "\n… (too long for one message: read it whole with `gawahi review`)";
    static final String STALE = "That button is out of date. Send /next.";
    static final String KEY = "New testimonies are sealed to the collective key %s. "
            + "It must match the fingerprint your collective wrote down; if not, tell an operator at once.";
    static final String CONFIRM_CLOSE = "Close this case? The way to reach her is erased for good: no message can be "
            + "sent to her any more.";
    static final String OPEN_THE_APP = "Open the review";
    static final String IN_THE_APP = "Testimonies are read and decided in the review app, never in this chat: "
            + "Telegram carries only this message.";
    static final String CHAT_COST = "Review in this chat goes through Telegram, which carries and stores every "
            + "testimony you open; with GAWAHI_PUBLIC_URL set, review moves to a page Telegram does not read.";
    private static final java.util.regex.Pattern TESTIMONY_ID = java.util.regex.Pattern.compile("[0-9a-f]{32}");

    private final Respondent respondent;
    private final Optional<Unlocked> unlocked;
    private final TestimonyRenderer renderer;
    private final Questionnaire questionnaire;
    private final Map<Long, Set<String>> skipped = new ConcurrentHashMap<>();
    private final Map<Long, PendingRedaction> redactions = new ConcurrentHashMap<>();
    private final ContactDesk contacts;
    private final Set<Long> showingReview = ConcurrentHashMap.newKeySet();
    private final Duration reviewLifetime;
    private final UrgentArrivals arrivals;
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
        showingReview.remove(chat.id());
        boolean waiting = redactions.containsKey(chat.id()) || contacts.isWriting(chat.id());
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
            actor = book.actorPseudonym(chat.id());
            if (!book.allows(chat.id(), Role.MODERATOR)) {
                redactions.remove(chat.id());
                contacts.take(chat.id());
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
        showingReview.add(chat.id());
        if (reviewApp.isPresent()) {
            redactions.remove(chat.id());
            contacts.take(chat.id());
            return inTheApp(u.review(), reviewApp.get());
        }
        try {
            return new Session(u.review(), actor, chat.id(), language).on(input);
        } catch (CannotOpenException e) {
            return plain("This testimony did not open (damaged, or sealed to a key that is not unlocked). "
                    + "Tell an operator; skip it with /next.");
        }
    }

    /**
     * When the screen just returned for {@code chat} is review (a testimony, the queue), how
     * long it may stay on the phone; empty for anything else.
     */
    public Optional<Duration> expiresAfter(ChatRef chat) {
        return showingReview.contains(chat.id()) ? Optional.of(reviewLifetime) : Optional.empty();
    }

    /**
     * The content-free notices due to moderators (by Telegram user id, which is their private
     * chat's id) for urgent testimonies stored since the last call. Unlocked only: the role
     * table that names the moderators cannot be read otherwise. Call after the input's
     * transaction has its results, and send only after it commits.
     */
    public Map<Long, String> urgentNotices() {
        int count = arrivals.take();
        if (count == 0 || unlocked.isEmpty()) {
            return Map.of();
        }
        Unlocked u = unlocked.get();
        try (RoleBook book = u.roles().open(u.opener())) {
            String text = count == 1 ? URGENT_NOTICE : URGENT_NOTICE_MANY.formatted(count);
            Map<Long, String> notices = new java.util.TreeMap<>();
            book.holdersOf(Role.MODERATOR).forEach(id -> notices.put(id, text));
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
        private final long user;
        private final String language;

        Session(Review review, String actor, long user, String language) {
            this.review = review;
            this.actor = actor;
            this.user = user;
            this.language = language;
        }

        Screen on(Input input) throws CannotOpenException {
            PendingRedaction pending = redactions.remove(user);
            Optional<String> writingTo = contacts.take(user);
            if (writingTo.isPresent() && (input instanceof Input.Text || input instanceof Input.Unsupported)) {
                Outcome outcome = contacts.write(review.contact(), actor, user, writingTo.get(), input);
                boolean over = outcome == Outcome.CONTACT_SENT || outcome == Outcome.CONTACT_GONE;
                return over ? show(writingTo.get(), outcome.sentence()) : plain(outcome.sentence());
            }
            if (input instanceof Input.Unsupported && pending != null) {
                redactions.put(user, pending);
                return plain("Only text can stand in a redaction. Send it as text, or /next to leave it.");
            }
            if (input instanceof Input.Text text && pending != null) {
                Outcome outcome = review.redact(actor, pending.testimonyId(), pending.questionId(), text.text());
                if (outcome == Outcome.REDACTION_TOO_LONG || outcome == Outcome.REDACTION_EMPTY) {
                    redactions.put(user, pending);
                    return plain(outcome.sentence() + " Send it again, or /next to leave it.");
                }
                return show(pending.testimonyId(), outcome.sentence());
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
                return plain(STALE);
            }
            String first = args.size() == 2 ? args.get(0) : "";
            return switch (action.get()) {
                case NEXT -> next("");
                case APPROVE -> after(review.approve(actor, id));
                case REJECT -> reasons(id);
                case REJECT_FOR -> reason(first).map(r -> review.reject(actor, id, r)).map(this::sentenceOf)
                        .map(this::nextQuietly).orElse(plain(STALE));
                case BACK -> show(id, "");
                case URGENT -> show(id, review.flagUrgent(actor, id).sentence());
                case REDACT -> redactChoice(id);
                case REDACT_QUESTION -> askRedaction(id, first.isEmpty() ? -1 : index(first));
                case LINK -> events(id);
                case LINK_NEW -> show(id, review.link(actor, id, review.startEvent(actor)).sentence());
                case LINK_TO -> show(id, (first.length() == 16 ? linkByPrefix(id, first) : Outcome.NO_SUCH_EVENT).sentence());
                case CONTACT -> {
                    Outcome outcome = contacts.ask(review.contact(), actor, user, id);
                    yield outcome == Outcome.DONE ? plain(ContactDesk.ASK) : show(id, outcome.sentence());
                }
                case CLOSE -> confirmClose(id);
                case CLOSE_CONFIRMED -> show(id, review.contact().close(actor, id).sentence());
                case SKIP -> {
                    skipped.computeIfAbsent(user, k -> ConcurrentHashMap.newKeySet()).add(id);
                    yield next("");
                }
            };
        }

        private Screen queue() {
            String key = review.keyFingerprint().map(f -> "\n\n" + KEY.formatted(f.grouped())).orElse("");
            return new Screen(review.queue().describe() + "\n\n" + CHAT_COST + key, List.of(List.of(button("Next ▶", DeskAction.NEXT.data()))), false,
                    Optional.empty(), Screen.Ending.NONE);
        }

        private Screen next(String notice) throws CannotOpenException {
            Set<String> skip = skipped.getOrDefault(user, new HashSet<>());
            Optional<OpenedTestimony> t = review.next(actor, skip);
            return t.isEmpty() ? plain(join(notice, EMPTY)) : testimony(t.get(), notice);
        }

        private String sentenceOf(Outcome outcome) {
            return outcome.sentence();
        }

        private Screen nextQuietly(String notice) {
            try {
                return next(notice);
            } catch (CannotOpenException e) {
                return plain(join(notice, "The next testimony did not open. Tell an operator."));
            }
        }

        private Optional<RejectReason> reason(String index) {
            int i = index.isEmpty() ? -1 : index(index);
            return i >= 0 && i < RejectReason.values().length ? Optional.of(RejectReason.values()[i]) : Optional.empty();
        }

        private Screen after(Outcome outcome) throws CannotOpenException {
            return next(outcome.sentence());
        }

        private Screen show(String id, String notice) throws CannotOpenException {
            Optional<OpenedTestimony> t = review.open(actor, id);
            return t.isEmpty() ? next(join(notice, Outcome.GONE.sentence())) : testimony(t.get(), notice);
        }

        private Screen testimony(OpenedTestimony t, String notice) {
            String id = t.id();
            List<List<Screen.Button>> rows = new ArrayList<>(List.of(
                    List.of(button("Approve", DeskAction.APPROVE.data(id)), button("Reject", DeskAction.REJECT.data(id))),
                    List.of(button("Urgent", DeskAction.URGENT.data(id)), button("Redact", DeskAction.REDACT.data(id))),
                    List.of(button("Link to raid", DeskAction.LINK.data(id)), button("Skip", DeskAction.SKIP.data(id)))));
            String tail = "\n\n" + MASK_NOTE;
            if (review.contact().available(id)) {
                rows.add(List.of(button("✉️ Contact her", DeskAction.CONTACT.data(id)), button("Close case", DeskAction.CLOSE.data(id))));
                tail += "\n\n" + ContactDesk.NOTE;
            }
            String body = renderer.render(t, language);
            // The notice and the notes must fit beside the body in one message.
            int room = MAX_TEXT - tail.length() - (notice.isEmpty() ? 0 : notice.length() + 2) - TOO_LONG.length();
            if (body.length() > room) {
                body = body.substring(0, Math.max(0, room)) + TOO_LONG;
            }
            return new Screen(join(notice, body + tail), rows, false, Optional.empty(), Screen.Ending.NONE);
        }

        /** Closing erases the only way to reach her, for good: one more press, with a way back. */
        private Screen confirmClose(String id) {
            return new Screen(CONFIRM_CLOSE, List.of(List.of(button("Yes, close the case", DeskAction.CLOSE_CONFIRMED.data(id)),
                    button("Back", DeskAction.BACK.data(id)))), false, Optional.empty(), Screen.Ending.NONE);
        }

        private Screen reasons(String id) {
            List<List<Screen.Button>> rows = new ArrayList<>();
            RejectReason[] all = RejectReason.values();
            for (int i = 0; i < all.length; i++) {
                rows.add(List.of(button(all[i].label(), DeskAction.REJECT_FOR.data(Integer.toString(i), id))));
            }
            rows.add(List.of(button("Back", DeskAction.BACK.data(id))));
            return new Screen("Why reject it?", rows, false, Optional.empty(), Screen.Ending.NONE);
        }

        private Screen redactChoice(String id) throws CannotOpenException {
            Optional<OpenedTestimony> t = review.open(actor, id);
            if (t.isEmpty()) {
                return next(Outcome.GONE.sentence());
            }
            List<String> questions = renderer.textQuestions(t.get());
            if (questions.isEmpty()) {
                return show(id, "This testimony has no free text to redact.");
            }
            List<List<Screen.Button>> rows = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                rows.add(List.of(button(renderer.questionLabel(questions.get(i), language), DeskAction.REDACT_QUESTION.data(Integer.toString(i), id))));
            }
            return new Screen("Which answer to redact?", rows, false, Optional.empty(), Screen.Ending.NONE);
        }

        private Screen askRedaction(String id, int index) throws CannotOpenException {
            Optional<OpenedTestimony> t = review.open(actor, id);
            if (t.isEmpty()) {
                return next(Outcome.GONE.sentence());
            }
            List<String> questions = renderer.textQuestions(t.get());
            if (index < 0 || index >= questions.size()) {
                return show(id, "That button is out of date.");
            }
            String question = questions.get(index);
            redactions.put(user, new PendingRedaction(id, question));
            return plain("Send the answer as it should stand, with the parts to hide left out. It may not be longer "
                    + "than now:\n\n" + t.get().content().texts().get(question));
        }

        private Screen events(String id) {
            List<List<Screen.Button>> rows = new ArrayList<>();
            for (EventTable.Event e : review.recentEvents()) {
                rows.add(List.of(button("Raid " + e.id().substring(0, 8) + " · " + e.createdDay() + " · "
                        + e.testimonies(), DeskAction.LINK_TO.data(e.id().substring(0, 16), id))));
            }
            rows.add(List.of(button("New raid event", DeskAction.LINK_NEW.data(id))));
            return new Screen("Link it to which raid?", rows, false, Optional.empty(), Screen.Ending.NONE);
        }

        private Outcome linkByPrefix(String id, String prefix) {
            return review.recentEvents().stream().filter(e -> e.id().startsWith(prefix)).findFirst()
                    .map(e -> review.link(actor, id, e.id())).orElse(Outcome.NO_SUCH_EVENT);
        }
    }

    /** Counts and one neutral line, and the button that opens the review app: no testimony in the chat. */
    private static Screen inTheApp(Review review, String url) {
        return new Screen(review.queue().describe() + "\n\n" + IN_THE_APP,
                List.of(List.of(Screen.Button.webApp(OPEN_THE_APP, url))), false, Optional.empty(), Screen.Ending.NONE);
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
