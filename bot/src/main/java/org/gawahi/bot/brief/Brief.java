package org.gawahi.bot.brief;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.gawahi.storage.audit.AuditHead;
import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.SuppressionRules;

/**
 * A raid brief ready to be written in any language: only what may be printed. The number of
 * testimonies is at least the threshold (a smaller event gives no brief), every figure is a
 * published cell of {@code disclosed} (the event's tables after disclosure control against
 * the history, {@link BriefFigures#published}), and the quotes are consented and redacted.
 *
 * @param disclosed the event's tables as published: what the disclosure history records
 */
record Brief(BriefEvent event, long testimonies, List<BriefFigures.Published> figures, List<String> quotes,
             AuditHead auditHead, LocalDate madeOn, SuppressionRules rules, Report disclosed) {
    Brief {
        Objects.requireNonNull(event, "event");
        figures = List.copyOf(figures);
        quotes = List.copyOf(quotes);
        Objects.requireNonNull(auditHead, "auditHead");
        Objects.requireNonNull(madeOn, "madeOn");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(disclosed, "disclosed");
    }

    /** True when the event's month was not over when the brief was made: every file says so. */
    boolean provisional() {
        return disclosed.provisional();
    }

    @Override
    public String toString() {
        return "Brief[" + event.id() + ", " + figures.size() + " figures, " + quotes.size() + " quotes]";
    }
}
