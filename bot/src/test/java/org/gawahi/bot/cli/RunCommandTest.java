package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

import org.gawahi.bot.telegram.TelegramMode;
import org.gawahi.bot.telegram.TelegramSettings;
import org.gawahi.bot.wiring.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import picocli.CommandLine;

class RunCommandTest {
    static final String TOKEN = "123:abc";
    SecureRandom random = new SecureRandom();

    @Test
    void defaultsToPollingTelegramWithTheDataDirectoryHere() {
        RunSettings settings = RunCommand.settings(Map.of("GAWAHI_TELEGRAM_TOKEN", TOKEN), random);

        assertThat(settings.telegram().mode()).isEqualTo(TelegramMode.POLLING);
        assertThat(settings.telegram().apiUrl()).isEqualTo(TelegramSettings.DEFAULT_API_URL);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(settings.questionnaireFolder()).isEmpty();
        assertThat(settings.toString()).doesNotContain(TOKEN);
    }

    @Test
    void readsACustomApiUrlAndDataDirectory() {
        RunSettings settings = RunCommand.settings(Map.of("GAWAHI_TELEGRAM_TOKEN", TOKEN,
                "GAWAHI_TELEGRAM_API_URL", "http://127.0.0.1:8081", "GAWAHI_DATA_DIR", "/srv/gawahi"), random);

        assertThat(settings.telegram().apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/srv/gawahi"));
    }

    @Test
    void webhookModeTakesTheUrlAndSecret() {
        RunSettings settings = RunCommand.settings(Map.of("GAWAHI_TELEGRAM_TOKEN", TOKEN, "GAWAHI_MODE", "Webhook",
                "GAWAHI_WEBHOOK_URL", "https://example.org/hook", "GAWAHI_WEBHOOK_SECRET", "abc_DEF-1"), random);

        assertThat(settings.telegram().mode()).isEqualTo(TelegramMode.WEBHOOK);
        assertThat(settings.telegram().webhookUrl()).hasValue(URI.create("https://example.org/hook"));
        assertThat(settings.telegram().webhookSecret().orElseThrow().matches("abc_DEF-1")).isTrue();
        assertThat(settings.toString()).doesNotContain("abc_DEF-1");
    }

    @Test
    void webhookModeWithoutASecretMakesARandomOneTelegramAccepts() {
        RunSettings settings = RunCommand.settings(Map.of("GAWAHI_TELEGRAM_TOKEN", TOKEN, "GAWAHI_MODE", "webhook",
                "GAWAHI_WEBHOOK_URL", "https://example.org/hook"), random);

        String secret = settings.telegram().webhookSecret().orElseThrow().reveal();
        assertThat(secret).matches(TelegramSettings.WEBHOOK_SECRET).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void refusesAMissingToken() {
        assertThatThrownBy(() -> RunCommand.settings(Map.of(), random)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("GAWAHI_TELEGRAM_TOKEN is not set");
        assertThatThrownBy(() -> RunCommand.settings(Map.of("GAWAHI_TELEGRAM_TOKEN", "  "), random))
                .isInstanceOf(UserFacingException.class);
    }

    @Test
    void refusesAnUnknownMode() {
        assertThatThrownBy(() -> RunCommand.settings(Map.of("GAWAHI_TELEGRAM_TOKEN", TOKEN, "GAWAHI_MODE", "push"),
                random)).isInstanceOf(UserFacingException.class).hasMessageContaining("GAWAHI_MODE").hasMessageContaining("webhook");
    }

    @Test
    void refusesAWebhookWithoutHttpsUrl() {
        assertThatThrownBy(() -> RunCommand.settings(Map.of("GAWAHI_TELEGRAM_TOKEN", TOKEN, "GAWAHI_MODE", "webhook"),
                random)).isInstanceOf(UserFacingException.class).hasMessageContaining("GAWAHI_WEBHOOK_URL");
        assertThatThrownBy(() -> RunCommand.settings(Map.of("GAWAHI_TELEGRAM_TOKEN", TOKEN, "GAWAHI_MODE", "webhook",
                "GAWAHI_WEBHOOK_URL", "http://example.org/hook"), random)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("https://");
    }

    @Test
    void refusesAWebhookSecretTelegramWouldRefuse() {
        assertThatThrownBy(() -> RunCommand.settings(Map.of("GAWAHI_TELEGRAM_TOKEN", TOKEN, "GAWAHI_MODE", "webhook",
                "GAWAHI_WEBHOOK_URL", "https://example.org/hook", "GAWAHI_WEBHOOK_SECRET", "has space"), random))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("GAWAHI_WEBHOOK_SECRET");
    }

    @Test
    void refusesAnApiUrlThatIsNotHttp() {
        assertThatThrownBy(() -> RunCommand.settings(Map.of("GAWAHI_TELEGRAM_TOKEN", TOKEN,
                "GAWAHI_TELEGRAM_API_URL", "ftp://x"), random)).isInstanceOf(UserFacingException.class);
    }

    @Test
    @DisabledIfEnvironmentVariable(named = "GAWAHI_TELEGRAM_TOKEN", matches = ".*")
    void runWithoutATokenSaysWhatToSetAndExitsWithTwo() {
        StringWriter err = new StringWriter();
        CommandLine cli = GawahiCommand.commandLine();
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("run");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("GAWAHI_TELEGRAM_TOKEN is not set").doesNotContain("Exception");
    }

    @Test
    void passesSpringSettingsThrough() {
        CommandLine cli = GawahiCommand.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs("run", "--server.port=8081");

        RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(run.springArguments).containsExactly("--server.port=8081");
    }
}
