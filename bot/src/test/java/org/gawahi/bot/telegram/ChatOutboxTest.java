package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.gawahi.bot.interview.Screen;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.outbox.SealedOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an update owes its chat, sealed: an entry only when something is owed, opened only unlocked. */
class ChatOutboxTest {
    private static final long CHAT = 4_242_424_242L;
    private static final Screen QUESTION = new Screen("Question?", List.of(List.of(new Screen.Button("a:q1:y", "Yes"))),
            false, Optional.empty(), Screen.Ending.NONE);
    private static final Screen RECEIPT = new Screen("Your code: 1234 5678 9012 3456", List.of(), true,
            Optional.of("1234 5678 9012 3456"), Screen.Ending.SUBMITTED);

    @TempDir
    Path data;

    private final FakeTime time = new FakeTime();
    private TestStorage storage;
    private SealedOutbox store;

    @BeforeEach
    void open() throws Exception {
        storage = TestStorage.create(data);
        store = new SealedOutbox(storage.db, storage.keys.sealer(), time, TestStorage.RANDOM);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private Sender sender(ScriptedApi api) {
        ReliableCalls calls = new ReliableCalls(api, SendLimits.telegram(), time, time);
        return new Sender(calls, new Presenter(calls), time, 1);
    }

    private static UpdateProcessor.Reply reply(long chat, ChatAction action) {
        return new UpdateProcessor.Reply(ChatRef.of(chat), action);
    }

    @Test
    void aBatchSealsOneEntryForAllItsDeletionsOnePerReceiptAndReviewScreenAndNoneForAPress() {
        try (ChatOutbox outbox = ChatOutbox.sealed(store, Optional.empty(), time)) {
            outbox.owe(List.of(reply(CHAT, new ChatAction.Show(QUESTION, OptionalInt.of(7), List.of()))));
            assertThat(store.count()).as("a press owes nothing").isZero();

            outbox.owe(List.of(
                    reply(CHAT, new ChatAction.Show(QUESTION, OptionalInt.empty(), List.of(8))),
                    reply(CHAT + 1, new ChatAction.Show(QUESTION, OptionalInt.empty(), List.of(3))),
                    reply(CHAT + 2, new ChatAction.Notice("Edited messages change nothing.", List.of(5))),
                    reply(CHAT + 3, new ChatAction.Show(RECEIPT, OptionalInt.of(9), List.of())),
                    new UpdateProcessor.Reply(ChatRef.of(CHAT + 4), new ChatAction.Show(QUESTION, OptionalInt.of(10),
                            List.of()), Optional.of(Duration.ofMinutes(10)))));
        }
        assertThat(store.count()).as("deletions, receipt, review screen").isEqualTo(3);
    }

    @Test
    void aBatchsDeletionEntryGoesOnlyOnceEveryReplyItCoversWasCarriedOut() {
        List<Runnable> settles;
        try (ChatOutbox outbox = ChatOutbox.sealed(store, Optional.empty(), time)) {
            settles = outbox.owe(List.of(
                    reply(CHAT, new ChatAction.Show(QUESTION, OptionalInt.empty(), List.of(8))),
                    reply(CHAT + 1, new ChatAction.Show(QUESTION, OptionalInt.empty(), List.of(3)))));
            settles.get(0).run();
            outbox.flush();
            assertThat(store.count()).isEqualTo(1);
            settles.get(1).run();
            outbox.flush();
        }
        assertThat(store.count()).isZero();
    }

    @Test
    void intakeOnlyHandsNothingOnAndKeepsTheEntriesForAnUnlockedStart() throws Exception {
        try (ChatOutbox outbox = ChatOutbox.sealed(store, Optional.empty(), time)) {
            outbox.owe(List.of(reply(CHAT, new ChatAction.Show(RECEIPT, OptionalInt.of(9), List.of()))));
        }
        ScriptedApi api = new ScriptedApi(time);
        try (Sender sender = sender(api); ChatOutbox intakeOnly = ChatOutbox.sealed(store, Optional.empty(), time)) {
            assertThat(intakeOnly.replay(sender)).isZero();
            assertThat(sender.awaitIdle(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(api.succeeded()).isEmpty();
        assertThat(store.count()).isEqualTo(1);

        try (Opener opener = storage.unlock(); Sender sender = sender(api);
             ChatOutbox unlocked = ChatOutbox.sealed(store, Optional.of(opener), time)) {
            assertThat(unlocked.replay(sender)).isEqualTo(1);
            assertThat(sender.awaitIdle(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(api.succeeded()).extracting(ScriptedApi.Call::method).contains("sendMessage");
        assertThat(store.count()).isZero();
    }

    @Test
    void entriesPastTelegramsFortyEightHoursArePurgedUnreadAtStart() throws Exception {
        try (ChatOutbox outbox = ChatOutbox.sealed(store, Optional.empty(), time)) {
            outbox.owe(List.of(reply(CHAT, new ChatAction.Show(QUESTION, OptionalInt.empty(), List.of(8)))));
        }
        time.sleep(Duration.ofHours(50));
        ScriptedApi api = new ScriptedApi(time);
        try (Opener opener = storage.unlock(); Sender sender = sender(api);
             ChatOutbox unlocked = ChatOutbox.sealed(store, Optional.of(opener), time)) {
            assertThat(unlocked.replay(sender)).isZero();
        }
        assertThat(store.count()).isZero();
        assertThat(api.succeeded()).isEmpty();
    }
}
