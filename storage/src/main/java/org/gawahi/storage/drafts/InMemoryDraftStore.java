package org.gawahi.storage.drafts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gawahi.config.secret.SecretBytes;

/**
 * Drafts in RAM only ({@code drafts: memory}): a restart loses every unfinished testimony,
 * which some collectives prefer to having drafts on disk. Drafts expire like durable ones.
 */
public final class InMemoryDraftStore implements DraftStore {
    private record Entry(SecretBytes draft, Instant savedAt) {
    }

    private final Map<ChatRef, Entry> drafts = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration timeToLive;

    public InMemoryDraftStore(Clock clock, Duration timeToLive) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
    }

    @Override
    public Optional<SecretBytes> load(ChatRef chat) {
        Entry entry = drafts.get(chat);
        if (entry == null) {
            return Optional.empty();
        }
        if (expired(entry)) {
            erase(chat);
            return Optional.empty();
        }
        return Optional.of(SecretBytes.copyOf(entry.draft().bytes()));
    }

    @Override
    public void save(ChatRef chat, SecretBytes draft) {
        Entry old = drafts.put(chat, new Entry(SecretBytes.copyOf(draft.bytes()), clock.instant()));
        if (old != null) {
            old.draft().wipe();
        }
    }

    @Override
    public void erase(ChatRef chat) {
        Entry old = drafts.remove(chat);
        if (old != null) {
            old.draft().wipe();
        }
    }

    /** Drops expired drafts; returns how many. */
    public int purgeExpired() {
        int[] purged = {0};
        drafts.entrySet().removeIf(e -> {
            boolean expired = expired(e.getValue());
            if (expired) {
                e.getValue().draft().wipe();
                purged[0]++;
            }
            return expired;
        });
        return purged[0];
    }

    public int size() {
        return drafts.size();
    }

    private boolean expired(Entry entry) {
        return entry.savedAt().plus(timeToLive).isBefore(clock.instant());
    }
}
