package org.gawahi.bot.brief;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.gawahi.storage.audit.AuditHead;
import org.gawahi.storage.reports.SuppressionRules;

/**
 * A raid brief ready to be written in any language: only what may be printed. The number of
 * testimonies is at least the threshold (a smaller event gives no brief), every figure came
 * out of {@link BriefFigures#publish}, and the quotes are consented and redacted.
 */
record Brief(BriefEvent event, long testimonies, List<BriefFigures.Published> figures, List<String> quotes,
             AuditHead auditHead, LocalDate madeOn, SuppressionRules rules) {
    Brief {
        Objects.requireNonNull(event, "event");
        figures = List.copyOf(figures);
        quotes = List.copyOf(quotes);
        Objects.requireNonNull(auditHead, "auditHead");
        Objects.requireNonNull(madeOn, "madeOn");
        Objects.requireNonNull(rules, "rules");
    }

    @Override
    public String toString() {
        return "Brief[" + event.id() + ", " + figures.size() + " figures, " + quotes.size() + " quotes]";
    }
}
