package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.gawahi.config.secret.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook's logic without a web server: secret, parsing, commit before 200, duplicates. */
class WebhookHandlerTest {
    static final String SECRET = "s3cret_Webhook-token";

    @TempDir
    Path dataDir;
    BotHarness harness;
    WebhookHandler webhook;
    Person rani;

    @BeforeEach
    void start() throws Exception {
        harness = BotHarness.withoutBot(dataDir);
        webhook = harness.startBot(webhookSettings(), UnaryOperator.identity()).webhook();
        rani = new Person(harness, 9401, "Rani", "rani_r", "en");
    }

    private TelegramSettings webhookSettings() {
        return TelegramSettings.webhook(Secret.of(BotHarness.TOKEN), URI.create(harness.emulator.baseUrl()),
                URI.create("https://gawahi.example/telegram/webhook"), Secret.of(SECRET));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    static byte[] startUpdate(long updateId, long chatId) {
        return ("{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId % 1000
                + ",\"date\":1790000000,\"chat\":{\"id\":" + chatId + ",\"type\":\"private\",\"first_name\":\"Rani\"},"
                + "\"from\":{\"id\":" + chatId + ",\"is_bot\":false,\"first_name\":\"Rani\",\"language_code\":\"en\"},"
                + "\"text\":\"/start\",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":6}],"
                + "\"some_future_field\":true}}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void setsTheWebhookWithTheSecretOnStart() {
        assertThat(harness.emulator.webhook()).hasValueSatisfying(hook -> {
            assertThat(hook.url()).isEqualTo("https://gawahi.example/telegram/webhook");
            assertThat(hook.secretToken()).hasValue(SECRET);
            assertThat(hook.allowedUpdates()).containsExactly("message", "edited_message", "callback_query");
        });
    }

    @Test
    void refusesAMissingOrWrongSecretBeforeReadingAnything() {
        assertThat(webhook.handle(null, startUpdate(10, rani.chatId()))).isEqualTo(WebhookHandler.UNAUTHORIZED);
        assertThat(webhook.handle("", startUpdate(10, rani.chatId()))).isEqualTo(WebhookHandler.UNAUTHORIZED);
        assertThat(webhook.handle(SECRET + "x", startUpdate(10, rani.chatId()))).isEqualTo(WebhookHandler.UNAUTHORIZED);
        assertThat(webhook.handle(SECRET.substring(1), startUpdate(10, rani.chatId())))
                .isEqualTo(WebhookHandler.UNAUTHORIZED);

        assertThat(harness.offsets.lastCommitted()).isEmpty();
        assertThat(harness.drafts.count()).isZero();
    }

    @Test
    void acceptsTheRightSecretAndAnswersOkOnlyAfterTheCommit() throws Exception {
        int status = webhook.handle(SECRET, startUpdate(10, rani.chatId()));

        assertThat(status).isEqualTo(WebhookHandler.OK);
        assertThat(harness.offsets.lastCommitted()).hasValue(10);
        assertThat(harness.drafts.count()).isEqualTo(1);
        harness.bot().awaitReplies(BotHarness.WAIT);
        assertThat(rani.screen().buttons()).isNotEmpty();
    }

    @Test
    void aRedeliveredUpdateIsAcknowledgedButNotAppliedAgain() throws Exception {
        webhook.handle(SECRET, startUpdate(10, rani.chatId()));
        harness.bot().awaitReplies(BotHarness.WAIT);

        assertThat(webhook.handle(SECRET, startUpdate(10, rani.chatId()))).isEqualTo(WebhookHandler.OK);
        harness.bot().awaitReplies(BotHarness.WAIT);

        assertThat(rani.chat().botMessages()).hasSize(1);
        assertThat(harness.emulator.requests("sendMessage")).hasSize(1);
    }

    @Test
    void refusesWhatIsNotAnUpdate() {
        assertThat(webhook.handle(SECRET, "not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(WebhookHandler.BAD_REQUEST);
        assertThat(webhook.handle(SECRET, "{}".getBytes(StandardCharsets.UTF_8))).isEqualTo(WebhookHandler.BAD_REQUEST);
        assertThat(webhook.handle(SECRET, new byte[0])).isEqualTo(WebhookHandler.BAD_REQUEST);
        assertThat(webhook.handle(SECRET, new byte[WebhookHandler.MAX_BODY_BYTES + 1])).isEqualTo(WebhookHandler.TOO_LARGE);
    }

    @Test
    void switchingBackToPollingDeletesTheWebhookAndPolls() throws Exception {
        harness.stopBot();

        harness.startBot();
        rani.types("/start");

        assertThat(harness.emulator.webhook()).isEmpty();
        assertThat(rani.screen().buttons()).isNotEmpty();
    }

    @Test
    void inPollingModeThereIsNoWebhook() throws Exception {
        harness.stopBot();
        WebhookHandler polling = harness.startBot().webhook();

        assertThat(polling.handle(SECRET, startUpdate(10, rani.chatId()))).isEqualTo(WebhookHandler.NOT_FOUND);
    }

    @Test
    void updateIdsThatStartAgainLowAfterAQuietWeekAreApplied() throws Exception {
        webhook.handle(SECRET, startUpdate(900_000, rani.chatId()));
        harness.bot().awaitReplies(BotHarness.WAIT);
        Person other = new Person(harness, 9402, "Other", null, "en");

        assertThat(webhook.handle(SECRET, startUpdate(12, other.chatId()))).isEqualTo(WebhookHandler.OK);
        harness.bot().awaitReplies(BotHarness.WAIT);

        assertThat(harness.offsets.lastCommitted()).hasValue(12);
        assertThat(other.chat().botMessages()).hasSize(1);
    }

    /** Restarts the webhook bot as if its last commit had been {@code daysAgo} days ago. */
    private void restartAsIfCommitted(int daysAgo) {
        harness.stopBot();
        long day = harness.offsets.today() - daysAgo;
        harness.database.run(c -> {
            try (var s = c.prepareStatement("UPDATE telegram_offset SET committed_day = ?")) {
                s.setLong(1, day);
                s.executeUpdate();
            }
        });
        webhook = harness.startBot(webhookSettings(), UnaryOperator.identity()).webhook();
    }

    @Test
    void twoDaysAfterTheLastCommitIdsThatStartAgainJustBelowItAreApplied() throws Exception {
        webhook.handle(SECRET, startUpdate(500, rani.chatId()));
        harness.bot().awaitReplies(BotHarness.WAIT);
        // Telegram keeps an update at most 24 hours: two days on, nothing can come again, and
        // ids that started again at random, here just below the last one, are new.
        restartAsIfCommitted(2);
        Person other = new Person(harness, 9403, "Other", null, "en");

        assertThat(webhook.handle(SECRET, startUpdate(450, other.chatId()))).isEqualTo(WebhookHandler.OK);
        harness.bot().awaitReplies(BotHarness.WAIT);

        assertThat(harness.offsets.lastCommitted()).hasValue(450);
        assertThat(harness.offsets.lastCommittedDay()).hasValue(harness.offsets.today());
        assertThat(other.chat().botMessages()).hasSize(1);
    }

    @Test
    void theDayAfterTheLastCommitAnIdJustBelowItIsStillTakenForARedelivery() throws Exception {
        webhook.handle(SECRET, startUpdate(500, rani.chatId()));
        harness.bot().awaitReplies(BotHarness.WAIT);
        restartAsIfCommitted(1);
        Person other = new Person(harness, 9404, "Other", null, "en");

        assertThat(webhook.handle(SECRET, startUpdate(450, other.chatId()))).isEqualTo(WebhookHandler.OK);
        harness.bot().awaitReplies(BotHarness.WAIT);

        assertThat(harness.offsets.lastCommitted()).hasValue(500);
        assertThat(other.chat().botMessages()).isEmpty();
    }
}
