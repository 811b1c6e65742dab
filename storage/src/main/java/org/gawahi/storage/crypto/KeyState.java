package org.gawahi.storage.crypto;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is on disk, for {@code doctor} and for deciding at start whether the bot can take
 * testimonies. Whether the keys are unlocked is a fact about the running process, not the
 * disk, so it is not here.
 *
 * @param collectiveKeys active key first, then retired ones, newest first
 * @param signingKeys    likewise, for report signing keys
 */
public record KeyState(Readiness readiness, List<KeyInfo> collectiveKeys, List<KeyInfo> signingKeys,
                       boolean serverSecretPresent) {
    public enum Readiness {
        /** Nothing yet: run {@code keys init}. */
        NO_KEYS,
        /** One of the collective key and the server secret is missing: restore it from a backup. */
        INCOMPLETE,
        /** Testimonies can be taken and sealed; reading them needs the passphrase. */
        INTAKE_ONLY
    }

    public KeyState {
        Objects.requireNonNull(readiness, "readiness");
        collectiveKeys = List.copyOf(collectiveKeys);
        signingKeys = List.copyOf(signingKeys);
    }

    public Optional<String> activeKeyId() {
        return collectiveKeys.stream().filter(k -> k.status() == KeyStatus.ACTIVE).map(KeyInfo::keyId).findFirst();
    }
}
