package org.gawahi.bot.telegram;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Screen;
import org.gawahi.bot.moderation.ModerationDesk;
import org.gawahi.bot.moderation.Review;
import org.gawahi.bot.reports.ReportDesk;
import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.gawahi.bot.telegram.emulator.MutableClock;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.gawahi.storage.roles.Roles;
import org.gawahi.storage.testimony.TestimonyContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a committed update owes a chat survives the process, through the sealed outbox: a review
 * screen shown before a restart is gone 10 minutes after it was shown (and not before); 40
 * receipts committed and then the process killed before any went out arrive after an unlocked
 * restart, each exactly once, while an intake-only restart can send none of them.
 */
class OutboxRestartTest {
    static final Duration REVIEW_LIFETIME = Duration.ofMinutes(10);
    static final int BATCH = 40;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private BotHarness harness;
    private TestStorage review;
    private Opener reviewOpener;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        if (reviewOpener != null) {
            reviewOpener.close();
        }
        if (review != null) {
            review.close();
        }
    }

    @Test
    void aReviewScreenShownBeforeARestartIsGoneTenMinutesAfterItWasShown() throws Exception {
        review = TestStorage.create(dir.resolve("sealed"));
        reviewOpener = review.unlock();
        Roles roles = new Roles(review.db, TestStorage.RANDOM);
        try (RoleBook book = roles.open(reviewOpener)) {
            book.grant(TelegramChats.conversation(9001), Role.MODERATOR);
            roles.save(book, review.keys.sealer(), reviewOpener);
        }
        review.submissions.submit(ChatRef.of(55), new TestimonyContent("raid", 1, "en",
                Map.of("q24", List.of("not_returned")), Map.of("q29", "He took it")).toJson(), true);
        harness = BotHarness.withoutBot(Files.createDirectories(dir.resolve("bot")), clock);
        Person moderator = new Person(harness, 9001, "Rani", "rani_mod", "en");
        startReviewBot();

        moderator.types("/next");
        ChatMessage screen = moderator.screen();
        assertThat(screen.text()).contains("He took it");
        harness.stopBot();

        clock.advance(REVIEW_LIFETIME.minusMinutes(1));
        startReviewBot();
        harness.settle();
        assertThat(moderator.chat().message(screen.id())).as("nine minutes on, still shown").isPresent();
        harness.stopBot();

        clock.advance(Duration.ofMinutes(1));
        startReviewBot();
        harness.settle();
        assertThat(moderator.chat().messages()).as("ten minutes on, after a restart").isEmpty();
        harness.stopBot(); // flushes what is done
        assertThat(harness.outbox.count()).isZero();
    }

    private void startReviewBot() throws Exception {
        Review desk = StorePorts.review(review.db, reviewOpener, review.keys.sealer(), Clock.systemUTC(), TestStorage.RANDOM);
        Roles roles = new Roles(review.db, TestStorage.RANDOM);
        AuditLog audit = new AuditLog(review.db, Clock.systemUTC());
        harness.startBot(interview -> {
            ModerationDesk moderation = new ModerationDesk(interview::handle, BotHarness.questionnaire(),
                    Optional.of(new ModerationDesk.Unlocked(desk, roles, reviewOpener, audit)), REVIEW_LIFETIME);
            return new ReportDesk(moderation, BotHarness.questionnaire(), Optional.empty(), Clock.systemUTC());
        });
    }

    @Test
    void fortyReceiptsCommittedBeforeAKillArriveOnceEachAfterAnUnlockedRestartAndNoneIntakeOnly() throws Exception {
        harness = BotHarness.withoutBot(dir, clock);
        FreezableApi dying = new FreezableApi(new ClientBotApi(harness.pollingSettings().token(),
                harness.pollingSettings().apiUrl(), Duration.ofSeconds(10)));
        harness.startBot(harness.pollingSettings(), engine -> engine, dying);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            Person person = new Person(harness, 7_000 + i, "P" + i, null, "en");
            person.types("/start");
            walkToReview(ChatRef.of(person.chatId()));
            people.add(person);
        }

        awaitOutbox(0); // what the language screens owed is done and flushed
        dying.freezeReplies(); // updates are still read and committed; nothing reaches a chat any more
        for (Person person : people) {
            harness.emulator.pressButton(person.user, person.screen().id(), "r:review:submit");
        }
        awaitOutbox(BATCH);
        assertThat(harness.testimonies.count()).isEqualTo(BATCH);
        harness.stopBot(); // as killed: the frozen client sends nothing more
        assertThat(receipts(people)).as("receipts shown before the restart").isZero();

        harness.intakeOnly();
        harness.startBot();
        harness.settle();
        harness.stopBot();
        assertThat(receipts(people)).as("receipts after an intake-only restart").isZero();
        assertThat(harness.outbox.count()).isEqualTo(BATCH);

        harness.unlocked();
        harness.startBot();
        harness.settle();
        harness.stopBot();
        harness.startBot(); // and once more: nothing is sent twice
        harness.settle();

        for (Person person : people) {
            assertThat(person.chat().botMessages()).as("her chat after the restarts").hasSize(1);
            assertThat(person.screen().buttons()).extracting(b -> b.callbackData()).containsExactly(Presenter.CLEAR_DATA);
        }
        assertThat(people.stream().map(p -> p.screen().text()).distinct()).hasSize(BATCH);
        assertThat(harness.emulator.requests("sendMessage").stream().filter(r -> r.status() == 200)
                .map(r -> r.chatId().orElseThrow()).filter(chat -> chat >= 7_000 && chat < 7_000 + BATCH)
                .count()).as("sendMessage calls after the language screens").isEqualTo(2L * BATCH);
        assertThat(harness.outbox.count()).isZero();
    }

    private int receipts(List<Person> people) {
        return (int) people.stream().flatMap(p -> p.chat().botMessages().stream())
                .filter(m -> m.buttons().stream().anyMatch(b -> b.callbackData().equals(Presenter.CLEAR_DATA))).count();
    }

    private void awaitOutbox(int n) throws InterruptedException {
        for (int i = 0; i < 6_000 && harness.outbox.count() != n; i++) {
            Thread.sleep(10);
        }
        assertThat(harness.outbox.count()).as("outbox entries").isEqualTo(n);
    }

    /** Answers her draft up to the review screen directly through the engine (the chat shows the language screen). */
    private void walkToReview(ChatRef chat) {
        Screen screen = harness.interview.handle(chat, "en", new Input.Press("l:lang:en")).screen();
        for (int step = 0; step < 300; step++) {
            List<String> data = screen.buttons().stream().map(Screen.Button::id).toList();
            if (data.contains("r:review:submit")) {
                return;
            }
            Input next;
            if (first(data, "m:").isPresent()) {
                next = new Input.Press(first(data, "m:").get().replaceAll(":[^:]*$", ":0"));
            } else if (first(data, "y:").isPresent()) {
                next = new Input.Press(first(data, "y:").get());
            } else if (first(data, "d:").isPresent()) {
                boolean ticked = screen.buttons().stream().anyMatch(b -> b.id().startsWith("a:") && b.label().startsWith("✓"));
                next = new Input.Press(ticked ? first(data, "d:").get() : first(data, "a:").get());
            } else if (first(data, "a:").isPresent()) {
                next = new Input.Press(first(data, "a:").get());
            } else if (data.stream().anyMatch(d -> d.endsWith(":continue"))) {
                next = new Input.Press(data.stream().filter(d -> d.endsWith(":continue")).findFirst().get());
            } else {
                next = new Input.Text("words");
            }
            screen = harness.interview.handle(chat, "en", next).screen();
        }
        throw new AssertionError("no review screen");
    }

    private static Optional<String> first(List<String> data, String prefix) {
        return data.stream().filter(d -> d.startsWith(prefix)).findFirst();
    }
}
