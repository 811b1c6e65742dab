package org.gawahi.bot.telegram;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.gawahi.bot.moderation.ModerationDesk;
import org.gawahi.bot.moderation.Outcome;
import org.gawahi.bot.moderation.Review;
import org.gawahi.bot.reports.ReportDesk;
import org.gawahi.bot.telegram.emulator.Button;
import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.LeakScan;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditEntry;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.contact.ContactHandles;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.gawahi.storage.roles.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Contact back through the real client and the local Bot API emulator: a respondent asks for a
 * message in the bot, a moderator sends her exactly one, and then nobody can write to her again.
 */
class TelegramContactBackTest {
    static final long RESPONDENT_ID = 6_180_339_887L;
    static final String NAME = "Canaryfirstname";
    static final String USERNAME = "canary_contact_q7";
    static final String WORDS = "CANARY-WORDS they kept my phone";
    static final String MESSAGE = "Please come to the office on Monday, we can help with the court date.";

    @TempDir
    Path dir;

    private BotHarness harness;
    private Opener opener;
    private AuditLog audit;
    private Person moderator;
    private Person secondModerator;
    private Person stranger;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() throws Exception {
        logs.setContext(root.getLoggerContext());
        logs.start();
        root.addAppender(logs);
        harness = BotHarness.withoutBot(Files.createDirectories(dir.resolve("data")));
        opener = harness.storage.unlock();
        Roles roles = new Roles(harness.database, new java.security.SecureRandom());
        try (RoleBook book = roles.open(opener)) {
            book.grant(TelegramChats.conversation(9001), Role.MODERATOR);
            book.grant(TelegramChats.conversation(9003), Role.MODERATOR);
            roles.save(book, harness.storage.keys.sealer(), opener);
        }
        audit = new AuditLog(harness.database, Clock.systemUTC());
        Review review = StorePorts.review(harness.database, opener, harness.storage.keys.sealer(), Clock.systemUTC(),
                new java.security.SecureRandom());
        harness.startBot(interview -> {
            ModerationDesk desk = new ModerationDesk(interview::handle, BotHarness.questionnaire(),
                    Optional.of(new ModerationDesk.Unlocked(review, roles, opener, audit)), Duration.ofMinutes(10));
            // The composition the application runs, so a slip in its wiring fails here too.
            return new ReportDesk(desk, BotHarness.questionnaire(), Optional.empty(), Clock.systemUTC());
        });
        moderator = new Person(harness, 9001, "Rani", "rani_mod", "en");
        secondModerator = new Person(harness, 9003, "Lata", "lata_mod", "en");
        stranger = new Person(harness, 9002, "Someone", "someone", "en");
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        if (harness != null) {
            harness.close();
        }
        opener.close();
    }

    /** The whole questionnaire, choosing contact in the bot at u1 and u2 when {@code contact}; returns the receipt. */
    private static ChatMessage give(Person person, String language, boolean contact) throws InterruptedException {
        person.types("/start");
        person.presses("l:lang:" + language);
        for (int step = 0; step < 300; step++) {
            ChatMessage screen = person.screen();
            List<String> data = screen.buttons().stream().map(Button::callbackData).toList();
            if (data.contains(Presenter.CLEAR_DATA)) {
                return screen;
            }
            if (contact && data.contains("a:u1:contact")) {
                boolean ticked = screen.buttons().stream()
                        .anyMatch(b -> b.callbackData().equals("a:u1:contact") && b.label().startsWith("✓"));
                person.presses(ticked ? "d:u1:" : "a:u1:contact");
            } else if (contact && data.contains("a:u2:bot")) {
                person.presses("a:u2:bot");
            } else {
                Testimony.nextStep(person, screen, data, WORDS);
            }
        }
        throw new AssertionError("no receipt");
    }

    private List<AuditAction> actions() {
        return audit.entries(1, 1000).stream().map(AuditEntry::action).toList();
    }

    private String onlyTestimonyId() {
        return harness.testimonies.sealedRows().get(0).id();
    }

    private List<ChatMessage> collectiveMessages(Person person, String language) {
        String line = BotHarness.questionnaire().texts(language).message(Questionnaire.CONTACT_MESSAGE);
        return person.chat().botMessages().stream().filter(m -> m.text().startsWith(line)).toList();
    }

    @Test
    void aModeratorSendsExactlyOneProtectedMessageInHerLanguageAndNobodyCanWriteAgain() throws Exception {
        Person respondent = new Person(harness, RESPONDENT_ID, NAME, USERNAME, "hi");
        give(respondent, "hi", true);
        String id = onlyTestimonyId();
        ContactHandles handles = new ContactHandles(harness.database);
        assertThat(handles.exists(id)).isTrue();

        moderator.types("/next");
        assertThat(moderator.data()).contains("c:c:" + id, "c:x:" + id);
        moderator.presses("c:c:");
        assertThat(moderator.screen().text()).contains("Send the one message for her");
        harness.emulator.sendSticker(moderator.user);
        harness.settle();
        assertThat(moderator.screen().text()).isEqualTo(Outcome.CONTACT_NOT_TEXT.sentence());
        int before = respondent.chat().botMessages().size();
        moderator.types(MESSAGE);

        Eventually.holds(() -> !collectiveMessages(respondent, "hi").isEmpty());
        assertThat(moderator.screen().text()).startsWith(Outcome.CONTACT_SENT.sentence());
        assertThat(moderator.data()).noneMatch(d -> d.startsWith("c:c:") || d.startsWith("c:x:"));
        assertThat(handles.exists(id)).isFalse();
        assertThat(actions()).containsSubsequence(AuditAction.CONTACT_MESSAGE_SENT, AuditAction.CONTACT_HANDLE_ERASED);

        secondModerator.types("/next");
        secondModerator.pressesData(secondModerator.screen().id(), "c:c:" + id);
        assertThat(secondModerator.screen().text()).startsWith(Outcome.CONTACT_GONE.sentence());
        stranger.types("/start");
        stranger.pressesData(stranger.screen().id(), "m:c:" + id);
        stranger.types("Is anyone there?");
        assertThat(actions()).contains(AuditAction.CONTACT_REFUSED, AuditAction.ACCESS_REFUSED)
                .containsOnlyOnce(AuditAction.CONTACT_MESSAGE_SENT);

        assertThat(respondent.chat().botMessages()).hasSize(before + 1);
        List<ChatMessage> received = collectiveMessages(respondent, "hi");
        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.text()).endsWith("\n\n" + MESSAGE);
            assertThat(m.protectContent()).isTrue();
            assertThat(m.buttons()).isEmpty();
        });
        assertThat(audit.verify().ok()).isTrue();
        assertThat(new LeakScan().chatId("respondent chat id", RESPONDENT_ID).text("name", NAME)
                .text("username", USERNAME).text("moderator's message", MESSAGE).text("answer", WORDS)
                .findIn(LeakScan.filesUnder(dir))).isEmpty();
        List<String> lines = logs.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
        assertThat(lines).noneMatch(l -> l.contains(Long.toString(RESPONDENT_ID)) || l.contains(NAME)
                || l.contains(USERNAME) || l.contains(MESSAGE) || l.contains(WORDS));
    }

    @Test
    void aTestimonyWithoutContactConsentKeepsNoHandleAndShowsNoContactButton() throws Exception {
        Person respondent = new Person(harness, RESPONDENT_ID, NAME, USERNAME, "en");
        give(respondent, "en", false);

        moderator.types("/next");

        assertThat(moderator.screen().text()).contains("Testimony");
        assertThat(moderator.data()).noneMatch(d -> d.startsWith("c:c:") || d.startsWith("c:x:"));
        assertThat(new ContactHandles(harness.database).exists(onlyTestimonyId())).isFalse();
    }

    @Test
    void withdrawalErasesTheHandle() throws Exception {
        Person respondent = new Person(harness, RESPONDENT_ID, NAME, USERNAME, "en");
        ChatMessage receipt = give(respondent, "en", true);
        String code = receipt.text().replaceAll("(?s).*Your code: ([0-9 -]+).*", "$1").strip();
        String id = onlyTestimonyId();
        assertThat(new ContactHandles(harness.database).exists(id)).isTrue();

        respondent.types("/withdraw " + code);
        assertThat(new ContactHandles(harness.database).exists(id)).as("before the confirmation").isTrue();
        respondent.presses("w:withdraw:yes");

        assertThat(new ContactHandles(harness.database).exists(id)).isFalse();
        moderator.types("/queue");
        assertThat(actions()).doesNotContain(AuditAction.CONTACT_HANDLE_ERASED, AuditAction.CONTACT_MESSAGE_SENT);
    }
}
