package org.gawahi.storage.crypto;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * Reused JDK {@code Mac} and {@code Cipher} objects: {@code getInstance} walks the provider
 * list on every call, which cost more than the HMAC or AES-GCM of a draft itself. One object
 * is used by one thread at a time (take, use, give back). {@link #clear()} drops them all, and
 * one given back after that is dropped too, so a closed owner keeps no keyed object alive.
 */
final class InstancePool<T> {
    private static final int MAX_IDLE = 64;

    private final Supplier<T> factory;
    private final ConcurrentLinkedDeque<T> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean cleared;

    InstancePool(Supplier<T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    T take() {
        T reused = idle.pollFirst();
        return reused != null ? reused : factory.get();
    }

    /** Gives back an object after a use that left it ready for the next (not mid-operation). */
    void give(T instance) {
        if (!cleared && idle.size() < MAX_IDLE) {
            idle.offerFirst(instance);
            if (cleared) {
                idle.clear();
            }
        }
    }

    void clear() {
        cleared = true;
        idle.clear();
    }

    int idleCount() {
        return idle.size();
    }
}
