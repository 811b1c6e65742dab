package org.gawahi.bot.form;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.bot.miniapp.Launch;
import org.gawahi.bot.miniapp.LaunchRefused;
import org.gawahi.bot.miniapp.LaunchValidator;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Pseudonyms;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.testimony.FormLinks;
import org.gawahi.storage.testimony.SealedArrival;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.Submissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sealed form's two requests (docs: FORM-CONTRACT in the issue; SECURITY.md §5). Free of any
 * web framework: a thin controller hands it the declared length and the body stream.
 * <ul>
 *   <li>{@link #open}: the questionnaire and her language's texts as JSON, and the collective's
 *       public key with its id and fingerprint, for a launch Telegram vouched for.</li>
 *   <li>{@link #submit}: a record sealed in her browser, stored as a chat testimony is, once per
 *       launch, at most {@value #SUBMITS_PER_HOUR} tries an hour per person; the receipt goes
 *       back to the page only.</li>
 * </ul>
 * Instead of Telegram's launch data, a request may carry {@code "link"}: the token of a one-time
 * link the collective made ({@link FormLinks}), for people without Telegram. Such a link is
 * refused exactly as bad launch data is, whether it was never made, is used, expired or revoked;
 * it sends one testimony, has its own rate limit, and cannot ask for contact in the bot.
 * It never sees plaintext, and keeps no Telegram id, address or user agent. Each refusal is one
 * log line naming its code and how many so far, never anything of the request (past
 * {@value #LOG_EVERY_REFUSAL_UP_TO} of one code only the 128th, 256th..., so a flood cannot fill the disk).
 */
public final class FormApi {
    private static final Logger log = LoggerFactory.getLogger(FormApi.class);
    /** The largest sealed record taken: far above any testimony typed on a phone. */
    public static final int MAX_RECORD_BYTES = 256 * 1024;
    /** The record in base64, the launch data, an id and a language, with room for JSON. */
    static final int MAX_SUBMIT_BODY = MAX_RECORD_BYTES / 3 * 4 + LaunchValidator.MAX_CHARS + 4096;
    static final int MAX_OPEN_BODY = LaunchValidator.MAX_CHARS + 1024;
    static final int SUBMITS_PER_HOUR = 6;
    static final int OPENS_PER_HOUR = 60;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every refusal of a code is logged up to this many, then the 128th, 256th...: no flood fills the disk. */
    static final int LOG_EVERY_REFUSAL_UP_TO = 64;

    private final LaunchValidator launches;
    private final SealedSubmissions submissions;
    private final Pseudonyms pseudonyms;
    private final Questionnaire questionnaire;
    private final QuestionnaireLoader.Source files;
    private final Map<String, Object> key;
    private final UserLimiter submitLimit;
    private final UserLimiter openLimit;
    private final Map<FormError, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final Optional<FormLinks> links;

    /** Without one-time links: a request carrying one is refused as bad launch data. */
    public FormApi(LaunchValidator launches, SealedSubmissions submissions, Sealer sealer, Pseudonyms pseudonyms,
                   Questionnaire questionnaire, QuestionnaireLoader.Source files, java.time.Clock clock) {
        this(launches, Optional.empty(), submissions, sealer, pseudonyms, questionnaire, files, clock);
    }

    public FormApi(LaunchValidator launches, Optional<FormLinks> links, SealedSubmissions submissions, Sealer sealer,
                   Pseudonyms pseudonyms, Questionnaire questionnaire, QuestionnaireLoader.Source files,
                   java.time.Clock clock) {
        this.links = Objects.requireNonNull(links, "links");
        this.launches = Objects.requireNonNull(launches, "launches");
        this.submissions = Objects.requireNonNull(submissions, "submissions");
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
        this.files = Objects.requireNonNull(files, "files");
        this.key = keyOf(Objects.requireNonNull(sealer, "sealer"));
        this.submitLimit = new UserLimiter(clock, SUBMITS_PER_HOUR, java.time.Duration.ofHours(1));
        this.openLimit = new UserLimiter(clock, OPENS_PER_HOUR, java.time.Duration.ofHours(1));
    }

    /** {@code POST /form/api/open}. */
    public FormResponse open(long contentLength, InputStream body) {
        try {
            JsonNode request = read(contentLength, body, MAX_OPEN_BODY);
            Sender sender = sender(request);
            // The rate limit's name for her: a keyed pseudonym of her Telegram user, or the link's keyed hash.
            String who = sender.launch().isPresent()
                    ? "user:" + pseudonyms.formUser(sender.launch().get().user().conversation()) : "link:" + sender.linkHash().orElseThrow();
            if (!openLimit.tryAcquire(who)) {
                return refused(FormError.TOO_MANY);
            }
            String language = language(text(request, "language"),
                    sender.launch().flatMap(Launch::languageCode));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("language", language);
            out.put("languages", languages());
            out.put("questionnaire", QuestionnaireLoader.tree(files, "questionnaire.yaml").orElseThrow());
            Object texts = QuestionnaireLoader.tree(files, "text/" + language + ".yaml").orElseThrow();
            out.put("texts", texts);
            out.put("form", texts instanceof Map<?, ?> m && m.get("form") instanceof Map<?, ?> f ? f : Map.of());
            out.put("key", key);
            out.put("maxRecordBytes", MAX_RECORD_BYTES);
            return new FormResponse(200, FormResponse.JSON, JSON.writeValueAsBytes(out));
        } catch (Refusal r) {
            return refused(r.error);
        } catch (IOException | RuntimeException e) {
            return refused(FormError.UNAVAILABLE);
        }
    }

    /** {@code POST /form/api/submit}. */
    public FormResponse submit(long contentLength, InputStream body) {
        try {
            JsonNode request = read(contentLength, body, MAX_SUBMIT_BODY);
            Sender sender = sender(request);
            String who = sender.launch().isPresent()
                    ? "user:" + pseudonyms.formUser(sender.launch().get().user().conversation()) : "link:" + sender.linkHash().orElseThrow();
            if (!submitLimit.tryAcquire(who)) {
                return refused(FormError.TOO_MANY);
            }
            String id = text(request, "id").orElseThrow(() -> new Refusal(FormError.BAD_RECORD));
            byte[] record = record(text(request, "record").orElseThrow(() -> new Refusal(FormError.BAD_RECORD)));
            Optional<String> contactLanguage = text(request, "contactLanguage");
            if (contactLanguage.isPresent() && !questionnaire.supports(contactLanguage.get())) {
                throw new Refusal(FormError.BAD_RECORD);
            }
            if (contactLanguage.isPresent() && sender.launch().isEmpty()) {
                throw new Refusal(FormError.BAD_RECORD); // a link has no chat to be contacted in
            }
            SealedArrival arrival;
            try {
                if (sender.launch().isPresent()) {
                    Launch launch = sender.launch().get();
                    arrival = submissions.storeSealed(id, record, pseudonyms.launchHash(launch.fingerprint()),
                            launch.authDate().plus(LaunchValidator.MAX_AGE), launch.user(), contactLanguage);
                } else {
                    arrival = submissions.storeSealedByLink(id, record, sender.linkHash().orElseThrow());
                }
            } catch (IllegalArgumentException e) {
                throw new Refusal(FormError.BAD_RECORD);
            }
            if (arrival.refusal().isPresent()) {
                throw new Refusal(switch (arrival.refusal().get()) {
                    case LAUNCH_USED -> FormError.ALREADY_SENT;
                    // Used between the check and the store: told as every other link that cannot send.
                    case LINK_INVALID -> FormError.LAUNCH_INVALID;
                    case ID_TAKEN -> FormError.BAD_RECORD;
                });
            }
            return new FormResponse(200, FormResponse.JSON,
                    JSON.writeValueAsBytes(Map.of("receipt", arrival.receipt().orElseThrow().grouped())));
        } catch (Refusal r) {
            return refused(r.error);
        } catch (Submissions.StorageFailure | IOException e) {
            return refused(FormError.UNAVAILABLE);
        }
    }

    private static JsonNode read(long contentLength, InputStream body, int limit) throws Refusal {
        if (contentLength > limit) {
            throw new Refusal(FormError.TOO_BIG);
        }
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new Refusal(FormError.BAD_RECORD); // the sender went away mid-body
        }
        if (bytes.length > limit) {
            throw new Refusal(FormError.TOO_BIG);
        }
        try {
            JsonNode tree = JSON.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw new Refusal(FormError.BAD_RECORD);
            }
            return tree;
        } catch (IOException e) {
            throw new Refusal(FormError.BAD_RECORD);
        }
    }

    /**
     * A Telegram launch Telegram vouched for, or a one-time link that can still send; anything
     * else (both, neither, forged, stale, a link never made, used, expired or revoked, or links
     * not served) is one and the same refusal.
     */
    private Sender sender(JsonNode request) throws Refusal {
        Optional<String> initData = text(request, "initData");
        Optional<String> link = text(request, "link");
        if (link.isPresent()) {
            if (initData.isPresent() || links.isEmpty()) {
                throw new Refusal(FormError.LAUNCH_INVALID);
            }
            return new Sender(Optional.empty(), Optional.of(links.get().validHash(link.get())
                    .orElseThrow(() -> new Refusal(FormError.LAUNCH_INVALID))));
        }
        try {
            return new Sender(Optional.of(launches.validate(initData.orElse(null))), Optional.empty());
        } catch (LaunchRefused e) {
            throw new Refusal(FormError.LAUNCH_INVALID);
        }
    }

    /** Who sends: a Telegram launch or a one-time link's keyed hash, exactly one. */
    private record Sender(Optional<Launch> launch, Optional<String> linkHash) {
    }

    private static byte[] record(String base64) throws Refusal {
        if (base64.length() > (MAX_RECORD_BYTES + 2) / 3 * 4) {
            throw new Refusal(FormError.TOO_BIG);
        }
        byte[] record;
        try {
            record = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new Refusal(FormError.BAD_RECORD);
        }
        if (record.length > MAX_RECORD_BYTES) {
            throw new Refusal(FormError.TOO_BIG);
        }
        return record;
    }

    /** A string field; empty when absent or null; refused when of another type. */
    private static Optional<String> text(JsonNode request, String field) throws Refusal {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new Refusal(FormError.BAD_RECORD);
        }
        return Optional.of(node.asText());
    }

    /** The request's language if the questionnaire has it, else her Telegram's, else the default. */
    private String language(Optional<String> asked, Optional<String> telegram) {
        return asked.filter(questionnaire::supports)
                .or(() -> telegram.map(l -> l.toLowerCase(java.util.Locale.ROOT).split("[-_]")[0])
                        .filter(questionnaire::supports))
                .orElse(questionnaire.defaultLanguage());
    }

    private List<Map<String, String>> languages() {
        return questionnaire.languages().stream().map(code -> Map.of("code", code, "name",
                QuestionnaireLoader.tree(files, "text/" + code + ".yaml")
                        .filter(Map.class::isInstance).map(t -> ((Map<?, ?>) t).get("language_name"))
                        .map(Object::toString).orElse(code))).toList();
    }

    private static Map<String, Object> keyOf(Sealer sealer) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("id", sealer.keyId());
        key.put("publicKey", Keys.publicKeyOf(sealer).map(Base64.getEncoder()::encodeToString)
                .orElseThrow(() -> new IllegalStateException("the form needs the collective's X25519 public key")));
        key.put("fingerprint", Keys.fingerprintOf(sealer).map(f -> f.grouped()).orElse(null));
        return java.util.Collections.unmodifiableMap(key);
    }

    private FormResponse refused(FormError error) {
        long count = refusals.computeIfAbsent(error, e -> new AtomicLong()).incrementAndGet();
        if (count <= LOG_EVERY_REFUSAL_UP_TO || Long.bitCount(count) == 1) {
            log.info("form refused a request: {} ({} so far)", error.code(), count);
        }
        return FormResponse.error(error);
    }

    /** A refusal on its way out; carries nothing of the request. */
    private static final class Refusal extends Exception {
        private final FormError error;

        Refusal(FormError error) {
            super(error.code(), null, false, false);
            this.error = error;
        }
    }
}
