package org.gawahi.bot.wiring;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import org.gawahi.bot.interview.Interview;
import org.gawahi.bot.telegram.BotStatus;
import org.gawahi.bot.telegram.SendLimits;
import org.gawahi.bot.telegram.Sleeper;
import org.gawahi.bot.telegram.TelegramBot;
import org.gawahi.bot.telegram.WebhookHandler;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.drafts.DraftStore;
import org.gawahi.storage.drafts.InMemoryDraftStore;
import org.gawahi.storage.testimony.InMemorySubmissions;
import org.gawahi.storage.testimony.Submissions;
import org.gawahi.storage.updates.UpdateOffsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The whole object graph of the running bot, in one place. Everything it builds is plain Java
 * taking its collaborators in its constructor; Spring only calls these methods in order and
 * closes what they return, in reverse.
 */
@Configuration(proxyBeanMethods = false)
class BotConfiguration {
    static final Duration DRAFT_LIFETIME = Duration.ofHours(24);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Questionnaire questionnaire(RunSettings settings) {
        return settings.questionnaireFolder().map(QuestionnaireLoader::load)
                .orElseGet(QuestionnaireLoader::loadDefault);
    }

    @Bean(destroyMethod = "close")
    Database database(RunSettings settings) {
        return Database.open(settings.dataDirectory());
    }

    @Bean
    UpdateOffsets updateOffsets(Database database) {
        return new UpdateOffsets(database);
    }

    // ---------------------------------------------------------------------------------------
    // THE STORES. The SQLite DraftStore and Submissions plug in here, and only here: build them
    // on the `database` bean above (they join the Telegram batch's transaction through
    // Database.run), and exactly-once then covers drafts and testimonies too. Until then drafts
    // and testimonies live in this process's memory and are lost on restart.
    // ---------------------------------------------------------------------------------------
    @Bean
    DraftStore draftStore(Clock clock) {
        return new InMemoryDraftStore(clock, DRAFT_LIFETIME);
    }

    @Bean
    Submissions submissions(DraftStore draftStore) {
        return new InMemorySubmissions(draftStore, new SecureRandom());
    }
    // ---------------------------------------------------------------------------------------

    @Bean
    Interview interview(Questionnaire questionnaire, DraftStore draftStore, Submissions submissions, Clock clock) {
        return new Interview(questionnaire, draftStore, submissions, clock);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    TelegramBot telegramBot(RunSettings settings, Interview interview, Database database, UpdateOffsets updateOffsets,
                            Clock clock) {
        return new TelegramBot(settings.telegram(), interview::handle, interview.questionnaire(), database,
                updateOffsets, clock, SendLimits.telegram(), Sleeper.system());
    }

    @Bean
    WebhookHandler webhookHandler(TelegramBot telegramBot) {
        return telegramBot.webhook();
    }

    @Bean
    BotStatus botStatus(TelegramBot telegramBot) {
        return telegramBot.status();
    }

    @Bean
    WebhookController webhookController(WebhookHandler webhookHandler) {
        return new WebhookController(webhookHandler);
    }

    @Bean
    TelegramHealthIndicator telegramHealthIndicator(BotStatus botStatus) {
        return new TelegramHealthIndicator(botStatus);
    }
}
