package org.gawahi.bot.wiring;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.gawahi.bot.form.FormApi;
import org.gawahi.bot.form.FormPage;
import org.gawahi.bot.interview.Input;
import org.gawahi.bot.miniapp.LaunchValidator;
import org.gawahi.bot.interview.Interview;
import org.gawahi.bot.interview.Screen;
import org.gawahi.bot.moderation.ModerationDesk;
import org.gawahi.bot.moderation.Retention;
import org.gawahi.bot.moderation.Review;
import org.gawahi.bot.reviewapp.ReviewApi;
import org.gawahi.bot.reviewapp.ReviewPage;
import org.gawahi.storage.testimony.Decisions;
import org.gawahi.bot.brief.BriefDesk;
import org.gawahi.bot.brief.BriefService;
import org.gawahi.bot.reports.ReportDesk;
import org.gawahi.bot.reports.ReportService;
import org.gawahi.bot.telegram.BotStatus;
import org.gawahi.bot.telegram.SendLimits;
import org.gawahi.bot.telegram.Sleeper;
import org.gawahi.bot.telegram.TelegramBot;
import org.gawahi.bot.telegram.TelegramSettings;
import org.gawahi.bot.telegram.WebhookHandler;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.config.settings.ReportThresholds;
import org.gawahi.config.settings.Settings;
import org.gawahi.config.settings.SettingsLoader;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Pseudonyms;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.crypto.ServerSecret;
import org.gawahi.storage.crypto.VaultException;
import org.gawahi.storage.db.DataDirectoryLock;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.outbox.SealedOutbox;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.drafts.DraftKeys;
import org.gawahi.storage.drafts.DraftStore;
import org.gawahi.storage.drafts.InMemoryDraftStore;
import org.gawahi.storage.drafts.SealedDraftStore;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.roles.Roles;
import org.gawahi.storage.testimony.FormLinks;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.Submissions;
import org.gawahi.storage.updates.UpdateOffsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The whole object graph of the running bot, in one place. Everything it builds is plain Java
 * taking its collaborators in its constructor; Spring only calls these methods in order and
 * closes what they return, in reverse.
 */
@Configuration(proxyBeanMethods = false)
class BotConfiguration {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Questionnaire questionnaire(RunSettings settings) {
        return settings.questionnaireFolder().map(QuestionnaireLoader::load)
                .orElseGet(QuestionnaireLoader::loadDefault);
    }

    /**
     * Held for the whole run: `keys rotate` must not delete a key this process still seals to.
     * Taken only once the keys are read and unlocked, so that a wrong passphrase or missing
     * keys stop the start before the lock file or the database is created.
     */
    @Bean(destroyMethod = "close")
    DataDirectoryLock dataDirectoryLock(RunSettings settings, Sealer sealer, KeyAccess keyAccess) {
        return DataDirectoryLock.acquire(settings.dataDirectory());
    }

    @Bean(destroyMethod = "close")
    Database database(RunSettings settings, DataDirectoryLock lock) {
        return Database.open(settings.dataDirectory());
    }

    @Bean
    UpdateOffsets updateOffsets(Database database, Clock clock) {
        return new UpdateOffsets(database, clock);
    }

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    Keys keys(RunSettings settings, SecureRandom random, Clock clock) {
        return new Keys(settings.dataDirectory(), random, clock);
    }

    /**
     * Seals with the public key alone: enough to take testimonies (intake-only). Only to a key
     * the pin (GAWAHI_KEY_FINGERPRINT) or the passphrase vouches for, or the only key on disk;
     * anything else (an added key, a pin that differs) stops the start with one sentence.
     */
    @Bean
    Sealer sealer(Keys keys, RunSettings settings, KeyAccess keyAccess) throws VaultException {
        return keys.intakeSealer(settings.keyFingerprint(), keyAccess.opener());
    }

    /**
     * The keys opened with the passphrase, when one was given: review and reports need it.
     * A wrong passphrase stops the start with a clear message rather than running half-unlocked.
     */
    @Bean(destroyMethod = "close")
    KeyAccess keyAccess(RunSettings settings, Keys keys) throws VaultException {
        return KeyAccess.open(keys, settings.passphrase());
    }

    @Bean(destroyMethod = "close")
    Pseudonyms pseudonyms(Keys keys) throws VaultException {
        try (ServerSecret secret = keys.serverSecret()) {
            return new Pseudonyms(secret);
        }
    }

    /**
     * Drafts sealed in SQLite (joining the Telegram batch's transaction, so exactly-once covers
     * them) under a key made now and held in memory, whose one copy on disk is sealed to the
     * collective key: an unlocked start opens the earlier runs' keys and drafts resume, an
     * intake-only start cannot. In memory only when the collective chose GAWAHI_DRAFTS=memory.
     */
    @Bean(destroyMethod = "close")
    DraftStore draftStore(RunSettings settings, Database database, Sealer sealer, KeyAccess keyAccess,
                          SecureRandom random, Clock clock) {
        if (settings.drafts() == Settings.DraftMode.MEMORY) {
            return new InMemoryDraftStore(clock, settings.draftTimeToLive());
        }
        DraftKeys keys = DraftKeys.start(database, sealer, keyAccess.opener(), random, clock, settings.draftTimeToLive());
        return new SealedDraftStore(database, keys, clock, settings.draftTimeToLive());
    }

    @Bean(destroyMethod = "close")
    DraftPurge draftPurge(DraftStore draftStore) {
        return DraftPurge.every(DraftPurge.DEFAULT_INTERVAL, draftStore);
    }

    /** Rejected testimonies' content purged after gawahi.retention.rejected (default 30 days). */
    @Bean(destroyMethod = "close")
    RetentionSchedule retentionSchedule(Database database, Clock clock,
                                        @Value("${gawahi.retention.rejected:P30D}") Duration keepRejected) {
        return RetentionSchedule.every(RetentionSchedule.DEFAULT_INTERVAL, StorePorts.retention(database, clock, keepRejected));
    }

    @Bean
    Interview interview(Questionnaire questionnaire, DraftStore draftStore, Submissions submissions, Clock clock,
                        RunSettings settings) {
        return new Interview(questionnaire, draftStore, submissions, clock, settings.formUrl().map(URI::toString));
    }

    /** One audit log for both desks, so that refused strangers share one budget of entries. */
    @Bean
    AuditLog auditLog(Database database, Clock clock) {
        return new AuditLog(database, clock);
    }

    /**
     * Review in the chat, in front of the interview. Unlocked: moderators (checked against the
     * sealed role table on every input) review; intake-only: nobody can be checked, and the
     * review commands get the interview's answer, as for anyone without the role.
     */
    @Bean
    ModerationDesk moderationDesk(RunSettings settings, Interview interview, KeyAccess keyAccess, Database database,
                                  Sealer sealer, Clock clock, SecureRandom random, AuditLog auditLog,
                                  @Value("${gawahi.review-message-lifetime:PT10M}") Duration reviewLifetime) {
        keyAccess.opener().ifPresent(opener -> authenticateEarlierDecisions(database, opener, sealer, random));
        Optional<ModerationDesk.Unlocked> unlocked = keyAccess.opener().map(opener -> new ModerationDesk.Unlocked(
                StorePorts.review(database, opener, sealer, clock, random), new Roles(database, random), opener, auditLog));
        return new ModerationDesk(interview, interview.questionnaire(), unlocked, reviewLifetime,
                settings.publicUrl().map(url -> url.toString().replaceAll("/+$", "") + ReviewController.PATH + "/"));
    }

    /**
     * Once, on the first unlocked start after the upgrade: see {@link Decisions#authenticateEarlierDecisions}
     * and {@link Roles#authenticateExisting}. Then, on every unlocked start, says if the role table is refused.
     */
    private static void authenticateEarlierDecisions(Database database, org.gawahi.storage.crypto.Opener opener,
                                                     Sealer sealer, SecureRandom random) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BotConfiguration.class);
        Decisions.UpgradeOutcome outcome = new Decisions(database, opener).authenticateEarlierDecisions(sealer.keyId());
        Roles roles = new Roles(database, random);
        if (outcome.upgrade() == Decisions.Upgrade.DONE_NOW) {
            log.info("authenticated {} decisions made before "
                    + "this version, once, as the database holds them now ({} sealed to a key not unlocked left out)",
                    outcome.authenticated(), outcome.notOpened());
            if (roles.authenticateExisting(opener)) {
                log.info("authenticated the role table, once, as the database holds it now");
            }
        }
        try {
            if (roles.state(opener) == Roles.State.NOT_AUTHENTIC) {
                log.warn(Roles.NOT_AUTHENTIC);
            }
        } catch (org.gawahi.storage.crypto.CannotOpenException e) {
            log.warn("The role table is sealed to a key that is not unlocked: nobody can review until an operator "
                    + "runs `gawahi doctor`.");
        }
    }

    /**
     * The thresholds of the collective's reports, from GAWAHI_MIN_COUNT, GAWAHI_MIN_SENSITIVE_COUNT
     * GAWAHI_MIN_DENOMINATOR and GAWAHI_MIN_GROUP (safe defaults; never below 3), read as the CLI's {@code report} reads them.
     */
    @Bean
    SuppressionRules suppressionRules(@Value("${GAWAHI_MIN_COUNT:}") String minimumCount,
                                      @Value("${GAWAHI_MIN_SENSITIVE_COUNT:}") String minimumSensitiveCount,
                                      @Value("${GAWAHI_MIN_DENOMINATOR:}") String minimumDenominator,
                                      @Value("${GAWAHI_MIN_GROUP:}") String minimumGroup) {
        Map<String, String> variables = new HashMap<>();
        Map.of("GAWAHI_MIN_COUNT", minimumCount, "GAWAHI_MIN_SENSITIVE_COUNT", minimumSensitiveCount,
                "GAWAHI_MIN_DENOMINATOR", minimumDenominator, "GAWAHI_MIN_GROUP", minimumGroup).forEach((name, value) -> {
                    if (!value.isBlank()) {
                        variables.put(name, value);
                    }
                });
        ReportThresholds t = SettingsLoader.reportThresholds(variables);
        return SuppressionRules.of(t.minimumCount(), t.minimumSensitiveCount(), t.minimumDenominator(),
                t.minimumGroup());
    }

    /**
     * {@code /report} in the chat, in front of review: unlocked, members of the collective get
     * signed reports as documents; intake-only, the command gets what is behind the desk.
     */
    @Bean
    ReportDesk reportDesk(ModerationDesk moderationDesk, Interview interview, SuppressionRules suppressionRules,
                          KeyAccess keyAccess, Database database, Sealer sealer, SecureRandom random, Clock clock,
                          AuditLog auditLog) {
        Questionnaire questionnaire = interview.questionnaire();
        // A questionnaire without indicators has nothing to report: the desk then lets /report through.
        Optional<ReportDesk.Unlocked> unlocked = keyAccess.opener().filter(o -> questionnaire.indicators().defined())
                .map(opener -> new ReportDesk.Unlocked(new ReportService(questionnaire, suppressionRules, clock),
                        StorePorts.reports(database), new Roles(database, random), opener, sealer, keyAccess.signer(), auditLog));
        return new ReportDesk(moderationDesk, questionnaire, unlocked, clock);
    }

    /** {@code /brief} in the chat, in front of {@code /report}; intake-only, it gets what is behind the desk. */
    @Bean
    BriefDesk briefDesk(ReportDesk reportDesk, Interview interview, SuppressionRules suppressionRules,
                        KeyAccess keyAccess, Database database, Sealer sealer, SecureRandom random, Clock clock,
                        AuditLog auditLog) {
        Questionnaire questionnaire = interview.questionnaire();
        Optional<BriefDesk.Unlocked> unlocked = keyAccess.opener().filter(o -> BriefService.available(questionnaire))
                .map(opener -> new BriefDesk.Unlocked(new BriefService(questionnaire, suppressionRules, clock),
                        StorePorts.reports(database), new Roles(database, random), opener, sealer, keyAccess.signer(), auditLog));
        return new BriefDesk(reportDesk, questionnaire, unlocked);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    TelegramBot telegramBot(RunSettings settings, BriefDesk briefDesk, Interview interview, Database database, UpdateOffsets updateOffsets, Clock clock,
                            Sealer sealer, SecureRandom random, KeyAccess keyAccess) {
        TelegramSettings telegram = settings.formUrl().map(settings.telegram()::withForm).orElse(settings.telegram());
        // Briefs in front of reports in front of review in front of the interview: one desk, one reply.
        return new TelegramBot(telegram, briefDesk, interview.questionnaire(),
                database, updateOffsets, clock, SendLimits.telegram(), Sleeper.system(),
                new SealedOutbox(database, sealer, clock, random), keyAccess.opener());
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

    /**
     * The sealed submissions, of the chat and of the form alike. An urgent one from the chat is
     * told to the moderators through the interview's reply, after the commit (unlocked mode: the
     * review desk names them); the form's urgency is sealed inside the record, where the server
     * cannot see it.
     */
    @Bean
    SealedSubmissions formSubmissions(Database database, Sealer sealer, Pseudonyms pseudonyms, DraftStore draftStore,
                                      SecureRandom random, Clock clock) {
        return new SealedSubmissions(database, sealer, pseudonyms, draftStore, random, clock);
    }

    @Bean(destroyMethod = "close")
    LaunchPurge launchPurge(SealedSubmissions formSubmissions) {
        return LaunchPurge.every(LaunchPurge.DEFAULT_INTERVAL, formSubmissions);
    }

    /**
     * The sealed form at /form/ when GAWAHI_PUBLIC_URL is set (docs/OPERATING.md); without it,
     * everything under /form is not found and the chat is all there is.
     */
    @Bean
    FormController formController(RunSettings settings, SealedSubmissions formSubmissions, Sealer sealer,
                                  Pseudonyms pseudonyms, Questionnaire questionnaire, Database database,
                                  SecureRandom random, Clock clock) {
        Optional<FormApi> api = settings.publicUrl().map(url -> new FormApi(
                new LaunchValidator(settings.telegram().token(), clock),
                Optional.of(new FormLinks(database, pseudonyms, random, clock)), formSubmissions, sealer, pseudonyms,
                questionnaire, QuestionnaireLoader.source(settings.questionnaireFolder()), clock));
        return new FormController(api, new FormPage());
    }

    /**
     * The moderators' review app at /review/ when GAWAHI_PUBLIC_URL is set: the same Review, role
     * table and audit log as the chat's desk; intake-only, every call but its words is refused as locked.
     */
    @Bean
    ReviewController reviewController(RunSettings settings, KeyAccess keyAccess, Database database, Sealer sealer,
                                      Clock clock, SecureRandom random, AuditLog auditLog, Questionnaire questionnaire,
                                      TelegramBot telegramBot) {
        Optional<ModerationDesk.Unlocked> unlocked = keyAccess.opener().map(opener -> new ModerationDesk.Unlocked(
                StorePorts.review(database, opener, sealer, clock, random), new Roles(database, random), opener, auditLog));
        Optional<ReviewApi> api = settings.publicUrl().map(url -> new ReviewApi(
                new LaunchValidator(settings.telegram().token(), clock), unlocked, questionnaire,
                QuestionnaireLoader.source(settings.questionnaireFolder()), telegramBot::notice, clock));
        return new ReviewController(api, new ReviewPage());
    }

    @Bean
    TelegramHealthIndicator telegramHealthIndicator(BotStatus botStatus, KeyAccess keyAccess) {
        return new TelegramHealthIndicator(botStatus, keyAccess.state());
    }
}
