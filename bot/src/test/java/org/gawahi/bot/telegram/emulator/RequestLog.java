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
    private final List<byte[]> bodies = new ArrayList<>();
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

    /** Keeps a request's raw body (query string and form or JSON fields alike), for tests that search it. */
    synchronized void body(byte[] body, String query) {
        bodies.add(body.clone());
        if (query != null) {
            bodies.add(query.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    synchronized List<byte[]> bodies() {
        return bodies.stream().map(byte[]::clone).toList();
    }

    synchronized List<RecordedRequest> all() {
        return entries.stream().sorted(Comparator.comparingLong(RecordedRequest::sequence)).toList();
    }
}
