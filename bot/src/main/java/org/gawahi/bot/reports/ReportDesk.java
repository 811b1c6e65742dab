package org.gawahi.bot.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gawahi.bot.interview.AfterCommit;
import org.gawahi.bot.interview.Desk;
import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Reply;
import org.gawahi.bot.interview.Screen;
import org.gawahi.config.questionnaire.DeskMessages;
import org.gawahi.config.questionnaire.DeskTexts;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.crypto.Signer;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.reports.ApprovedTestimonies;
import org.gawahi.storage.reports.DisclosureHistory;
import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.ReportPeriod;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.gawahi.storage.roles.Roles;

/**
 * {@code /report [period]} in a private chat, in front of review and the interview. The sender
 * must hold the collective role, checked against the sealed role table on every request;
 * anyone else gets what is behind this desk, as if the command did not exist, and the attempt
 * is audited under her pseudonym. In intake-only mode nobody can be checked, so everybody gets
 * what is behind this desk: a stranger cannot tell the key state, nor that reports exist.
 *
 * <p>An accepted request is audited ({@link AuditAction#REPORT}, inside the caller's
 * transaction, so the report's audit head includes it) and answered at once with a line
 * saying the report is being prepared; the report itself comes in the same {@link Reply}, as
 * {@link AfterCommit.Documents} the channel makes after the commit: CSV, the overview chart (PNG) and
 * the PDF brief, each with its signature, in the member's language when the report has words
 * in it (English otherwise). What the desk itself says is in the desk's message files
 * ({@code desk/<lang>.yaml}), in the member's Telegram language, English when hers has none.
 *
 * <p>Periods: nothing for the last complete quarter; {@code 2026-Q3} (also {@code 2026Q3}) for
 * a quarter; {@code 2026-07} for a month (columns by month); two of them for a range. A period
 * not over yet, one in the future and nonsense ({@code 0000-01}) are each refused with one
 * sentence of the member's language: a chat report is always of a finished period. Every report
 * sent is recorded in the disclosure history first; when the history does not open in full,
 * nothing is sent.
 */
public final class ReportDesk implements Desk {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportDesk.class);

    /** What reports need, present only when the keys were unlocked at start. */
    public record Unlocked(ReportService service, ReportStores stores, Roles roles, Opener opener, Sealer sealer,
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

    public static final String COMMAND = "report";
    /** Said to nobody in the chat (a stranger would learn that reports exist): the log's line. */
    static final String ROLES_CLOSED = "The role table did not open with the unlocked keys; nobody can ask for a report "
            + "until an operator runs `gawahi doctor`.";
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?[Qq]([1-4])");

    /** What answers everything that is not {@code /report}: review, then the interview. */
    private final Desk next;
    private final Questionnaire questionnaire;
    private final Optional<Unlocked> unlocked;
    private final Clock clock;
    private final DeskMessages messages = DeskMessages.shipped();

    public ReportDesk(Desk next, Questionnaire questionnaire, Optional<Unlocked> unlocked, Clock clock) {
        this.next = Objects.requireNonNull(next, "next");
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
        this.unlocked = Objects.requireNonNull(unlocked, "unlocked");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Reply handle(ChatRef chat, String languageCode, Input input) {
        if (!(input instanceof Input.Command c && c.name().equals(COMMAND)) || !questionnaire.indicators().defined()) {
            return next.handle(chat, languageCode, input);
        }
        if (unlocked.isEmpty()) {
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
            log.warn(ROLES_CLOSED); // said to nobody in the chat: a stranger would learn that reports exist
            return next.handle(chat, languageCode, input);
        }
        DeskTexts words = messages.forLanguageCode(languageCode);
        if (u.signer().isEmpty()) {
            return plain(words.message("report_no_signing_key"));
        }
        String language = language(u.service(), languageCode);
        Wording reportWords = Wording.of(questionnaire, language);
        ReportPeriod period;
        LocalDate today = LocalDate.now(clock);
        try {
            period = period(c.argument(), today, words);
        } catch (ReportPeriod.InvalidPeriodException e) {
            return plain(reportWords.message(e.kind() == ReportPeriod.InvalidPeriodException.Kind.FUTURE
                    ? "period_future" : "period_invalid") + "\n\n" + words.message("report_usage"));
        }
        if (period.notOverOn(today)) {
            // Figures of an unfinished period change with every approval: each change is a difference to subtract.
            return plain(reportWords.message("period_not_over"));
        }
        u.audit().append(actor, AuditAction.REPORT, Optional.empty());
        AfterCommit.Job job = () -> {
            try {
                return make(u, period, language, words);
            } catch (DisclosureHistory.DamagedHistoryException e) {
                log.warn("a report asked for in the chat was refused: {} rows of the disclosure history did not open",
                        e.damaged());
                return AfterCommit.Delivery.say(reportWords.message("history_damaged"));
            } catch (RuntimeException e) {
                // The class only: a message could name a file or a figure.
                log.warn("a report asked for in the chat failed: {}", e.getClass().getName());
                return AfterCommit.Delivery.say(words.message("report_failed"));
            }
        };
        return plain(words.message("report_preparing", "period", span(period, words))).and(new AfterCommit.Documents(job));
    }

    /** Reads the period of {@code /report [period]}; the message of the exception says what is wrong. */
    static ReportPeriod period(String argument, LocalDate today) {
        return period(argument, today, DeskMessages.shipped().english());
    }

    /**
     * As {@link #period(String, LocalDate)}, refusing three or more parts in {@code words}'
     * language (the storage's own refusals, shared with the CLI, are English).
     */
    static ReportPeriod period(String argument, LocalDate today, DeskTexts words) {
        List<String> parts = new ArrayList<>();
        for (String part : argument.strip().split("\\s+")) {
            if (!part.isEmpty()) {
                parts.add(normalise(part));
            }
        }
        if (parts.isEmpty()) {
            YearMonth now = YearMonth.from(today);
            YearMonth end = now.minusMonths((now.getMonthValue() - 1) % 3 + 1);
            String quarter = end.getYear() + "-Q" + (end.getMonthValue() / 3);
            return ReportPeriod.parse(quarter, quarter, ReportPeriod.Granularity.QUARTER, today);
        }
        if (parts.size() > 2) {
            throw new ReportPeriod.InvalidPeriodException(words.message("report_too_many_periods"));
        }
        String from = parts.get(0);
        String to = parts.get(parts.size() - 1);
        boolean byMonth = MONTH.matcher(from).matches() || MONTH.matcher(to).matches();
        return ReportPeriod.parse(from, to, byMonth ? ReportPeriod.Granularity.MONTH : ReportPeriod.Granularity.QUARTER,
                today);
    }

    private static String normalise(String part) {
        var m = QUARTER.matcher(part);
        return m.matches() ? m.group(1) + "-Q" + m.group(2) : part;
    }

    /** The member's Telegram language when the report has words in it, else English. */
    static String language(ReportService service, String languageCode) {
        String primary = languageCode == null ? "" : languageCode.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return !primary.isEmpty() && service.supports(primary) ? primary : "en";
    }

    private AfterCommit.Delivery make(Unlocked u, ReportPeriod period, String language, DeskTexts words) {
        Report report = u.service().build(u.stores(), u.opener(), ReportRequest.of(period), ApprovedTestimonies.Progress.none());
        if (report.nothingToPublish()) {
            return AfterCommit.Delivery.say(Wording.of(questionnaire, language).message("nothing_publishable"));
        }
        Signer signer = u.signer().orElseThrow();
        List<ReportFile> files = new ArrayList<>(u.service().export(report, ReportFormat.CSV, language, signer));
        files.addAll(overviewChart(u.service().export(report, ReportFormat.PNG, language, signer)));
        files.addAll(u.service().export(report, ReportFormat.PDF, language, signer));
        u.service().record(u.stores(), u.sealer(), report);
        String summary = words.message("report_summary", Map.of("period", span(period, words), "key", signer.keyId(),
                "fingerprint", ReportSignature.fingerprint(signer.publicKey()),
                "seq", String.valueOf(report.auditHead().seq()), "hash", report.auditHead().hash()))
                + (report.leftOut().any() ? " " + words.message("report_left_out", Map.of(
                        "unreadable", String.valueOf(report.leftOut().unreadable()),
                        "not_authentic", String.valueOf(report.leftOut().notAuthentic()))) : "");
        return new AfterCommit.Delivery(ReportFile.toSend(files), summary);
    }

    /** The overview chart and its signature (the PDF has every chart); the first chart when there is no overview. */
    private static List<ReportFile> overviewChart(List<ReportFile> pngs) {
        int at = 0;
        for (int i = 0; i < pngs.size(); i += 2) {
            if (pngs.get(i).name().endsWith("-overview.png")) {
                at = i;
                break;
            }
        }
        return pngs.size() < at + 2 ? List.of() : List.of(pngs.get(at), pngs.get(at + 1));
    }

    private static String span(ReportPeriod period, DeskTexts words) {
        return period.fromLabel().equals(period.toLabel()) ? period.fromLabel()
                : words.message("report_span", Map.of("from", period.fromLabel(), "to", period.toLabel()));
    }

    private static Reply plain(String text) {
        return Reply.of(new Screen(text, List.of(), false, Optional.empty(), Screen.Ending.NONE));
    }
}
