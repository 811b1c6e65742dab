package org.gawahi.bot.reports;

import java.util.Objects;

import org.gawahi.storage.audit.AuditTrail;
import org.gawahi.storage.events.RaidEvents;
import org.gawahi.storage.reports.DisclosureHistory;
import org.gawahi.storage.testimony.Testimonies;

/**
 * The stores reports and briefs read, as ports: the sealed testimonies (the approved ones and
 * their links to raid events), the raid events, the disclosure history every published table
 * is checked against and recorded in, and the audit trail whose head they print. The wiring
 * and the CLI make them over the SQLite database.
 */
public record ReportStores(Testimonies testimonies, RaidEvents events, DisclosureHistory history,
                           AuditTrail audit) {
    public ReportStores {
        Objects.requireNonNull(testimonies, "testimonies");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(audit, "audit");
    }
}
