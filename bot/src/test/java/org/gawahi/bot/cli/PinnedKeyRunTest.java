package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawahi.bot.telegram.emulator.BotApiEmulator;
import org.gawahi.bot.telegram.emulator.User;
import org.gawahi.bot.wiring.GawahiApplication;
import org.gawahi.bot.wiring.RunSettings;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.KeyForgery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * `gawahi run` as an operator starts it, against the emulator: pinned to the fingerprint
 * `keys init` printed it takes testimonies; pinned to another, or with a key someone added, it
 * does not start, and says why in one sentence.
 */
class PinnedKeyRunTest {
    private static final String TOKEN = "654321:TEST-pinned-token";
    private static final String PASSPHRASE = TestStorage.PASSPHRASE.reveal();
    private static final Pattern PRINTED = Pattern.compile("\n    ([0-9]{5}( [0-9]{5}){5})\n");

    @TempDir
    Path work;
    private BotApiEmulator emulator;
    private ConfigurableApplicationContext app;
    private String printed;

    @BeforeEach
    void keysAndEmulator() throws Exception {
        Cli.Result init = new Cli(work).passphrase(PASSPHRASE).run("keys", "init");
        Matcher m = PRINTED.matcher(init.out());
        assertThat(m.find()).as(init.out()).isTrue();
        printed = m.group(1);
        emulator = BotApiEmulator.start(TOKEN);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        emulator.close();
    }

    private RunSettings settings(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("GAWAHI_TELEGRAM_TOKEN", TOKEN,
                "GAWAHI_TELEGRAM_API_URL", emulator.baseUrl(), "GAWAHI_DATA_DIR", work.resolve("data").toString()));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return RunCommand.settings(env, new SecureRandom());
    }

    /** The start's failure as `gawahi run` says it; fails the test if the bot started. */
    private String refusal(RunSettings settings) {
        Throwable thrown = catchThrowable(() -> app = GawahiApplication.start(settings, "--server.port=0"));
        assertThat(thrown).as("the bot started").isInstanceOf(RuntimeException.class);
        RuntimeException explained = RunCommand.explained((RuntimeException) thrown);
        assertThat(explained).isInstanceOf(UserFacingException.class);
        String sentence = explained.getMessage();
        assertThat(sentence).doesNotContain("\n", "Exception", "\tat ");
        return sentence;
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void pinnedToTheFingerprintKeysInitPrintedTheBotTakesTestimoniesAndSaysSoAtStart(CapturedOutput output) {
        app = GawahiApplication.start(settings("GAWAHI_KEY_FINGERPRINT", printed), "--server.port=0");
        User sita = emulator.user(7701, "Sita", null, "en");

        emulator.sendText(sita, "/start");

        assertThat(emulator.awaitBotMessage(sita.chatId(), msg -> !msg.buttons().isEmpty(), Duration.ofSeconds(20)))
                .isNotNull();
        assertThat(output.getAll()).contains("intake-only, sealing to the collective key " + printed
                + " (pinned by GAWAHI_KEY_FINGERPRINT)");
    }

    @Test
    void pinnedToAnotherFingerprintTheBotDoesNotStart() {
        String other = "11111-22222-33333-44444-55555-66666";

        String sentence = refusal(settings("GAWAHI_KEY_FINGERPRINT", other));

        assertThat(sentence).contains("No collective key in " + work.resolve("data/keys"))
                .contains("pinned by GAWAHI_KEY_FINGERPRINT (11111 22222 33333 44444 55555 66666)")
                .contains(printed).contains("no testimony is taken").contains("Nothing was changed");
    }

    @Test
    void anAddedNewerKeyStopsTheStartIntakeOnlyAndUnlocked() throws Exception {
        Path added = new KeyForgery(work.resolve("data")).addKey(2);

        assertThat(refusal(settings())).contains("2 collective keys", added.getFileName().toString(),
                "someone added a key");
        assertThat(refusal(settings("GAWAHI_KEY_FINGERPRINT", printed))).contains(added.toString(),
                "is not the key pinned by GAWAHI_KEY_FINGERPRINT");
        assertThat(refusal(settings("GAWAHI_PASSPHRASE", PASSPHRASE))).contains(added.toString(),
                "does not open with the passphrase that opens").doesNotContain("The passphrase does not open");
    }
}
