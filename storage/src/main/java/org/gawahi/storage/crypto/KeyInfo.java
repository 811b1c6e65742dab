package org.gawahi.storage.crypto;

import java.time.Instant;
import java.util.Objects;
import org.gawahi.config.settings.KeyFingerprint;

/**
 * What may be shown about a key: never its bytes.
 *
 * @param fingerprint computed from the public key in the file, to compare aloud or pin
 * @param legacyId    the id is a random one from before ids were fingerprints: only a pin
 *                    ({@code GAWAHI_KEY_FINGERPRINT}) or a rotation ties this key to its file
 */
public record KeyInfo(String keyId, KeyStatus status, int generation, Instant created, KeyFingerprint fingerprint,
                      boolean legacyId) {
    public KeyInfo {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    static KeyInfo of(KeyFile file, KeyStatus status) {
        return new KeyInfo(file.keyId(), status, file.generation(), file.created(), file.fingerprint(),
                file.legacyId());
    }
}
