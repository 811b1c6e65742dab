package org.gawahi.bot.telegram;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a generous upper bound; never asserts how fast. */
final class Eventually {
    static final Duration BOUND = Duration.ofSeconds(20);

    private Eventually() {
    }

    static void holds(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition still false after " + BOUND);
            }
            Thread.sleep(10);
        }
    }
}
