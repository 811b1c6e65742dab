package org.gawahi.bot.telegram;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.bot.moderation.ModerationDesk;
import org.gawahi.bot.moderation.Review;
import org.gawahi.bot.reports.ReportDesk;
import org.gawahi.bot.reports.ReportService;
import org.gawahi.bot.telegram.emulator.Button;
import org.gawahi.config.questionnaire.DeskMessages;
import org.gawahi.config.questionnaire.DeskTexts;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.gawahi.storage.roles.Roles;
import org.gawahi.storage.testimony.TestimonyContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desks speak the moderator's Telegram language, through the real client and the emulator:
 * the queue, a testimony's header and buttons, a decision's outcome, the reject reasons and the
 * report desk's answer, each in her language's {@code desk/<lang>.yaml}; a language with no
 * file gets English.
 */
class TelegramDeskLanguagesTest {
    private static final long MODERATOR = 9001;
    private static final long MEMBER = 9004;
    /** The shipped questionnaire with its reports (the harness's copy has none). */
    private static final Questionnaire RAID = QuestionnaireLoader.loadDefault();

    @TempDir
    Path dir;

    private BotHarness harness;
    private TestStorage storage;
    private Opener opener;

    static List<String> shipped() {
        return DeskMessages.SHIPPED;
    }

    private void start() throws Exception {
        storage = TestStorage.create(dir.resolve("sealed"));
        opener = storage.unlock();
        Roles roles = new Roles(storage.db, TestStorage.RANDOM);
        try (RoleBook book = roles.open(opener)) {
            book.grant(TelegramChats.conversation(MODERATOR), Role.MODERATOR);
            book.grant(TelegramChats.conversation(MEMBER), Role.COLLECTIVE);
            roles.save(book, storage.keys.sealer(), opener);
        }
        AuditLog audit = new AuditLog(storage.db, Clock.systemUTC());
        storage.submissions.submit(ChatRef.of(55), new TestimonyContent("raid", 1, "en",
                Map.of("q24", List.of("_skip")), Map.of("q29", "He took the money and left")).toJson(), true);
        Sealer sealer = storage.keys.sealer();
        Review review = StorePorts.review(storage.db, opener, sealer, Clock.systemUTC(), TestStorage.RANDOM);
        harness = BotHarness.withoutBot(Files.createDirectories(dir.resolve("bot")));
        harness.startBot(interview -> {
            ModerationDesk desk = new ModerationDesk(interview::handle, BotHarness.questionnaire(),
                    Optional.of(new ModerationDesk.Unlocked(review, roles, opener, audit)),
                    ModerationDesk.DEFAULT_REVIEW_LIFETIME);
            ReportDesk reports = new ReportDesk(desk::handle, RAID, Optional.of(new ReportDesk.Unlocked(
                    new ReportService(RAID, SuppressionRules.defaults(), Clock.systemUTC()),
                    StorePorts.reports(storage.db), roles, opener, sealer, Optional.empty(), audit)), Clock.systemUTC());
            return reports;
        });
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        if (opener != null) {
            opener.close();
        }
        if (storage != null) {
            storage.close();
        }
    }

    private static List<String> labels(Person person) {
        return person.screen().buttons().stream().map(Button::label).toList();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void theDesksSpeakTheModeratorsTelegramLanguage(String language) throws Exception {
        start();
        DeskTexts words = DeskMessages.shipped().forLanguageCode(language);
        Person moderator = new Person(harness, MODERATOR, "Rani", "rani_mod", language + "-IN");

        moderator.types("/queue");
        assertThat(moderator.screen().text()).startsWith(words.message("queue_urgent", "count", 1))
                .contains(words.message("queue_pending", "count", 1));
        assertThat(labels(moderator)).containsExactly(words.message("button_next"));

        moderator.presses("v:n");
        String shortId = moderator.button("v:a:").orElseThrow().callbackData().substring(4, 12);
        assertThat(moderator.screen().text())
                .startsWith(words.message("testimony_header", Map.of("id", shortId,
                        "day", java.time.LocalDate.now(Clock.systemUTC()).toString(), "status", words.message("status_pending"))))
                .contains(words.message("testimony_urgent"), words.message("answer_skipped"), words.message("mask_note"));
        assertThat(labels(moderator)).contains(words.message("button_approve"), words.message("button_reject"),
                words.message("button_urgent"), words.message("button_redact"), words.message("button_link"),
                words.message("button_skip"));

        moderator.presses("v:r:");
        assertThat(moderator.screen().text()).isEqualTo(words.message("reject_question"));
        assertThat(labels(moderator)).contains(words.message("reject_duplicate"), words.message("button_back"));
        moderator.presses("v:b:");

        moderator.presses("v:a:");
        assertThat(moderator.screen().text()).isEqualTo(words.message("outcome_done") + "\n\n" + words.message("queue_empty"));

        Person member = new Person(harness, MEMBER, "Lata", "lata_member", language);
        member.types("/report");
        assertThat(member.screen().text()).isEqualTo(words.message("report_no_signing_key"));
        if (!language.equals("en")) {
            assertThat(words.message("queue_empty")).isNotEqualTo(DeskMessages.shipped().english().message("queue_empty"));
        }
    }

    @Test
    void aModeratorWhoseLanguageHasNoFileGetsEnglish() throws Exception {
        start();
        Person moderator = new Person(harness, MODERATOR, "Rani", "rani_mod", "pt-BR");
        moderator.types("/queue");
        assertThat(moderator.screen().text()).startsWith("Urgent, waiting: 1\nWaiting for review: 1");
        assertThat(labels(moderator)).containsExactly("Next ▶");
    }
}
