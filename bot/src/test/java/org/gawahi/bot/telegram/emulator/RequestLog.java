package org.gawahi.bot.telegram.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Every request received, in order of arrival (entries appear once they have been answered). */
final class RequestLog {
    private final AtomicLong sequence = new AtomicLong();
    private final List<RecordedRequest> entries = new ArrayList<>();

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    synchronized void record(RecordedRequest request) {
        entries.add(request);
    }

    synchronized List<RecordedRequest> all() {
        return entries.stream().sorted(Comparator.comparingLong(RecordedRequest::sequence)).toList();
    }
}
