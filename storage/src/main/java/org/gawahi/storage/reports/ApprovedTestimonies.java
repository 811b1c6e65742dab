package org.gawahi.storage.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.gawahi.config.questionnaire.Condition;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.testimony.Decisions;
import org.gawahi.storage.testimony.Testimonies;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;

/**
 * Opens the testimonies a report may count: those a moderator approved (pending ones too,
 * only when asked, for rehearsals and tests), whose author allowed totals. Opening is the
 * slow part (HPKE, about 8 000 a second per core), so it runs on a few threads of its own,
 * closed when done.
 */
public final class ApprovedTestimonies {
    /**
     * What was opened and how many rows were passed over, for the method note: without consent,
     * not opening ({@code unreadable}), or in a state no moderator's decision authenticates
     * ({@code notAuthentic}: see {@link Decisions}).
     */
    public record Opened(List<CountedTestimony> testimonies, int withoutConsent, int unreadable, int notAuthentic) {
        public Opened {
            testimonies = List.copyOf(testimonies);
        }

        public Report.LeftOut leftOut() {
            return new Report.LeftOut(unreadable, notAuthentic);
        }
    }

    /** Told after each row is looked at: done of total. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);

        static Progress none() {
            return (done, total) -> { };
        }
    }

    private final Testimonies testimonies;
    private final Opener opener;
    private final Decisions decisions;
    private final EventLinks events;
    private final Set<TestimonyStatus> counted;
    private final int threads;

    /**
     * @param includePending also count testimonies no moderator has approved yet: for
     *                       rehearsing a report on test data, never for a published one
     */
    public ApprovedTestimonies(Testimonies testimonies, Opener opener, EventLinks events, boolean includePending,
                               int threads) {
        this.testimonies = Objects.requireNonNull(testimonies, "testimonies");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.decisions = testimonies.decisions(opener);
        this.events = Objects.requireNonNull(events, "events");
        this.counted = includePending ? EnumSet.of(TestimonyStatus.APPROVED, TestimonyStatus.PENDING)
                : EnumSet.of(TestimonyStatus.APPROVED);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
    }

    /**
     * Opens every counted row and keeps those whose content meets {@code consent}. A row that
     * does not open (damaged, or sealed to a key not unlocked) is counted as unreadable and left
     * out, never guessed at; a row that opens but whose state does not verify (approved by SQL,
     * not by a moderator) is counted as not authentic and left out. Either way the others count.
     */
    public Opened open(Condition consent, Progress progress) {
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(progress, "progress");
        List<TestimonyTable.Row> rows = testimonies.sealed().stream().filter(r -> counted.contains(r.status())).toList();
        AtomicInteger notAuthentic = new AtomicInteger();
        List<CountedTestimony> kept = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger withoutConsent = new AtomicInteger();
        AtomicInteger unreadable = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int total = rows.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            int slice = Math.max(1, (total + threads - 1) / threads);
            for (int start = 0; start < total; start += slice) {
                List<TestimonyTable.Row> part = rows.subList(start, Math.min(total, start + slice));
                work.add(pool.submit(() -> {
                    for (TestimonyTable.Row row : part) {
                        TestimonyContent content = openRow(row);
                        if (content == null) {
                            unreadable.incrementAndGet();
                        } else if (!decisions.trusted(row)) {
                            notAuthentic.incrementAndGet();
                        } else if (!consent.holds(answers(content))) {
                            withoutConsent.incrementAndGet();
                        } else {
                            kept.add(new CountedTestimony(row.id(), events.eventOf(row.id()), content,
                                    row.submittedDay()));
                        }
                        synchronized (progress) { // counted and told under one lock, so progress never goes back
                            progress.update(done.incrementAndGet(), total);
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening testimonies", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("opening testimonies failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<CountedTestimony> ordered = new ArrayList<>(kept);
        ordered.sort(java.util.Comparator.comparing(CountedTestimony::testimonyId));
        return new Opened(ordered, withoutConsent.get(), unreadable.get(), notAuthentic.get());
    }

    private TestimonyContent openRow(TestimonyTable.Row row) {
        try {
            return testimonies.open(row, opener);
        } catch (CannotOpenException | IllegalArgumentException e) {
            return null;
        }
    }

    private static java.util.function.Function<String, Set<String>> answers(TestimonyContent content) {
        return q -> Set.copyOf(content.answer(q));
    }
}
