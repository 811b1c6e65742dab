package org.gawahi.bot.reviewapp;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.bot.miniapp.Launch;
import org.gawahi.bot.miniapp.LaunchRefused;
import org.gawahi.bot.miniapp.LaunchValidator;
import org.gawahi.bot.moderation.ModerationDesk;
import org.gawahi.bot.moderation.OpenedTestimony;
import org.gawahi.bot.moderation.Outcome;
import org.gawahi.bot.moderation.QueueCounts;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moderators' review app: {@code POST /review/api/<call>} with a JSON body carrying the
 * launch's {@code initData} on every call. Each call validates the launch (LaunchValidator) and
 * then, when the keys are unlocked, opens the sealed role table and checks the moderator role
 * again: a role revoked a second ago refuses the next call, and a refusal is audited as the chat
 * audits one. There is no session: the page's state is the page's. Every call but {@code words}
 * carries a fresh request id; a repeat with the same launch is refused ({@link RequestIds}).
 *
 * <p>The decisions go through {@link org.gawahi.bot.moderation.Review} and ContactBack, the very
 * code the chat and the CLI call, under the same audit pseudonym (RoleBook.actorPseudonym), so
 * audit entries and authenticated decisions do not depend on the channel. Decrypted content goes
 * only into the response body; a refusal logs its code and count, never anything of the request.
 */
public final class ReviewApi {
    private static final Logger log = LoggerFactory.getLogger(ReviewApi.class);
    static final int MAX_BODY = LaunchValidator.MAX_CHARS + 32 * 1024;
    static final int LOG_EVERY_REFUSAL_UP_TO = 64;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TESTIMONY_ID = Pattern.compile("[0-9a-f]{32}");
    public static final List<String> CALLS = List.of("words", "queue", "open", "events", "decide");

    private final LaunchValidator launches;
    private final Optional<ModerationDesk.Unlocked> unlocked;
    private final Questionnaire questionnaire;
    private final ReviewWords words;
    private final TestimonyView view;
    private final RequestIds requestIds;
    private final ContactDeliveries deliveries;
    private final Clock clock;
    private final Map<ReviewError, AtomicLong> refusals = new ConcurrentHashMap<>();

    public ReviewApi(LaunchValidator launches, Optional<ModerationDesk.Unlocked> unlocked, Questionnaire questionnaire,
                     QuestionnaireLoader.Source files, ContactDeliveries deliveries, Clock clock) {
        this.launches = Objects.requireNonNull(launches, "launches");
        this.unlocked = Objects.requireNonNull(unlocked, "unlocked");
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
        this.words = new ReviewWords(files);
        this.view = new TestimonyView(questionnaire);
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requestIds = new RequestIds(clock);
    }

    /** One call; {@code call} is the last part of the path. */
    public ReviewResponse handle(String call, long contentLength, InputStream body) {
        String language = ReviewWords.FALLBACK;
        try {
            if (!CALLS.contains(call)) {
                throw new Refusal(ReviewError.NOT_FOUND);
            }
            JsonNode request = read(contentLength, body);
            Launch launch = launch(request);
            language = words.choose(text(request, "language"), launch.languageCode());
            if (call.equals("words")) {
                return ok(Map.of("language", language, "words", words.all(language)));
            }
            ModerationDesk.Unlocked u = unlocked.orElseThrow(() -> new Refusal(ReviewError.LOCKED));
            String actor = moderator(u, launch);
            if (!requestIds.firstUse(launch.fingerprint(), text(request, "requestId").orElse(null),
                    launch.authDate().plus(LaunchValidator.MAX_AGE))) {
                throw new Refusal(ReviewError.REPLAYED);
            }
            return switch (call) {
                case "queue" -> queue(u);
                case "open" -> open(u, actor, request, language);
                case "events" -> events(u);
                default -> decide(u, actor, launch, request, language);
            };
        } catch (Refusal r) {
            return refused(r.error, language);
        } catch (CannotOpenException | IOException | RuntimeException e) {
            return refused(ReviewError.UNAVAILABLE, language);
        }
    }

    /** The actor pseudonym of a moderator; refused (and audited, as the chat does) for anyone else. */
    private static String moderator(ModerationDesk.Unlocked u, Launch launch) throws Refusal {
        try (RoleBook book = u.roles().open(u.opener())) {
            String actor = book.actorPseudonym(launch.user().conversation());
            if (!book.allows(launch.user().conversation(), Role.MODERATOR)) {
                u.audit().refused(actor);
                throw new Refusal(ReviewError.NOT_MODERATOR);
            }
            return actor;
        } catch (CannotOpenException e) {
            throw new Refusal(ReviewError.UNAVAILABLE);
        }
    }

    private ReviewResponse queue(ModerationDesk.Unlocked u) throws IOException {
        QueueCounts counts = u.review().queue();
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("urgent", counts.urgentPending());
        out.put("pending", counts.pending());
        out.put("overdue", counts.overdue());
        out.put("overdueDays", org.gawahi.bot.moderation.Review.OVERDUE.toDays());
        out.put("approved", counts.approved());
        out.put("rejected", counts.rejected());
        out.put("withdrawn", counts.withdrawn());
        out.put("leftOut", counts.leftOut());
        out.put("waiting", u.review().waiting().stream().map(w -> Map.of("id", w.id(), "shortId", w.id().substring(0, 8),
                "urgent", w.urgent(), "waitingDays", java.time.temporal.ChronoUnit.DAYS.between(w.submittedDay(), today)))
                .toList());
        out.put("keyFingerprint", u.review().keyFingerprint().map(f -> f.grouped()).orElse(null));
        return ok(out);
    }

    /** The testimony asked for by id, or the next one not skipped; {@code testimony} null when none. */
    private ReviewResponse open(ModerationDesk.Unlocked u, String actor, JsonNode request, String language)
            throws Refusal, CannotOpenException, IOException {
        Optional<String> id = text(request, "id");
        Optional<OpenedTestimony> t;
        if (id.isPresent()) {
            t = u.review().open(actor, testimonyId(id.get()));
        } else {
            t = u.review().next(actor, skipped(request));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("testimony", t.map(o -> view.of(o, language, u.review().contact().available(o.id()),
                LocalDate.now(clock))).orElse(null));
        return ok(out);
    }

    private ReviewResponse events(ModerationDesk.Unlocked u) throws IOException {
        return ok(Map.of("events", u.review().recentEvents().stream().map(e -> Map.of("id", e.id(),
                "shortId", e.id().substring(0, 8), "created", e.createdDay().toString(), "testimonies", e.testimonies()))
                .toList()));
    }

    private ReviewResponse decide(ModerationDesk.Unlocked u, String actor, Launch launch, JsonNode request,
                                  String language) throws Refusal, CannotOpenException, IOException {
        String id = testimonyId(text(request, "id").orElseThrow(() -> new Refusal(ReviewError.BAD_REQUEST)));
        String action = text(request, "action").orElseThrow(() -> new Refusal(ReviewError.BAD_REQUEST));
        Outcome outcome = switch (action) {
            case "approve" -> u.review().approve(actor, id);
            case "reject" -> u.review().reject(actor, id, org.gawahi.bot.moderation.RejectReason
                    .fromCode(text(request, "reason").orElse("")).orElseThrow(() -> new Refusal(ReviewError.BAD_REQUEST)));
            case "urgent" -> u.review().flagUrgent(actor, id);
            case "redact" -> u.review().redact(actor, id, required(request, "question"), required(request, "text"));
            case "link" -> link(u, actor, id, required(request, "event"));
            case "contact" -> contact(u, actor, id, required(request, "message"));
            case "close" -> u.review().contact().close(actor, id);
            default -> throw new Refusal(ReviewError.BAD_REQUEST);
        };
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
        out.put("message", words.word(language, "outcome_" + outcome.name().toLowerCase(java.util.Locale.ROOT)));
        boolean done = outcome == Outcome.DONE || outcome == Outcome.CONTACT_SENT || outcome == Outcome.CONTACT_CLOSED;
        return json(done ? 200 : 409, out);
    }

    /** A recent or any existing event by its full id, or "new" for a new one; a forged id links nothing. */
    private static Outcome link(ModerationDesk.Unlocked u, String actor, String id, String event) {
        if (event.equals("new")) {
            return u.review().link(actor, id, u.review().startEvent(actor));
        }
        return TESTIMONY_ID.matcher(event).matches() ? u.review().link(actor, id, event) : Outcome.NO_SUCH_EVENT;
    }

    /** Her one message: the handle is opened and erased (audited) by ContactBack, then queued for the bot. */
    private Outcome contact(ModerationDesk.Unlocked u, String actor, String id, String message) throws CannotOpenException {
        if (!u.review().contact().available(id)) {
            return u.review().contact().begin(actor, id); // refused and audited, as the chat's Contact button is
        }
        var sending = u.review().contact().send(actor, id, message);
        sending.to().ifPresent(h -> {
            String lang = questionnaire.supports(h.language()) ? h.language() : questionnaire.defaultLanguage();
            var texts = questionnaire.texts(lang);
            String line = texts.hasMessage(Questionnaire.CONTACT_MESSAGE) ? texts.message(Questionnaire.CONTACT_MESSAGE)
                    + "\n\n" : "";
            deliveries.deliver(h.chat(), line + message.strip());
        });
        return sending.outcome();
    }

    private static Set<String> skipped(JsonNode request) throws Refusal {
        JsonNode skip = request.get("skip");
        Set<String> ids = new HashSet<>();
        if (skip == null || skip.isNull()) {
            return ids;
        }
        if (!skip.isArray() || skip.size() > 1000) {
            throw new Refusal(ReviewError.BAD_REQUEST);
        }
        for (JsonNode n : skip) {
            ids.add(testimonyId(n.isTextual() ? n.asText() : ""));
        }
        return ids;
    }

    private static String testimonyId(String id) throws Refusal {
        if (!TESTIMONY_ID.matcher(id).matches()) {
            throw new Refusal(ReviewError.BAD_REQUEST);
        }
        return id;
    }

    private static String required(JsonNode request, String field) throws Refusal {
        return text(request, field).orElseThrow(() -> new Refusal(ReviewError.BAD_REQUEST));
    }

    private static JsonNode read(long contentLength, InputStream body) throws Refusal {
        if (contentLength > MAX_BODY) {
            throw new Refusal(ReviewError.TOO_BIG);
        }
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw new Refusal(ReviewError.BAD_REQUEST);
        }
        if (bytes.length > MAX_BODY) {
            throw new Refusal(ReviewError.TOO_BIG);
        }
        try {
            JsonNode tree = JSON.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw new Refusal(ReviewError.BAD_REQUEST);
            }
            return tree;
        } catch (IOException e) {
            throw new Refusal(ReviewError.BAD_REQUEST);
        }
    }

    private Launch launch(JsonNode request) throws Refusal {
        try {
            return launches.validate(text(request, "initData").orElse(null));
        } catch (LaunchRefused e) {
            throw new Refusal(ReviewError.LAUNCH_INVALID);
        }
    }

    private static Optional<String> text(JsonNode request, String field) throws Refusal {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new Refusal(ReviewError.BAD_REQUEST);
        }
        return Optional.of(node.asText());
    }

    private static ReviewResponse ok(Object body) throws IOException {
        return json(200, body);
    }

    private static ReviewResponse json(int status, Object body) throws IOException {
        return new ReviewResponse(status, ReviewResponse.JSON, JSON.writeValueAsBytes(body));
    }

    /** A refusal with its code and the page's sentence for it in the moderator's language. */
    ReviewResponse refused(ReviewError error, String language) {
        long count = refusals.computeIfAbsent(error, e -> new AtomicLong()).incrementAndGet();
        if (count <= LOG_EVERY_REFUSAL_UP_TO || Long.bitCount(count) == 1) {
            log.info("review app refused a request: {} ({} so far)", error.code(), count);
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error.code());
        body.put("message", words.word(language, "error_" + error.code()));
        try {
            return json(error.status(), body);
        } catch (IOException e) {
            throw new IllegalStateException("a map of two strings did not write as JSON", e);
        }
    }

    /** A refusal on its way out; carries nothing of the request. */
    private static final class Refusal extends Exception {
        private final ReviewError error;

        Refusal(ReviewError error) {
            super(error.code(), null, false, false);
            this.error = error;
        }
    }

    @Override
    public String toString() {
        return "ReviewApi[" + (unlocked.isPresent() ? "unlocked" : "locked") + "]";
    }
}
