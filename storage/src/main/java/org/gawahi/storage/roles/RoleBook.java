package org.gawahi.storage.roles;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.crypto.ActorPseudonyms;

/**
 * The role table, opened: who holds which role (by her conversation: for Telegram, her user's,
 * which is her private chat with the bot), and the key that turns it into the audit's actor
 * pseudonym. It exists only in memory, only while the keys are unlocked; {@link #close()} wipes
 * the pseudonym key. Not thread-safe: open one per use (opening costs well under a millisecond),
 * which also means a revocation counts from the next command on.
 *
 * <p>Only Telegram users can be granted a role: the sealed table names a holder by her Telegram
 * user id, as every release wrote it, and a second channel's moderators would need a new format.
 */
public final class RoleBook implements AutoCloseable {
    private final Map<ConversationId, EnumSet<Role>> grants;
    private final ActorPseudonyms pseudonyms;

    RoleBook(Map<ConversationId, ? extends Set<Role>> grants, ActorPseudonyms pseudonyms) {
        this.grants = new LinkedHashMap<>();
        grants.forEach((user, roles) -> {
            if (!roles.isEmpty()) {
                this.grants.put(requireTelegram(user), EnumSet.copyOf(roles));
            }
        });
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    }

    private static ConversationId requireTelegram(ConversationId user) {
        if (!Objects.requireNonNull(user, "user").isTelegram()) {
            throw new IllegalArgumentException("the role table holds Telegram users only");
        }
        return user;
    }

    /** Whether this person holds {@code needed}, or a role that covers it; never someone of another channel. */
    public boolean allows(ConversationId user, Role needed) {
        return grants.getOrDefault(user, EnumSet.noneOf(Role.class)).stream().anyMatch(r -> r.covers(needed));
    }

    /**
     * False when she held it already.
     *
     * @throws IllegalArgumentException for a conversation that is not a Telegram user's
     */
    public boolean grant(ConversationId user, Role role) {
        return grants.computeIfAbsent(requireTelegram(user), u -> EnumSet.noneOf(Role.class)).add(role);
    }

    /** False when she did not hold it. */
    public boolean revoke(ConversationId user, Role role) {
        EnumSet<Role> roles = grants.get(user);
        if (roles == null || !roles.remove(role)) {
            return false;
        }
        if (roles.isEmpty()) {
            grants.remove(user);
        }
        return true;
    }

    /** Everyone holding a role (Telegram conversations; the CLI orders them by id). */
    public Map<ConversationId, Set<Role>> holders() {
        Map<ConversationId, Set<Role>> copy = new LinkedHashMap<>();
        grants.forEach((user, roles) -> copy.put(user, Collections.unmodifiableSet(EnumSet.copyOf(roles))));
        return Collections.unmodifiableMap(copy);
    }

    /** The people holding a role that covers {@code needed} (for the urgent notice). */
    public Set<ConversationId> holdersOf(Role needed) {
        Set<ConversationId> users = new LinkedHashSet<>();
        grants.forEach((user, roles) -> {
            if (roles.stream().anyMatch(r -> r.covers(needed))) {
                users.add(user);
            }
        });
        return users;
    }

    /** How the audit names this person: needs the unlocked key, so a seized server cannot compute it. */
    public String actorPseudonym(ConversationId user) {
        return pseudonyms.of(user);
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
