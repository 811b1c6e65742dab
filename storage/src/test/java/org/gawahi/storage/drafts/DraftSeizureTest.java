package org.gawahi.storage.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.LeakScan;
import org.gawahi.storage.MutableClock;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.WalStates;
import org.gawahi.storage.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seized server, at the storage level: the police copy the data directory while the bot
 * runs (database, WAL, every key file, the server secret too, but no passphrase) and already
 * suspect one woman's Telegram id. They rebuild every committed state the WAL holds and start
 * Gawahi on each with every key file: no state gives them her draft, nor a row they can tie to
 * her chat.
 */
class DraftSeizureTest {
    private static final ChatRef SUSPECTED = ChatRef.of(5_123_456_789L);
    private static final ChatRef OTHER = ChatRef.of(5_123_456_790L);
    private static final int ANSWERS = 12;

    @TempDir
    Path work;

    private final MutableClock clock = MutableClock.at("2026-11-02T10:00:00Z");

    private static SecretBytes draftAfter(int answers) {
        StringBuilder json = new StringBuilder("{\"texts\":{");
        for (int i = 1; i <= answers; i++) {
            json.append(i > 1 ? "," : "").append("\"q").append(i).append("\":\"CANARY-answer-").append(i).append("\"");
        }
        return SecretBytes.utf8(json.append("}}").toString());
    }

    /** Her whole interview, answer by answer, each a new version of her draft; copied while running. */
    private Path seizeMidInterview(Path data) throws Exception {
        Path copy = work.resolve("seized");
        try (TestStorage bot = TestStorage.create(data, clock)) {
            bot.drafts.save(OTHER, draftAfter(3));
            for (int answers = 1; answers <= ANSWERS; answers++) {
                bot.drafts.save(SUSPECTED, draftAfter(answers));
            }
            WalStates.copyTree(data, copy);
        }
        return copy;
    }

    @Test
    void noCommittedStateOfACopyOpensAnyVersionOfASuspectedChatsDraft() throws Exception {
        Path copy = seizeMidInterview(work.resolve("data"));
        List<Path> states = WalStates.rebuild(copy, work.resolve("states"));
        assertThat(states).as("the WAL holds a commit per version of her draft").hasSizeGreaterThan(ANSWERS);
        assertThat(copy.resolve("keys")).isDirectory();

        int rowsSeen = 0;
        for (Path state : states) {
            rowsSeen += draftRows(state);
            try (TestStorage police = TestStorage.create(state, clock)) {
                assertThat(police.drafts.load(SUSPECTED)).as("her draft in %s", state.getFileName()).isEmpty();
                assertThat(police.drafts.load(OTHER)).as("another draft in %s", state.getFileName()).isEmpty();
            }
        }
        assertThat(rowsSeen).as("the states do hold draft rows: they just do not open").isPositive();
    }

    /** The draft rows a copy holds, read straight from its database before anything starts on it. */
    private static int draftRows(Path data) {
        try (Database db = Database.open(data)) {
            return new DraftTable(db).count();
        }
    }

    @Test
    void theCopiedFilesHoldNoAnswerAndNoChatId() throws Exception {
        Path copy = seizeMidInterview(work.resolve("data"));

        LeakScan scan = new LeakScan().text("an answer", "CANARY-answer").chat("her chat id", SUSPECTED)
                .chat("another chat id", OTHER);

        assertThat(LeakScan.filesUnder(copy)).extracting(p -> p.getFileName().toString())
                .contains("gawahi.db-wal", "server.secret");
        assertThat(scan.findIn(LeakScan.filesUnder(copy))).isEmpty();
    }

    /** The attack fails for want of the passphrase, not for a broken copy: with it, the same copy resumes her draft. */
    @Test
    void theSameCopyOpensHerDraftOnlyWithThePassphrase() throws Exception {
        Path copy = seizeMidInterview(work.resolve("data"));
        Path second = work.resolve("second copy");
        WalStates.copyTree(copy, second); // an intake-only start erases what it cannot open, so the control gets its own

        try (TestStorage intakeOnly = TestStorage.create(copy, clock)) {
            assertThat(intakeOnly.drafts.load(SUSPECTED)).isEmpty();
        }
        try (TestStorage unlocked = TestStorage.createUnlocked(second, clock)) {
            assertThat(unlocked.drafts.load(SUSPECTED)).map(SecretBytes::utf8String).contains(draftAfter(ANSWERS).utf8String());
        }
    }

    @Test
    void aCopyTakenAfterACleanStopOpensNoDraftEither() throws Exception {
        Path data = work.resolve("data");
        try (TestStorage bot = TestStorage.create(data, clock)) {
            bot.drafts.save(SUSPECTED, draftAfter(5));
        }
        Path copy = work.resolve("seized");
        WalStates.copyTree(data, copy);

        assertThat(draftRows(copy)).isEqualTo(1);
        try (TestStorage police = TestStorage.create(copy, clock)) {
            assertThat(police.drafts.load(SUSPECTED)).isEmpty();
        }
        assertThat(Files.exists(copy.resolve("gawahi.db"))).isTrue();
    }
}
