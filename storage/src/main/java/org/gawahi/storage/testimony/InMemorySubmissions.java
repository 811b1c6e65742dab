package org.gawahi.storage.testimony;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.drafts.DraftStore;

/**
 * Submissions kept in RAM, unsealed: only for rehearsing a questionnaire and for tests of
 * the engine. The running bot uses the sealed SQLite store.
 */
public final class InMemorySubmissions implements Submissions {
    private final Map<ReceiptCode, SecretBytes> testimonies = new ConcurrentHashMap<>();
    private final Map<ReceiptCode, TestimonyStatus> statuses = new ConcurrentHashMap<>();
    private final DraftStore drafts;
    private final SecureRandom random;

    public InMemorySubmissions(DraftStore drafts, SecureRandom random) {
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public synchronized ReceiptCode submit(ChatRef chat, SecretBytes testimony) {
        ReceiptCode code = ReceiptCode.random(random);
        testimonies.put(code, SecretBytes.copyOf(testimony.bytes()));
        statuses.put(code, TestimonyStatus.PENDING);
        drafts.erase(chat);
        return code;
    }

    @Override
    public Optional<TestimonyStatus> status(ReceiptCode code) {
        return Optional.ofNullable(statuses.get(code));
    }

    @Override
    public synchronized boolean withdraw(ReceiptCode code) {
        if (statuses.get(code) == null || statuses.get(code) == TestimonyStatus.WITHDRAWN) {
            return false;
        }
        SecretBytes removed = testimonies.remove(code);
        if (removed != null) {
            removed.wipe();
        }
        statuses.put(code, TestimonyStatus.WITHDRAWN);
        return true;
    }

    /** The stored testimonies, for tests. */
    public Map<ReceiptCode, SecretBytes> testimonies() {
        return Map.copyOf(testimonies);
    }
}
