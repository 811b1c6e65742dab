package org.gawahi.bot.moderation;

import java.util.Objects;

import org.gawahi.storage.audit.AuditTrail;
import org.gawahi.storage.contact.ContactBook;
import org.gawahi.storage.events.RaidEvents;
import org.gawahi.storage.testimony.Testimonies;
import org.gawahi.storage.units.UnitOfWork;

/**
 * The stores review works on, as ports: the wiring and the CLI make them over the SQLite
 * database; every one writes through {@code units}, so an action and its audit entry commit together.
 */
public record ReviewStores(UnitOfWork units, Testimonies testimonies, RaidEvents events, AuditTrail audit,
                           ContactBook contacts) {
    public ReviewStores {
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(testimonies, "testimonies");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(contacts, "contacts");
    }
}
