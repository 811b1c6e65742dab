package org.gawahi.storage.roles;

import java.util.Locale;
import java.util.Optional;

/** What someone may do besides giving a testimony (which everyone may). */
public enum Role {
    /** Reads, redacts, approves, rejects, flags and links testimonies. */
    MODERATOR,
    /** Downloads aggregate reports. */
    COLLECTIVE,
    /** Everything a moderator and the collective may do. */
    ADMIN;

    /** The role named as on the command line ({@code moderator}), in any case. */
    public static Optional<Role> parse(String name) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether holding this role allows what {@code needed} allows. */
    public boolean covers(Role needed) {
        return this == needed || this == ADMIN;
    }
}
