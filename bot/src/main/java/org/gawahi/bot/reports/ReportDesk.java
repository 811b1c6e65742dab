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
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Screen;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.crypto.Signer;
import org.gawahi.storage.db.Database;
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
 * saying the report is being prepared; the report itself is a {@link ReportJob} taken with
 * {@link #takeJob} and run by the channel after the commit: CSV, the overview chart (PNG) and
 * the PDF brief, each with its signature, in the member's language when the report has words
 * in it (English otherwise).
 *
 * <p>Periods: nothing for the last complete quarter; {@code 2026-Q3} (also {@code 2026Q3}) for
 * a quarter; {@code 2026-07} for a month (columns by month); two of them for a range. A period
 * not over yet, one in the future and nonsense ({@code 0000-01}) are each refused with one
 * sentence of the member's language: a chat report is always of a finished period. Every report
 * sent is recorded in the disclosure history first; when the history does not open in full,
 * nothing is sent.
 */
public final class ReportDesk {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportDesk.class);
    /** What answers everything that is not {@code /report}: review, then the interview. */
    @FunctionalInterface
    public interface Next {
        Screen handle(ChatRef chat, String languageCode, Input input);
    }

    /** What reports need, present only when the keys were unlocked at start. */
    public record Unlocked(ReportService service, Database db, Roles roles, Opener opener, Sealer sealer,
                           Optional<Signer> signer, AuditLog audit) {
        public Unlocked {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(db, "db");
            Objects.requireNonNull(roles, "roles");
            Objects.requireNonNull(opener, "opener");
            Objects.requireNonNull(sealer, "sealer");
            Objects.requireNonNull(signer, "signer");
            Objects.requireNonNull(audit, "audit");
        }
    }

    public static final String COMMAND = "report";
    static final String NO_SIGNING_KEY = "Reports are not available: there is no report signing key unlocked. An operator "
            + "makes one with `gawahi report-key create` and restarts the bot with the passphrase.";
    static final String ROLES_CLOSED = "The role table did not open with the unlocked keys; nobody can ask for a report "
            + "until an operator runs `gawahi doctor`.";
    static final String USAGE = "Send /report for the last complete quarter, /report 2026-Q3 for one quarter, "
            + "/report 2026-07 for one month, or two of them for a range: /report 2026-Q1 2026-Q2.";
    static final String PREPARING = "Preparing the report for %s: the files follow in a moment (CSV, chart and PDF, "
            + "each with its .sig). They cannot be forwarded or saved from the chat.";
    static final String FAILED = "The report could not be made. Nothing was sent; tell an operator (the log says why).";
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?[Qq]([1-4])");

    private final Next next;
    private final Questionnaire questionnaire;
    private final Optional<Unlocked> unlocked;
    private final Clock clock;
    private final Map<Long, ReportJob> jobs = new ConcurrentHashMap<>();

    public ReportDesk(Next next, Questionnaire questionnaire, Optional<Unlocked> unlocked, Clock clock) {
        this.next = Objects.requireNonNull(next, "next");
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
        this.unlocked = Objects.requireNonNull(unlocked, "unlocked");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Screen handle(ChatRef chat, String languageCode, Input input) {
        jobs.remove(chat.id());
        if (!(input instanceof Input.Command c && c.name().equals(COMMAND)) || !questionnaire.indicators().defined()) {
            return next.handle(chat, languageCode, input);
        }
        if (unlocked.isEmpty()) {
            return next.handle(chat, languageCode, input);
        }
        Unlocked u = unlocked.get();
        String actor;
        try (RoleBook book = u.roles().open(u.opener())) {
            actor = book.actorPseudonym(chat.id());
            if (!book.allows(chat.id(), Role.COLLECTIVE)) {
                u.audit().refused(actor);
                return next.handle(chat, languageCode, input);
            }
        } catch (CannotOpenException e) {
            log.warn(ROLES_CLOSED); // said to nobody in the chat: a stranger would learn that reports exist
            return next.handle(chat, languageCode, input);
        }
        if (u.signer().isEmpty()) {
            return plain(NO_SIGNING_KEY);
        }
        String language = language(u.service(), languageCode);
        Wording words = Wording.of(questionnaire, language);
        ReportPeriod period;
        LocalDate today = LocalDate.now(clock);
        try {
            period = period(c.argument(), today);
        } catch (ReportPeriod.InvalidPeriodException e) {
            return plain(words.message(e.kind() == ReportPeriod.InvalidPeriodException.Kind.FUTURE
                    ? "period_future" : "period_invalid") + "\n\n" + USAGE);
        }
        if (period.notOverOn(today)) {
            // Figures of an unfinished period change with every approval: each change is a difference to subtract.
            return plain(words.message("period_not_over"));
        }
        u.audit().append(actor, AuditAction.REPORT, Optional.empty());
        jobs.put(chat.id(), () -> {
            try {
                return make(u, period, language);
            } catch (DisclosureHistory.DamagedHistoryException e) {
                log.warn("a report asked for in the chat was refused: {} rows of the disclosure history did not open",
                        e.damaged());
                return ReportJob.Delivery.say(words.message("history_damaged"));
            } catch (RuntimeException e) {
                // The class only: a message could name a file or a figure.
                log.warn("a report asked for in the chat failed: {}", e.getClass().getName());
                return ReportJob.Delivery.say(FAILED);
            }
        });
        return plain(PREPARING.formatted(span(period)));
    }

    /**
     * The report accepted with the input just handled for {@code chat}, to run after the
     * commit; empty for any other input. Taking it forgets it.
     */
    public Optional<ReportJob> takeJob(ChatRef chat) {
        return Optional.ofNullable(jobs.remove(chat.id()));
    }

    /** Reads the period of {@code /report [period]}; the message of the exception says what is wrong. */
    static ReportPeriod period(String argument, LocalDate today) {
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
            throw new ReportPeriod.InvalidPeriodException("A period is one quarter or month, or two of them.");
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

    private ReportJob.Delivery make(Unlocked u, ReportPeriod period, String language) {
        Report report = u.service().build(u.db(), u.opener(), ReportRequest.of(period), ApprovedTestimonies.Progress.none());
        if (report.nothingToPublish()) {
            return ReportJob.Delivery.say(Wording.of(questionnaire, language).message("nothing_publishable"));
        }
        Signer signer = u.signer().orElseThrow();
        List<ReportFile> files = new ArrayList<>(u.service().export(report, ReportFormat.CSV, language, signer));
        files.addAll(overviewChart(u.service().export(report, ReportFormat.PNG, language, signer)));
        files.addAll(u.service().export(report, ReportFormat.PDF, language, signer));
        u.service().record(u.db(), u.sealer(), report);
        String summary = "Report " + span(period) + ", signed with key " + signer.keyId() + " (fingerprint "
                + ReportSignature.fingerprint(signer.publicKey()) + "); audit head: entry " + report.auditHead().seq()
                + ", " + report.auditHead().hash() + ". Anyone can check a file with `gawahi verify-report FILE` "
                + "beside its .sig." + (report.leftOut().any() ? " Left out: " + report.leftOut().unreadable()
                + " testimonies whose record did not open and " + report.leftOut().notAuthentic()
                + " whose approval does not verify; an operator's `gawahi doctor` names them." : "");
        return new ReportJob.Delivery(files, summary);
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

    private static String span(ReportPeriod period) {
        return period.fromLabel().equals(period.toLabel()) ? period.fromLabel()
                : period.fromLabel() + " to " + period.toLabel();
    }

    private static Screen plain(String text) {
        return new Screen(text, List.of(), false, Optional.empty(), Screen.Ending.NONE);
    }
}
