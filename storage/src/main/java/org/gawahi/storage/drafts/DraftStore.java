package org.gawahi.storage.drafts;

import java.util.Optional;

import org.gawahi.config.secret.SecretBytes;

/**
 * Where the interview keeps a person's unfinished testimony between two messages. The
 * bytes are opaque here (the engine's own encoding). A durable implementation encrypts
 * each draft under a key held in memory only and the chat id, names its row by a keyed
 * hash, and lets it expire; see {@link SealedDraftStore}.
 */
public interface DraftStore extends AutoCloseable {

    /** The draft, or empty when there is none or it expired. */
    Optional<SecretBytes> load(ChatRef chat);

    void save(ChatRef chat, SecretBytes draft);

    void erase(ChatRef chat);

    /** Deletes drafts older than their time to live; returns how many. */
    int purgeExpired();

    /** Wipes the keys this store holds in memory, if any. */
    @Override
    default void close() {
    }
}
