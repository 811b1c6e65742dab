package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gawahi.bot.telegram.emulator.Button;
import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.gawahi.storage.WalStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seized server, end to end (issue 13's proof). A woman gives testimony through the real
 * bot and the emulator; the police copy the data directory (database, WAL, every key file, no
 * passphrase) at a chosen moment while the bot runs, rebuild every committed state the copied
 * WAL holds, start the bot intake-only on each with every key file, and send {@code /start}
 * from her Telegram account (they suspect her id). No state shows any of her answers or offers
 * her draft to carry on.
 *
 * <p>The copy is taken in-process while the bot is running, right after the moment in question
 * (the receipt, "Stop &amp; delete", quick exit, or in the middle of her answers); the files
 * are then what SIGSTOP and a copy would give, and mid-testimony what a SIGKILL or a power cut
 * leaves (nothing was closed, the WAL is in place). With the passphrase the same copy does
 * resume her draft: the attack fails for want of the passphrase, not because the copy is
 * broken.
 */
class SeizureTest {
    private static final long HER_ID = 6_100_200_300L;
    private static final String FREE_TEXT = "CANARY-seized they took our phones";
    /** Answers given before the mid-testimony copy: well into the questionnaire, free text included. */
    private static final int STEPS_BEFORE_COPY = 25;

    @TempDir
    Path work;

    private interface Drive {
        void run(Person her) throws Exception;
    }

    private Path seize(Drive drive) throws Exception {
        Path data = work.resolve("data");
        Path copy = work.resolve("seized");
        try (BotHarness bot = BotHarness.start(data)) {
            drive.run(new Person(bot, HER_ID, "Asha", null, "en"));
            WalStates.copyTree(data, copy); // the bot still running, right after its last reply
        }
        return copy;
    }

    private static void answer(Person her, int steps) throws Exception {
        her.types("/start");
        her.presses("l:lang:en");
        for (int step = 0; step < steps; step++) {
            ChatMessage screen = her.screen();
            List<String> data = screen.buttons().stream().map(Button::callbackData).toList();
            Testimony.nextStep(her, screen, data, FREE_TEXT);
        }
        assertThat(her.data()).as("still answering").doesNotContain(Presenter.CLEAR_DATA);
    }

    /** Starts the bot intake-only on each state, as the police would, and greets it as her. */
    private void noStateShowsHerAnswersOrADraft(List<Path> states) throws Exception {
        for (Path state : states) {
            try (BotHarness police = BotHarness.startOnCopy(state, false)) {
                Person her = new Person(police, HER_ID, "Asha", null, "en");
                her.types("/start");

                assertThat(her.data()).as("%s offers no draft to carry on", state.getFileName())
                        .noneMatch(d -> d.startsWith("s:") || d.startsWith("r:") || d.startsWith("e:"))
                        .anyMatch(d -> d.startsWith("l:lang:"));
                assertThat(String.join("\n", her.chat().texts())).as("%s", state.getFileName())
                        .doesNotContain("CANARY");
            }
        }
    }

    private List<Path> states(Path copy) throws Exception {
        return WalStates.rebuild(copy, work.resolve("states"));
    }

    private static long draftRows(Path state) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + state.resolve("gawahi.db"));
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM drafts")) {
            return rs.getLong(1);
        }
    }

    private static long walSize(Path copy) throws Exception {
        Path wal = copy.resolve("gawahi.db-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    @Test
    void aCopyTakenRightAfterHerReceiptShowsNothingOfHers() throws Exception {
        Path copy = seize(her -> Testimony.give(her, FREE_TEXT));

        // The WAL was emptied after the submission's commit; what the bot wrote after it (the
        // receipt's sealed outbox entry settled, the next offset) may be there, but no draft row.
        List<Path> states = states(copy);
        for (Path state : states) {
            assertThat(draftRows(state)).as("%s holds no draft row", state.getFileName()).isZero();
        }
        noStateShowsHerAnswersOrADraft(states);
    }

    @Test
    void aCopyTakenAfterStopAndDeleteShowsNothingOfHers() throws Exception {
        Path copy = seize(her -> {
            answer(her, STEPS_BEFORE_COPY);
            her.types("/delete");
            her.presses("x:erase:yes");
        });

        assertThat(walSize(copy)).isZero();
        noStateShowsHerAnswersOrADraft(states(copy));
    }

    @Test
    void aCopyTakenAfterAQuickExitShowsNothingOfHers() throws Exception {
        Path copy = seize(her -> {
            answer(her, STEPS_BEFORE_COPY);
            her.types("/exit");
        });

        assertThat(walSize(copy)).isZero();
        noStateShowsHerAnswersOrADraft(states(copy));
    }

    @Test
    void aCopyTakenMidTestimonyAsAKillLeavesItShowsNothingOfHersInAnyState() throws Exception {
        Path copy = seize(her -> answer(her, STEPS_BEFORE_COPY));
        List<Path> states = states(copy);

        assertThat(states).as("the WAL holds her answers' commits").hasSizeGreaterThan(STEPS_BEFORE_COPY);
        noStateShowsHerAnswersOrADraft(states);
    }

    /** The control: the assertions above can fail. With the passphrase, the same copy resumes her draft. */
    @Test
    void withThePassphraseTheSameMidTestimonyCopyOffersHerDraft() throws Exception {
        Path copy = seize(her -> answer(her, STEPS_BEFORE_COPY));

        try (BotHarness unlocked = BotHarness.startOnCopy(copy, true)) {
            Person her = new Person(unlocked, HER_ID, "Asha", null, "en");
            her.types("/start");

            assertThat(her.data()).anyMatch(d -> d.startsWith("s:resume:continue"));
        }
    }
}
