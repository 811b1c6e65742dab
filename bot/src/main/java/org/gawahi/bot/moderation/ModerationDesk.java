package org.gawahi.bot.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gawahi.bot.buttons.ButtonCodec;
import org.gawahi.bot.interview.AfterCommit;
import org.gawahi.bot.interview.Desk;
import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.LanguageGuess;
import org.gawahi.bot.interview.Reply;
import org.gawahi.bot.interview.Screen;
import org.gawahi.config.questionnaire.DeskMessages;
import org.gawahi.config.questionnaire.DeskTexts;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
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
 * <p>A {@link Desk}: it takes and returns the engine's own records, so Telegram and a test drive
 * it alike. Every screen of review comes in a {@link Reply} that expires after the review
 * lifetime; a moderator's message back to a respondent, and the content-free word to every
 * moderator when the desk behind stored an urgent testimony ({@link AfterCommit.UrgentArrival},
 * addressed here, where the role table names the moderators), come in the reply as
 * {@link AfterCommit.Message}s. What it remembers between inputs is a moderator's place, never
 * an answer: testimonies she skipped, a redaction or a message back waiting for her text; in
 * memory, per moderator's {@link ConversationId}, forgotten on restart. Its words are the
 * desk's message files ({@code desk/<lang>.yaml}) in the moderator's Telegram language,
 * English when hers has none.
 */
public final class ModerationDesk implements Desk {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ModerationDesk.class);

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

    private final Desk next;
    private final Optional<Unlocked> unlocked;
    private final TestimonyRenderer renderer;
    private final Questionnaire questionnaire;
    private final Map<ConversationId, Set<String>> skipped = new ConcurrentHashMap<>();
    private final Map<ConversationId, ReviewSession.PendingRedaction> redactions = new ConcurrentHashMap<>();
    /** A moderator's Telegram language code on her last input to the desk: for her urgent notices. */
    private final Map<ConversationId, String> deskLanguages = new ConcurrentHashMap<>();
    private final ContactDesk contacts;
    private final Duration reviewLifetime;
    private final DeskMessages messages = DeskMessages.shipped();
    private final Optional<String> reviewApp;

    /** @param next the interview, or anything answering a respondent */
    public ModerationDesk(Desk next, Questionnaire questionnaire, Optional<Unlocked> unlocked) {
        this(next, questionnaire, unlocked, DEFAULT_REVIEW_LIFETIME);
    }

    /** @param reviewLifetime how long review messages stay on a moderator's phone */
    public ModerationDesk(Desk next, Questionnaire questionnaire, Optional<Unlocked> unlocked,
                          Duration reviewLifetime) {
        this(next, questionnaire, unlocked, reviewLifetime, Optional.empty());
    }

    /**
     * @param reviewApp the https address of the review app: when present, /queue and /next offer it
     *                  and the chat shows no testimony any more, only counts
     */
    public ModerationDesk(Desk next, Questionnaire questionnaire, Optional<Unlocked> unlocked,
                          Duration reviewLifetime, Optional<String> reviewApp) {
        this.reviewApp = Objects.requireNonNull(reviewApp, "reviewApp");
        if (reviewLifetime.isNegative() || reviewLifetime.isZero()) {
            throw new IllegalArgumentException("review messages need a positive lifetime");
        }
        this.reviewLifetime = reviewLifetime;
        this.next = Objects.requireNonNull(next, "next");
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
        this.unlocked = Objects.requireNonNull(unlocked, "unlocked");
        this.renderer = new TestimonyRenderer(questionnaire);
        this.contacts = new ContactDesk(questionnaire);
    }

    @Override
    public Reply handle(ChatRef chat, String languageCode, Input input) {
        ConversationId conversation = chat.conversation();
        boolean waiting = redactions.containsKey(conversation) || contacts.isWriting(conversation);
        boolean forDesk = isDeskInput(input)
                || (waiting && (input instanceof Input.Text || input instanceof Input.Unsupported));
        if (!forDesk) {
            return behind(chat, languageCode, input);
        }
        if (unlocked.isEmpty()) {
            return behind(chat, languageCode, input);
        }
        Unlocked u = unlocked.get();
        String actor;
        try (RoleBook book = u.roles().open(u.opener())) {
            actor = book.actorPseudonym(conversation);
            if (!book.allows(conversation, Role.MODERATOR)) {
                redactions.remove(conversation);
                contacts.take(conversation);
                deskLanguages.remove(conversation);
                u.audit().refused(actor);
                return behind(chat, languageCode, input);
            }
        } catch (CannotOpenException e) {
            // Said to nobody in the chat: a stranger would learn that review exists.
            log.warn("the role table did not open with the unlocked keys; nobody can review until an operator "
                    + "runs `gawahi doctor`");
            return behind(chat, languageCode, input);
        }
        if (languageCode == null) {
            deskLanguages.remove(conversation);
        } else {
            deskLanguages.put(conversation, languageCode);
        }
        String language = LanguageGuess.guess(questionnaire, languageCode);
        DeskTexts words = messages.forLanguageCode(languageCode);
        if (reviewApp.isPresent()) {
            redactions.remove(conversation);
            contacts.take(conversation);
            return Reply.of(inTheApp(u.review(), reviewApp.get(), words)).expiringAfter(reviewLifetime);
        }
        ReviewSession session = new ReviewSession(u.review(), actor, conversation, language, words, renderer, contacts,
                skipped, redactions);
        Screen screen;
        try {
            screen = session.on(input);
        } catch (CannotOpenException e) {
            screen = ReviewSession.plain(words.message("did_not_open"));
        }
        // Every screen of review leaves the moderator's phone after the lifetime.
        return new Reply(screen, Optional.of(reviewLifetime), session.afterCommit());
    }

    /**
     * The desk behind's reply, its urgent arrivals addressed to every moderator: one content-free
     * notice each, in place of the first arrival, counting them all, in the language of her last
     * input to the desk (held in memory only, so English after a restart until she writes again;
     * the role table knows a moderator by her id alone).
     * Unlocked only: the role table that names the moderators cannot be read otherwise, and the
     * arrivals are then told to nobody.
     */
    private Reply behind(ChatRef chat, String languageCode, Input input) {
        Reply reply = next.handle(chat, languageCode, input);
        long arrivals = reply.afterCommit().stream().filter(AfterCommit.UrgentArrival.class::isInstance).count();
        if (arrivals == 0) {
            return reply;
        }
        List<AfterCommit> addressed = new ArrayList<>();
        boolean told = false;
        for (AfterCommit effect : reply.afterCommit()) {
            if (!(effect instanceof AfterCommit.UrgentArrival)) {
                addressed.add(effect);
            } else if (!told) {
                addressed.addAll(urgentNotices(arrivals));
                told = true;
            }
        }
        return reply.withAfterCommit(addressed);
    }

    private List<AfterCommit.Message> urgentNotices(long count) {
        if (unlocked.isEmpty()) {
            return List.of();
        }
        Unlocked u = unlocked.get();
        try (RoleBook book = u.roles().open(u.opener())) {
            // In a fixed order (the conversations' bytes), so the notices go out the same way each time.
            return book.holdersOf(Role.MODERATOR).stream()
                    .sorted(Comparator.comparing(ConversationId::bytes, Arrays::compareUnsigned))
                    .map(moderator -> {
                        DeskTexts words = messages.forLanguageCode(deskLanguages.get(moderator));
                        String text = count == 1 ? words.message("urgent_notice")
                                : words.message("urgent_notice_many", "count", count);
                        return new AfterCommit.Message(ChatRef.of(moderator), text);
                    }).toList();
        } catch (CannotOpenException e) {
            return List.of();
        }
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

    /** Counts and one neutral line, and the button that opens the review app: no testimony in the chat. */
    private static Screen inTheApp(Review review, String url, DeskTexts words) {
        return new Screen(review.queue().describe(words) + "\n\n" + words.message("review_in_the_app"),
                List.of(List.of(Screen.Button.webApp("web_app", words.message("button_open_review"), url))), false, Optional.empty(),
                Screen.Ending.NONE);
    }
}
