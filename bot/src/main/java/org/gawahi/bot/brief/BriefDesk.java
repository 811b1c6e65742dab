package org.gawahi.bot.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gawahi.bot.buttons.ButtonCodec;
import org.gawahi.bot.buttons.ButtonData;
import org.gawahi.bot.buttons.Namespace;
import org.gawahi.bot.interview.AfterCommit;
import org.gawahi.bot.interview.Desk;
import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Reply;
import org.gawahi.bot.interview.Screen;
import org.gawahi.bot.reports.ReportFile;
import org.gawahi.bot.reports.ReportSignature;
import org.gawahi.bot.reports.ReportStores;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.crypto.Signer;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.gawahi.storage.roles.Roles;

/**
 * {@code /brief} in a private chat, in front of {@code /report}: the recent raid events as
 * buttons (month, place, testimonies as a band), then the language, then the brief alone or
 * with a draft letter to a body; the files come as protected documents, as reports do. The
 * sender must hold the collective role, checked against the sealed role table on every
 * command and every press; anyone else gets what is behind this desk, as if the command did
 * not exist, and the attempt is audited. In intake-only mode everybody gets what is behind it.
 *
 * <p>Buttons carry the whole choice (event, language, body), so nothing is kept between
 * presses; a press that does not read as one of this desk's choices gets "out of date". The
 * accepted brief comes in the same {@link Reply}, as {@link AfterCommit.Documents} the channel
 * makes after the commit.
 */
public final class BriefDesk implements Desk {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BriefDesk.class);
    public static final String COMMAND = "brief";
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{32}");
    private static final String BRIEF_ONLY = "none";

    /** What briefs need, present only when the keys were unlocked at start. */
    public record Unlocked(BriefService service, ReportStores stores, Roles roles, Opener opener, Sealer sealer,
                           Optional<Signer> signer, AuditLog audit) {
        public Unlocked {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(stores, "stores");
            Objects.requireNonNull(roles, "roles");
            Objects.requireNonNull(opener, "opener");
            Objects.requireNonNull(sealer, "sealer");
            Objects.requireNonNull(signer, "signer");
            Objects.requireNonNull(audit, "audit");
        }
    }

    /** What answers everything that is not this desk's: reports, review, the interview. */
    private final Desk next;
    private final Questionnaire questionnaire;
    private final Optional<Unlocked> unlocked;

    public BriefDesk(Desk next, Questionnaire questionnaire, Optional<Unlocked> unlocked) {
        this.next = Objects.requireNonNull(next, "next");
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
        this.unlocked = Objects.requireNonNull(unlocked, "unlocked");
    }

    @Override
    public Reply handle(ChatRef chat, String languageCode, Input input) {
        Optional<ButtonData> press = input instanceof Input.Press p
                ? ButtonCodec.decode(p.buttonId()).filter(d -> d.namespace() == Namespace.BRIEF) : Optional.empty();
        boolean command = input instanceof Input.Command c && c.name().equals(COMMAND);
        if ((!command && press.isEmpty()) || unlocked.isEmpty()) {
            return next.handle(chat, languageCode, input);
        }
        Unlocked u = unlocked.get();
        String actor;
        try (RoleBook book = u.roles().open(u.opener())) {
            actor = book.actorPseudonym(chat.conversation());
            if (!book.allows(chat.conversation(), Role.COLLECTIVE)) {
                u.audit().refused(actor);
                return next.handle(chat, languageCode, input);
            }
        } catch (CannotOpenException e) {
            log.warn("the role table did not open with the unlocked keys; nobody can ask for a brief until an "
                    + "operator runs `gawahi doctor`"); // said to nobody in the chat
            return next.handle(chat, languageCode, input);
        }
        DeskWords words = new DeskWords(questionnaire.id(), languageCode);
        if (u.signer().isEmpty()) {
            return plain(words.get("desk.no_signing_key", Map.of()));
        }
        if (command) {
            return events(u, words);
        }
        ButtonData data = press.get();
        List<String> args = data.arguments();
        if (args.isEmpty() || !EVENT_ID.matcher(args.get(0)).matches()) {
            return plain(words.get("desk.stale", Map.of()));
        }
        String event = args.get(0);
        return switch (data.action()) {
            case "e" -> args.size() == 1 ? languages(u, event, words) : plain(words.get("desk.stale", Map.of()));
            case "l" -> args.size() == 2 && u.service().languages().contains(args.get(1))
                    ? bodies(event, args.get(1), words) : plain(words.get("desk.stale", Map.of()));
            case "d" -> args.size() == 3 && u.service().languages().contains(args.get(1))
                    && (args.get(2).equals(BRIEF_ONLY) || BriefService.bodies().contains(args.get(2)))
                    ? accept(u, actor, event, args.get(1), args.get(2), words)
                    : plain(words.get("desk.stale", Map.of()));
            default -> plain(words.get("desk.stale", Map.of()));
        };
    }

    private Reply events(Unlocked u, DeskWords words) {
        List<BriefService.Listed> listed = u.service().recent(u.stores(), u.opener());
        if (listed.isEmpty()) {
            return plain(words.get("desk.no_events", Map.of()));
        }
        BriefWords place = BriefWords.load(questionnaire.id(), words.language()).filter(BriefWords::documents)
                .orElseGet(() -> BriefWords.english(questionnaire.id()));
        List<List<Screen.Button>> rows = new ArrayList<>();
        for (BriefService.Listed l : listed) {
            String label = l.event().monthLabel(place) + " · " + l.event().areaLabel(questionnaire, place) + " · "
                    + band(l.testimonies(), u.service().minimumCount(), words);
            rows.add(List.of(new Screen.Button(ButtonData.of(Namespace.BRIEF, "e", l.event().id()).data(), label)));
        }
        return Reply.of(new Screen(words.get("desk.choose_event", Map.of()), rows, false, Optional.empty(),
                Screen.Ending.NONE));
    }

    private Reply languages(Unlocked u, String event, DeskWords words) {
        List<List<Screen.Button>> rows = new ArrayList<>();
        for (String language : u.service().languages()) {
            String name = questionnaire.supports(language) ? questionnaire.texts(language).languageName() : language;
            rows.add(List.of(new Screen.Button(ButtonData.of(Namespace.BRIEF, "l", event, language).data(), name)));
        }
        return Reply.of(new Screen(words.get("desk.choose_language", Map.of()), rows, false, Optional.empty(),
                Screen.Ending.NONE));
    }

    private Reply bodies(String event, String language, DeskWords words) {
        BriefWords document = BriefWords.load(questionnaire.id(), language).orElseThrow();
        List<List<Screen.Button>> rows = new ArrayList<>();
        rows.add(List.of(new Screen.Button(ButtonData.of(Namespace.BRIEF, "d", event, language, BRIEF_ONLY).data(),
                words.get("desk.brief_only", Map.of()))));
        for (String body : BriefService.bodies()) {
            rows.add(List.of(new Screen.Button(ButtonData.of(Namespace.BRIEF, "d", event, language, body).data(),
                    document.get("letter.bodies." + body + ".name"))));
        }
        return Reply.of(new Screen(words.get("desk.choose_document", Map.of()), rows, false, Optional.empty(),
                Screen.Ending.NONE));
    }

    private Reply accept(Unlocked u, String actor, String event, String language, String body,
                        DeskWords words) {
        u.audit().append(actor, AuditAction.REPORT, Optional.empty());
        Optional<String> letter = body.equals(BRIEF_ONLY) ? Optional.empty() : Optional.of(body);
        AfterCommit.Job job = () -> {
            try {
                Signer signer = u.signer().orElseThrow();
                // A raid whose month is not over is refused here; the CLI marks its brief provisional.
                BriefService.Result result = u.service().write(u.stores(), u.opener(), signer, u.sealer(), event, language,
                        letter, BriefService.NotOver.REFUSE);
                if (result.refusal().isPresent()) {
                    return AfterCommit.Delivery.say(refusal(u, result, words));
                }
                var head = result.auditHead().orElseThrow();
                return new AfterCommit.Delivery(ReportFile.toSend(result.files()), words.get("desk.done", Map.of("key", signer.keyId(),
                        "fingerprint", ReportSignature.fingerprint(signer.publicKey()),
                        "seq", Long.toString(head.seq()), "hash", head.hash())));
            } catch (RuntimeException e) {
                // The class only: a message could name a file or a figure.
                log.warn("a brief asked for in the chat failed: {}", e.getClass().getName());
                return AfterCommit.Delivery.say(words.get("desk.failed", Map.of()));
            }
        };
        return plain(words.get("desk.preparing", Map.of())).and(new AfterCommit.Documents(job));
    }

    /** The refusal in the member's desk language (the result carries it in the document's language). */
    private static String refusal(Unlocked u, BriefService.Result result, DeskWords words) {
        return result.refusalKey().flatMap(key -> java.util.Arrays.stream(Refusal.values())
                        .filter(r -> r.key().equals(key)).findFirst())
                .map(r -> u.service().refusal(r, words.language()))
                .orElseGet(() -> words.get("desk.failed", Map.of()));
    }

    /** How many testimonies, as a band: never an exact count, above or under the threshold. */
    static String band(long testimonies, int minimum, DeskWords words) {
        if (testimonies < minimum) {
            return words.get("desk.band_fewer", Map.of("min", Integer.toString(minimum)));
        }
        List<Long> edges = new ArrayList<>(List.of((long) minimum));
        for (long edge : new long[] {10, 20, 50, 100}) {
            if (edge > minimum) {
                edges.add(edge);
            }
        }
        for (int i = 0; i + 1 < edges.size(); i++) {
            if (testimonies < edges.get(i + 1)) {
                return words.get("desk.band_range", Map.of("from", Long.toString(edges.get(i)),
                        "to", Long.toString(edges.get(i + 1) - 1)));
            }
        }
        return words.get("desk.band_more", Map.of("from", Long.toString(edges.get(edges.size() - 1))));
    }

    private static Reply plain(String text) {
        return Reply.of(new Screen(text, List.of(), false, Optional.empty(), Screen.Ending.NONE));
    }

    /** The desk's words in the member's Telegram language when a brief file has them, else English. */
    static final class DeskWords {
        private final BriefWords own;
        private final BriefWords english;

        DeskWords(String questionnaireId, String languageCode) {
            String primary = languageCode == null ? ""
                    : languageCode.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
            this.english = BriefWords.english(questionnaireId);
            this.own = BriefWords.load(questionnaireId, primary).orElse(english);
        }

        String language() {
            return own.language();
        }

        String get(String key, Map<String, String> params) {
            return (own.has(key) ? own : english).get(key, params);
        }
    }
}
