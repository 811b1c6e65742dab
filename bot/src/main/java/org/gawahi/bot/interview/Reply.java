package org.gawahi.bot.interview;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one answer to one input: the screen to show the person who sent it, how long it may stay
 * on her phone, and what is to happen after the commit ({@link AfterCommit}). A value: a desk
 * keeps nothing between calls to say later.
 *
 * @param expiresAfter how long the screen may stay: review screens are deleted after a while,
 *                     so that a moderator's phone does not become a second archive; empty keeps
 *                     the channel's usual rules
 * @param afterCommit  in order; carried out only once the input's unit of work committed
 */
public record Reply(Screen screen, Optional<Duration> expiresAfter, List<AfterCommit> afterCommit) {
    public Reply {
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(expiresAfter, "expiresAfter");
        afterCommit = List.copyOf(afterCommit);
    }

    /** Just a screen, with the usual rules and nothing after the commit. */
    public static Reply of(Screen screen) {
        return new Reply(screen, Optional.empty(), List.of());
    }

    /** This reply, its screen allowed to stay {@code lifetime}. */
    public Reply expiringAfter(Duration lifetime) {
        return new Reply(screen, Optional.of(lifetime), afterCommit);
    }

    /** This reply with {@code effect} after its own effects. */
    public Reply and(AfterCommit effect) {
        List<AfterCommit> all = new ArrayList<>(afterCommit);
        all.add(Objects.requireNonNull(effect, "effect"));
        return new Reply(screen, expiresAfter, all);
    }

    /** This reply with its effects replaced (a desk in front addressing what the one behind could not). */
    public Reply withAfterCommit(List<AfterCommit> effects) {
        return new Reply(screen, expiresAfter, effects);
    }

    @Override
    public String toString() {
        return "Reply[" + screen + ", expires=" + expiresAfter.isPresent() + ", " + afterCommit + "]";
    }
}
