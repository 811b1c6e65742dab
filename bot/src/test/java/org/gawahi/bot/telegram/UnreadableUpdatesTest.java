package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Updates the Telegram library cannot map, and update ids past 2^31, through the emulator: the
 * bad one is acknowledged and skipped with one line that names neither its id nor its content,
 * and polling goes on, also after a restart.
 */
class UnreadableUpdatesTest {
    static final long RANI = 9_611;
    static final long MAX_INT = Integer.MAX_VALUE;

    @TempDir
    Path dataDir;
    BotHarness harness;
    Person rani;
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() throws Exception {
        captured.setContext(root.getLoggerContext());
        captured.start();
        root.addAppender(captured);
        harness = BotHarness.start(dataDir);
        rani = new Person(harness, RANI, "Rani", null, "en");
    }

    @AfterEach
    void stop() {
        harness.close();
        root.detachAppender(captured);
    }

    /** A private /start from Rani, with {@code field} spliced into its message. */
    static String start(String idPart, String messageExtra) {
        return "{" + idPart + "\"message\":{\"message_id\":77,\"date\":1790000000,"
                + "\"chat\":{\"id\":" + RANI + ",\"type\":\"private\",\"first_name\":\"Rani\"},"
                + "\"from\":{\"id\":" + RANI + ",\"is_bot\":false,\"first_name\":\"Rani\",\"language_code\":\"en\"},"
                + "\"text\":\"/start\"" + messageExtra + "}}";
    }

    private String log() {
        return captured.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            ",\"edit_date\":4102444800",                       // a date past 2038 (2100-01-01)
            ",\"forward_date\":99999999999",
            ",\"reply_to_message\":\"not an object\"",          // a field of the wrong type
            ",\"entities\":{\"type\":\"bot_command\"}",
            ",\"photo\":17",
            ",\"message_thread_id\":\"seventeen\""})
    void anUpdateTheLibraryCannotReadIsSkippedAndTheNextOneIsApplied(String badField) throws Exception {
        long bad = harness.emulator.sendRawUpdate(start("", badField));
        harness.settle();

        assertThat(harness.offsets.lastCommitted()).hasValue(bad);
        assertThat(rani.chat().botMessages()).isEmpty();
        assertThat(log()).contains("skipping an update the Telegram library cannot read")
                .doesNotContain(Long.toString(bad), Long.toString(RANI), "Rani");

        rani.types("/start");
        assertThat(rani.screen().buttons()).isNotEmpty();
    }

    @Test
    void anUpdateWhoseMessageIdIsPast2To31IsSkippedAndPollingGoesOn() throws Exception {
        long bad = harness.emulator.sendRawUpdate(start("", "").replace("\"message_id\":77", "\"message_id\":3000000000"));
        harness.settle();

        assertThat(harness.offsets.lastCommitted()).hasValue(bad);
        rani.types("/start");
        assertThat(rani.screen().buttons()).isNotEmpty();
    }

    @Test
    void updateIdsAtAndPast2To31AreAppliedAndSoIsTheNextAlsoAfterARestart() throws Exception {
        harness.emulator.sendRawUpdate(start("\"update_id\":" + MAX_INT + ",", ""));
        harness.settle();
        assertThat(harness.offsets.lastCommitted()).hasValue(MAX_INT);
        assertThat(rani.chat().botMessages()).hasSize(1);

        harness.emulator.sendRawUpdate(start("\"update_id\":" + (MAX_INT + 6) + ",", ""));
        harness.settle();
        assertThat(harness.offsets.lastCommitted()).hasValue(MAX_INT + 6);

        harness.stopBot();
        harness.startBot();
        Person sita = new Person(harness, 9_612, "Sita", null, "en");
        sita.types("/start");

        assertThat(sita.screen().buttons()).isNotEmpty();
        assertThat(harness.offsets.lastCommitted()).hasValue(MAX_INT + 7);
        assertThat(log()).doesNotContain("ArithmeticException", "failed");
    }

    @Test
    void anUnreadableUpdatePast2To31IsSkippedAlsoAfterARestart() throws Exception {
        harness.emulator.sendRawUpdate(start("\"update_id\":" + (MAX_INT + 5) + ",", ",\"edit_date\":4102444800"));
        harness.settle();
        harness.stopBot();
        harness.startBot();

        rani.types("/start");

        assertThat(harness.offsets.lastCommitted()).hasValue(MAX_INT + 6);
        assertThat(rani.chat().botMessages()).hasSize(1);
        assertThat(log()).doesNotContain(Long.toString(MAX_INT + 5));
    }

    @Test
    void theReaderKeepsEveryReadableUpdateOfABatchAroundAnUnreadableOne() throws Exception {
        UpdateReader reader = new UpdateReader();
        String batch = "[" + start("\"update_id\":1,", "") + "," + start("\"update_id\":2,", ",\"photo\":17") + ","
                + "{\"no_id\":true}," + start("\"update_id\":" + (MAX_INT + 5) + ",", "") + "]";

        List<IncomingUpdate> read = reader.readAll(reader.tree(batch.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(read).extracting(IncomingUpdate::id).containsExactly(1L, 2L, MAX_INT + 5);
        assertThat(read).extracting(u -> u.content().isPresent()).containsExactly(true, false, true);
        assertThat(read.get(2).content().get().getMessage().getText()).isEqualTo("/start");
    }
}
