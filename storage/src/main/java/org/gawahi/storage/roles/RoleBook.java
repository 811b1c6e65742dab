package org.gawahi.storage.roles;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.gawahi.storage.crypto.ActorPseudonyms;

/**
 * The role table, opened: who holds which role (by Telegram user id), and the key that
 * turns a user id into the audit's actor pseudonym. It exists only in memory, only while
 * the keys are unlocked; {@link #close()} wipes the pseudonym key. Not thread-safe: open
 * one per use (opening costs well under a millisecond), which also means a revocation
 * counts from the next command on.
 */
public final class RoleBook implements AutoCloseable {
    private final SortedMap<Long, EnumSet<Role>> grants;
    private final ActorPseudonyms pseudonyms;

    RoleBook(Map<Long, ? extends Set<Role>> grants, ActorPseudonyms pseudonyms) {
        this.grants = new TreeMap<>();
        grants.forEach((user, roles) -> {
            if (!roles.isEmpty()) {
                this.grants.put(user, EnumSet.copyOf(roles));
            }
        });
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    }

    /** Whether this user holds {@code needed}, or a role that covers it. */
    public boolean allows(long telegramUserId, Role needed) {
        return grants.getOrDefault(telegramUserId, EnumSet.noneOf(Role.class)).stream().anyMatch(r -> r.covers(needed));
    }

    /** False when she held it already. */
    public boolean grant(long telegramUserId, Role role) {
        return grants.computeIfAbsent(telegramUserId, u -> EnumSet.noneOf(Role.class)).add(role);
    }

    /** False when she did not hold it. */
    public boolean revoke(long telegramUserId, Role role) {
        EnumSet<Role> roles = grants.get(telegramUserId);
        if (roles == null || !roles.remove(role)) {
            return false;
        }
        if (roles.isEmpty()) {
            grants.remove(telegramUserId);
        }
        return true;
    }

    /** Everyone holding a role, by user id, in id order. */
    public SortedMap<Long, Set<Role>> holders() {
        SortedMap<Long, Set<Role>> copy = new TreeMap<>();
        grants.forEach((user, roles) -> copy.put(user, Collections.unmodifiableSet(EnumSet.copyOf(roles))));
        return Collections.unmodifiableSortedMap(copy);
    }

    /** The user ids holding a role that covers {@code needed} (for the urgent notice). */
    public Set<Long> holdersOf(Role needed) {
        Set<Long> ids = new java.util.TreeSet<>();
        grants.forEach((user, roles) -> {
            if (roles.stream().anyMatch(r -> r.covers(needed))) {
                ids.add(user);
            }
        });
        return ids;
    }

    /** How the audit names this user: needs the unlocked key, so a seized server cannot compute it. */
    public String actorPseudonym(long telegramUserId) {
        return pseudonyms.of(telegramUserId);
    }

    ActorPseudonyms pseudonyms() {
        return pseudonyms;
    }

    @Override
    public void close() {
        pseudonyms.close();
    }

    @Override
    public String toString() {
        return "RoleBook[" + grants.size() + " holders, REDACTED]";
    }
}
