package org.gawahi.bot.moderation;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.bot.fixtures.RaidQuestionnaire;
import org.gawahi.bot.interview.Input;
import org.gawahi.config.questionnaire.DeskMessages;
import org.gawahi.config.questionnaire.DeskTexts;
import org.gawahi.bot.interview.Screen;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditEntry;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.gawahi.storage.roles.Roles;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a public URL, the chat offers the review app and carries counts only: no testimony, no
 * decision, whatever a moderator sends or presses there; without one, the chat reviews as
 * before and says what that costs.
 */
class ReviewAppOfferTest {
    private static final DeskTexts ENGLISH = DeskMessages.shipped().forLanguageCode("en");

    static final ChatRef MODERATOR = ChatRef.of(1_000_001L);
    static final ChatRef STRANGER = ChatRef.of(2_000_002L);
    static final String APP = "https://gawahi.example.org/review/";
    static final String CANARY = "CANARY-offer-51d2";
    static final Screen RESPONDENT = new Screen("respondent flow", List.of(), false, Optional.empty(), Screen.Ending.NONE);

    @TempDir
    Path dir;

    private TestStorage storage;
    private Opener opener;
    private AuditLog audit;
    private ModerationDesk.Unlocked unlocked;
    private String id;

    @BeforeEach
    void setUp() throws Exception {
        storage = TestStorage.create(dir.resolve("data"));
        opener = storage.unlock();
        Roles roles = new Roles(storage.db, TestStorage.RANDOM);
        try (RoleBook book = roles.open(opener)) {
            book.grant(MODERATOR.conversation(), Role.MODERATOR);
            roles.save(book, storage.keys.sealer(), opener);
        }
        audit = new AuditLog(storage.db, Clock.systemUTC());
        unlocked = new ModerationDesk.Unlocked(StorePorts.review(storage.db, opener, storage.keys.sealer(), Clock.systemUTC(),
                TestStorage.RANDOM), roles, opener, audit);
        storage.submissions.submit(ChatRef.of(77), new TestimonyContent("raid", 1, "en",
                Map.of("q24", List.of("not_returned")), Map.of("q29", "They took " + CANARY)).toJson(), true);
        id = new TestimonyTable(storage.db).pendingIds().get(0);
    }

    @AfterEach
    void tearDown() {
        opener.close();
        storage.close();
    }

    private ModerationDesk desk(Optional<String> app) {
        return new ModerationDesk((chat, lang, input) -> org.gawahi.bot.interview.Reply.of(RESPONDENT),
                RaidQuestionnaire.load(dir.resolve("q")), Optional.of(unlocked), ModerationDesk.DEFAULT_REVIEW_LIFETIME, app);
    }

    @Test
    void nextAndQueueOfferTheAppAndShowOnlyCounts() {
        ModerationDesk desk = desk(Optional.of(APP));
        for (String command : List.of("next", "queue")) {
            Screen screen = desk.handle(MODERATOR, "en", new Input.Command(command, "")).screen();
            assertThat(screen.text()).startsWith("Urgent, waiting: 1").contains(ENGLISH.message("review_in_the_app"))
                    .doesNotContain(CANARY).doesNotContain(id.substring(0, 8));
            assertThat(screen.buttons()).containsExactly(Screen.Button.webApp("web_app", ENGLISH.message("button_open_review"), APP));
        }
        assertThat(audit.entries(1, 100)).extracting(AuditEntry::action).doesNotContain(AuditAction.TESTIMONY_VIEWED);
    }

    @Test
    void anOldReviewButtonPressedInTheChatDecidesNothingWhenTheAppIsOn() {
        ModerationDesk desk = desk(Optional.of(APP));
        Screen screen = desk.handle(MODERATOR, "en", new Input.Press(DeskAction.APPROVE.data(id))).screen();
        assertThat(screen.text()).doesNotContain(CANARY);
        assertThat(new TestimonyTable(storage.db).find(id).orElseThrow().status()).isEqualTo(TestimonyStatus.PENDING);
    }

    @Test
    void aStrangerIsNotOfferedTheApp() {
        assertThat(desk(Optional.of(APP)).handle(STRANGER, "en", new Input.Command("queue", "")).screen()).isEqualTo(RESPONDENT);
    }

    @Test
    void withoutAPublicUrlTheChatReviewsAsBeforeAndSaysWhatItCosts() {
        ModerationDesk desk = desk(Optional.empty());
        assertThat(desk.handle(MODERATOR, "en", new Input.Command("queue", "")).screen().text()).contains(ENGLISH.message("review_chat_cost"));
        assertThat(desk.handle(MODERATOR, "en", new Input.Command("next", "")).screen().text()).contains(CANARY);
    }
}
