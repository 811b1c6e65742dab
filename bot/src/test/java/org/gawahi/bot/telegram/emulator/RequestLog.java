package org.gawahi.bot.telegram.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Every request received, in order of arrival (entries appear once they have been answered). */
final class RequestLog {
    private final AtomicLong sequence = new AtomicLong();
    private final List<RecordedRequest> entries = new ArrayList<>();
    private final List<Consumer<RecordedRequest>> listeners = new CopyOnWriteArrayList<>();

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    void record(RecordedRequest request) {
        synchronized (this) {
            entries.add(request);
        }
        listeners.forEach(listener -> listener.accept(request));
    }

    void listen(Consumer<RecordedRequest> listener) {
        listeners.add(listener);
    }

    synchronized List<RecordedRequest> all() {
        return entries.stream().sorted(Comparator.comparingLong(RecordedRequest::sequence)).toList();
    }
}
