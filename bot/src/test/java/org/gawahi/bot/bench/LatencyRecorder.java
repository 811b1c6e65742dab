package org.gawahi.bot.bench;

import java.time.Duration;
import java.util.Arrays;

/** Latencies in nanoseconds, kept whole (a run has at most a few hundred thousand). */
public final class LatencyRecorder {
    private long[] samples = new long[1024];
    private int size;

    public synchronized void record(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    public synchronized int count() {
        return size;
    }

    /** The q-quantile (0..1), nearest rank; zero when nothing was recorded. */
    public synchronized Duration quantile(double q) {
        if (size == 0) {
            return Duration.ZERO;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return Duration.ofNanos(sorted[Math.max(0, Math.min(size - 1, rank - 1))]);
    }
}
