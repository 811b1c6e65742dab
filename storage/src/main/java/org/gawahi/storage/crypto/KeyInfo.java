package org.gawahi.storage.crypto;

import java.time.Instant;
import java.util.Objects;

/** What may be shown about a key: never its bytes. */
public record KeyInfo(String keyId, KeyStatus status, int generation, Instant created) {
    public KeyInfo {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
    }

    static KeyInfo of(KeyFile file, KeyStatus status) {
        return new KeyInfo(file.keyId(), status, file.generation(), file.created());
    }
}
