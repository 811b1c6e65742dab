package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.gawahi.bot.interview.Input;
import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** After a run with every kind of event, at DEBUG, no log line holds an id, a name or her words. */
class LogPrivacyTest {
    static final long USER_ID = 731_964_285L;
    static final long GROUP_ID = -100_842_517_396L;
    static final String NAME = "Canaryfirstname";
    static final String USERNAME = "canary_username_q7";
    static final String WORDS = "CANARY-WORDS they took 4000 rupees";
    static final String POISON = "CANARY-POISON text that breaks the engine";

    @TempDir
    Path dataDir;
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level rootLevel;
    Level gawahiLevel;

    @BeforeEach
    void capture() {
        LoggerContext context = root.getLoggerContext();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        rootLevel = root.getLevel();
        gawahiLevel = context.getLogger("org.gawahi").getLevel();
        root.setLevel(Level.DEBUG);
        context.getLogger("org.gawahi").setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        root.setLevel(rootLevel);
        root.getLoggerContext().getLogger("org.gawahi").setLevel(gawahiLevel);
    }

    @Test
    void logsHoldNoChatIdUserIdNameUsernameOrAnswerText() throws Exception {
        String receipt;
        try (BotHarness harness = BotHarness.withoutBot(dataDir)) {
            harness.startBot(engine -> (chat, language, input) -> {
                if (input instanceof Input.Text t && t.text().equals(POISON)) {
                    throw new IllegalStateException(POISON + " " + TelegramChats.id(chat));
                }
                return engine.handle(chat, language, input);
            });
            Person canary = new Person(harness, USER_ID, NAME, USERNAME, "en");
            harness.emulator.faults().serverErrors("sendMessage", 1).tooManyRequests("editMessageText", 1, 1);
            canary.types(POISON);
            harness.emulator.sendSticker(canary.user);
            harness.emulator.groupMessage(canary.user, GROUP_ID, NAME + " group", "/start " + WORDS);
            harness.settle();
            ChatMessage receiptScreen = Testimony.give(canary, WORDS);
            receipt = receiptScreen.text().replaceAll("(?s).*Your code: ([0-9 -]+).*", "$1").strip();
            canary.pressesData(receiptScreen.id(), Presenter.CLEAR_DATA);
        }

        List<String> lines = captured.list.stream().map(LogPrivacyTest::render).toList();
        String all = lines.stream().collect(Collectors.joining("\n"));
        assertThat(lines).isNotEmpty();
        assertThat(all).doesNotContain(Long.toString(USER_ID), Long.toString(GROUP_ID), Long.toString(-GROUP_ID),
                NAME, USERNAME, "CANARY", "rupees", receipt, receipt.replaceAll("[^0-9]", ""));
        assertThat(all).contains("skipped an update");
    }

    private static String render(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        return event.getLoggerName() + " " + event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                + (thrown == null ? "" : " " + ThrowableProxyUtil.asString(thrown));
    }
}
