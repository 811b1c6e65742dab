package org.gawahi.bot.moderation;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.bot.buttons.ButtonCodec;
import org.gawahi.bot.buttons.Namespace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.gawahi.bot.fixtures.RaidQuestionnaire;
import org.gawahi.bot.interview.AfterCommit;
import org.gawahi.bot.interview.Desk;
import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Reply;
import org.gawahi.bot.interview.Screen;
import org.gawahi.bot.telegram.TelegramChats;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditEntry;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.contact.ContactHandles;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.gawahi.storage.roles.Roles;
import org.gawahi.storage.testimony.Arrival;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModerationDeskTest {
    /** Pinned here in full: the English of the desk's message file must not drift. */
    private static final String ASK = "Send the one message for her, as text (at most 3000 characters). The bot sends "
            + "it to her chat once, under a line in her language saying it is from the collective, and then erases the "
            + "way to reach her. Write nothing that would harm her if someone else reads her phone. Send /next to leave it.";
    static final ChatRef MODERATOR = ChatRef.of(1_000_001L);
    static final ChatRef STRANGER = ChatRef.of(2_000_002L);
    static final Screen RESPONDENT = new Screen("respondent flow", List.of(), false, Optional.empty(), Screen.Ending.NONE);
    /** The desk behind: the respondent's flow, nothing after the commit. */
    static final Desk BEHIND = (chat, lang, input) -> Reply.of(RESPONDENT);

    @TempDir
    Path dir;

    private TestStorage storage;
    private Opener opener;
    private Roles roles;
    private AuditLog audit;
    private ModerationDesk desk;
    private Questionnaire questionnaire;

    @BeforeEach
    void setUp() throws Exception {
        storage = TestStorage.create(dir.resolve("data"));
        opener = storage.unlock();
        roles = new Roles(storage.db, TestStorage.RANDOM);
        try (RoleBook book = roles.open(opener)) {
            book.grant(MODERATOR.conversation(), Role.MODERATOR);
            roles.save(book, storage.keys.sealer(), opener);
        }
        audit = new AuditLog(storage.db, Clock.systemUTC());
        questionnaire = RaidQuestionnaire.load(dir.resolve("q"));
        Review review = StorePorts.review(storage.db, opener, storage.keys.sealer(), Clock.systemUTC(), TestStorage.RANDOM);
        desk = new ModerationDesk(BEHIND, questionnaire,
                Optional.of(new ModerationDesk.Unlocked(review, roles, opener, audit)),
                ModerationDesk.DEFAULT_REVIEW_LIFETIME);
        storage.submissions.submit(ChatRef.of(77), new TestimonyContent("raid", 1, "en",
                Map.of("q24", List.of("not_returned")), Map.of("q29", "They took my phone [#phone] away")).toJson(), true);
    }

    @AfterEach
    void tearDown() {
        opener.close();
        storage.close();
    }

    private Screen as(ChatRef chat, Input input) {
        return reply(chat, input).screen();
    }

    private Reply reply(ChatRef chat, Input input) {
        return desk.handle(chat, "en", input);
    }

    private List<AuditEntry> entries() {
        return audit.entries(1, 1000);
    }

    private String pseudonymOf(ChatRef chat) throws Exception {
        try (RoleBook book = roles.open(opener)) {
            return book.actorPseudonym(chat.conversation());
        }
    }

    private String button(Screen screen, String label) {
        return screen.buttons().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow().id();
    }

    @Test
    void strangersNextGetsTheRespondentFlowAndIsAudited() throws Exception {
        assertThat(as(STRANGER, new Input.Command("next", ""))).isEqualTo(RESPONDENT);
        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.ACCESS_REFUSED);
            assertThat(e.actor()).isEqualTo(pseudonymOf(STRANGER));
        });
    }

    @Test
    void aRoleTableSealedWithOnlyThePublicKeyAndWrittenBySqlOpensNoReviewToAnyone() throws Exception {
        long adversary = 6_660_666L;
        org.gawahi.storage.crypto.Sealer publicKeyOnly = new org.gawahi.storage.crypto.Keys(dir.resolve("data"),
                TestStorage.RANDOM, Clock.systemUTC()).sealer();
        String json = "{\"version\":1,\"actorKey\":\"" + "A".repeat(43) + "=\",\"grants\":{\"" + adversary
                + "\":[\"ADMIN\"],\"" + TelegramChats.id(MODERATOR) + "\":[\"MODERATOR\"]}}";
        byte[] sealed = publicKeyOnly.seal(org.gawahi.config.secret.SecretBytes.adopt(
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                org.gawahi.storage.crypto.AssociatedData.of("roles", "1", 1, publicKeyOnly.keyId()).bytes());
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + storage.db.file());
             var s = c.prepareStatement("UPDATE roles SET sealed = ?")) { // the honest MAC stays beside it
            s.setBytes(1, sealed);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        assertThat(as(ChatRef.of(adversary), new Input.Command("queue", ""))).isEqualTo(RESPONDENT);
        assertThat(as(ChatRef.of(adversary), new Input.Command("next", ""))).isEqualTo(RESPONDENT);
        assertThat(as(MODERATOR, new Input.Command("next", ""))).isEqualTo(RESPONDENT); // refused whole, not merged
        assertThat(roles.state(opener)).isEqualTo(Roles.State.NOT_AUTHENTIC);
        assertThat(entries()).extracting(AuditEntry::action).containsOnly(AuditAction.ACCESS_REFUSED);
    }

    @Test
    void strangerPressingAReviewButtonChangesNothing() {
        String id = new TestimonyTable(storage.db).pendingIds().get(0);
        assertThat(as(STRANGER, new Input.Press("m:a:" + id))).isEqualTo(RESPONDENT);
        assertThat(new TestimonyTable(storage.db).find(id).orElseThrow().status()).isEqualTo(TestimonyStatus.PENDING);
        assertThat(entries()).extracting(AuditEntry::action).containsExactly(AuditAction.ACCESS_REFUSED);
    }

    @Test
    void ordinaryInputGoesToTheInterviewUnaudited() {
        assertThat(as(MODERATOR, new Input.Start())).isEqualTo(RESPONDENT);
        assertThat(as(STRANGER, new Input.Text("hello"))).isEqualTo(RESPONDENT);
        assertThat(entries()).isEmpty();
    }

    @Test
    void moderatorSeesTheQueueOpensRedactsAndApproves() throws Exception {
        Screen queue = as(MODERATOR, new Input.Command("queue", ""));
        assertThat(queue.text()).startsWith("Urgent, waiting: 1").endsWith("New testimonies are sealed to the collective key "
                + storage.keys.state().collectiveKeys().get(0).fingerprint().grouped() + ". It must match the fingerprint "
                + "your collective wrote down; if not, tell an operator at once.");
        Screen opened = as(MODERATOR, new Input.Press(button(queue, "Next ▶")));
        assertThat(opened.text()).contains("URGENT").contains("They took my phone [#phone] away");
        Screen which = as(MODERATOR, new Input.Press(button(opened, "Redact")));
        Screen ask = as(MODERATOR, new Input.Press(which.buttons().get(0).id()));
        assertThat(ask.text()).contains("may not be longer");
        Screen tooLong = as(MODERATOR, new Input.Text("x".repeat(200)));
        assertThat(tooLong.text()).contains("longer than the original");
        Screen redacted = as(MODERATOR, new Input.Text("They took my phone away"));
        assertThat(redacted.text()).startsWith("Done.").contains("They took my phone away").doesNotContain("phone [#phone]");
        Screen linked = as(MODERATOR, new Input.Press(button(as(MODERATOR, new Input.Press(button(redacted, "Link to raid"))),
                "New raid event")));
        assertThat(linked.text()).startsWith("Done.").contains("event ");
        Screen approved = as(MODERATOR, new Input.Press(button(linked, "Approve")));
        assertThat(approved.text()).contains("Done.").contains("Nothing is waiting for review.");
        assertThat(new TestimonyTable(storage.db).countByStatus()).containsEntry(TestimonyStatus.APPROVED, 1);
        assertThat(entries()).allSatisfy(e -> assertThat(e.actor()).isEqualTo(pseudonymOf(MODERATOR)));
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void rejectTakesAReasonFromTheList() {
        Screen opened = as(MODERATOR, new Input.Command("next", ""));
        Screen reasons = as(MODERATOR, new Input.Press(button(opened, "Reject")));
        Screen done = as(MODERATOR, new Input.Press(button(reasons, RejectReason.DUPLICATE.label())));
        assertThat(done.text()).contains("Done.");
        assertThat(new TestimonyTable(storage.db).countByStatus()).containsEntry(TestimonyStatus.REJECTED, 1);
    }

    @Test
    void forgedReviewButtonIsStaleAndChangesNothing() {
        assertThat(as(MODERATOR, new Input.Press("m:a:not-an-id")).text()).isEqualTo("That button is out of date. Send /next.");
        assertThat(as(MODERATOR, new Input.Press("m:rr:99:" + "0".repeat(32))).text()).isEqualTo("That button is out of date. Send /next.");
        assertThat(entries()).isEmpty();
    }

    @Test
    void revokedModeratorIsRefusedFromTheNextCommand() throws Exception {
        try (RoleBook book = roles.open(opener)) {
            book.revoke(MODERATOR.conversation(), Role.MODERATOR);
            roles.save(book, storage.keys.sealer(), opener);
        }
        assertThat(as(MODERATOR, new Input.Command("next", ""))).isEqualTo(RESPONDENT);
        assertThat(entries()).extracting(AuditEntry::action).containsExactly(AuditAction.ACCESS_REFUSED);
    }

    @Test
    void anUrgentArrivalBehindTheDeskBecomesAContentFreeMessageToEveryModeratorInThatReplyOnly() throws Exception {
        ChatRef second = ChatRef.of(1_000_003L);
        try (RoleBook book = roles.open(opener)) {
            book.grant(second.conversation(), Role.MODERATOR);
            roles.save(book, storage.keys.sealer(), opener);
        }
        AfterCommit.Documents other = new AfterCommit.Documents(() -> AfterCommit.Delivery.say("kept"));
        Desk submitting = (chat, lang, input) -> input instanceof Input.Text t && t.text().equals("urgent")
                ? Reply.of(RESPONDENT).and(new AfterCommit.UrgentArrival()).and(other) : Reply.of(RESPONDENT);
        ModerationDesk front = new ModerationDesk(submitting, questionnaire, Optional.of(new ModerationDesk.Unlocked(
                StorePorts.review(storage.db, opener, storage.keys.sealer(), Clock.systemUTC(), TestStorage.RANDOM), roles,
                opener, audit)));

        Reply quiet = front.handle(STRANGER, "en", new Input.Text("ordinary"));
        Reply urgent = front.handle(STRANGER, "en", new Input.Text("urgent"));
        Reply after = front.handle(STRANGER, "en", new Input.Text("ordinary"));

        assertThat(quiet.afterCommit()).isEmpty();
        assertThat(urgent.screen()).isEqualTo(RESPONDENT);
        assertThat(urgent.afterCommit()).containsExactly(
                new AfterCommit.Message(MODERATOR, "An urgent testimony has arrived. Send /queue."),
                new AfterCommit.Message(second, "An urgent testimony has arrived. Send /queue."), other);
        assertThat(after.afterCommit()).as("told once, with the input that stored it").isEmpty();
    }

    @Test
    void severalArrivalsInOneReplyAreOneNoticeThatCountsThem() throws Exception {
        Desk submitting = (chat, lang, input) -> Reply.of(RESPONDENT).and(new AfterCommit.UrgentArrival())
                .and(new AfterCommit.UrgentArrival());
        ModerationDesk front = new ModerationDesk(submitting, questionnaire, Optional.of(new ModerationDesk.Unlocked(
                StorePorts.review(storage.db, opener, storage.keys.sealer(), Clock.systemUTC(), TestStorage.RANDOM), roles,
                opener, audit)));

        assertThat(front.handle(STRANGER, "en", new Input.Text("two")).afterCommit()).containsExactly(
                new AfterCommit.Message(MODERATOR, "2 urgent testimonies have arrived. Send /queue."));
    }

    @Test
    void withoutTheKeysAnUrgentArrivalIsToldToNobody() {
        Desk submitting = (chat, lang, input) -> Reply.of(RESPONDENT).and(new AfterCommit.UrgentArrival());
        ModerationDesk locked = new ModerationDesk(submitting, questionnaire, Optional.empty());

        assertThat(locked.handle(STRANGER, "en", new Input.Text("urgent")).afterCommit())
                .noneMatch(AfterCommit.Message.class::isInstance);
    }

    @Test
    void reviewScreensExpireOtherScreensDoNot() {
        assertThat(reply(MODERATOR, new Input.Command("next", "")).expiresAfter())
                .contains(ModerationDesk.DEFAULT_REVIEW_LIFETIME);
        assertThat(reply(MODERATOR, new Input.Start()).expiresAfter()).isEmpty();
        assertThat(reply(STRANGER, new Input.Command("next", "")).expiresAfter()).isEmpty();
    }

    @Test
    void intakeOnlyAnswersEveryDeskInputAsTheInterviewSoNobodyLearnsTheKeyState() {
        ModerationDesk locked = new ModerationDesk(BEHIND, questionnaire, Optional.empty());
        assertThat(locked.handle(MODERATOR, "en", new Input.Command("next", "")).screen()).isEqualTo(RESPONDENT);
        assertThat(locked.handle(STRANGER, "en", new Input.Command("queue", "")).screen()).isEqualTo(RESPONDENT);
        assertThat(locked.handle(STRANGER, "en", new Input.Press("m:n")).screen()).isEqualTo(RESPONDENT);
        assertThat(locked.handle(STRANGER, "en", new Input.Text("hi")).screen()).isEqualTo(RESPONDENT);
        assertThat(entries()).isEmpty();
    }

    @Test
    void aMonthButtonIsTheInterviewsLockedOrUnlockedAndUnaudited() {
        String monthQuestion = questionnaire.questions().stream()
                .filter(q -> q.kind() == org.gawahi.config.questionnaire.QuestionKind.MONTH_YEAR).findFirst().orElseThrow().id();
        Input month = new Input.Press("m:" + monthQuestion + ":2");
        ModerationDesk locked = new ModerationDesk(BEHIND, questionnaire, Optional.empty());

        assertThat(as(STRANGER, month)).isEqualTo(RESPONDENT);
        assertThat(as(MODERATOR, month)).isEqualTo(RESPONDENT);
        assertThat(locked.handle(STRANGER, "en", month).screen()).isEqualTo(RESPONDENT);
        assertThat(entries()).isEmpty();
    }

    private String submitAskingForContact(long chat, String language) {
        storage.submissions.submit(ChatRef.of(chat), new TestimonyContent("raid", 1, language,
                Map.of("u1", List.of("aggregate", "contact"), "u2", List.of("bot")), Map.of()).toJson(),
                new Arrival(true, Optional.of(language)));
        return new TestimonyTable(storage.db).pendingIds().stream().filter(new ContactHandles(storage.db)::exists)
                .findFirst().orElseThrow();
    }

    private List<AuditAction> actions() {
        return entries().stream().map(AuditEntry::action).toList();
    }

    @Test
    void aTestimonyWithoutContactConsentShowsNoContactButton() {
        Screen opened = as(MODERATOR, new Input.Command("next", ""));

        assertThat(opened.buttons()).extracting(Screen.Button::id).noneMatch(id -> id.startsWith("c:c:") || id.startsWith("c:x:"));
        assertThat(opened.text()).doesNotContain("She asked for one message back through this bot. Contact her: you write it, the bot sends it once and "
                + "then erases the way to reach her. Close case: erase it without writing.");
    }

    @Test
    void contactSendsOneMessageInHerLanguageOnlyAfterGoodText() {
        String id = submitAskingForContact(4242, "hi");
        Screen opened = as(MODERATOR, new Input.Press("m:b:" + id));
        assertThat(opened.text()).contains("She asked for one message back through this bot. Contact her: you write it, the bot sends it once and "
                + "then erases the way to reach her. Close case: erase it without writing.");

        List<Reply> bad = List.of(reply(MODERATOR, new Input.Press("c:c:" + id)),
                reply(MODERATOR, new Input.Unsupported("sticker")), reply(MODERATOR, new Input.Text("   ")),
                reply(MODERATOR, new Input.Text("x".repeat(ContactBack.MAX_MESSAGE + 1))));
        assertThat(bad).extracting(r -> r.screen().text()).containsExactly(ASK, Outcome.CONTACT_NOT_TEXT.sentence(),
                Outcome.CONTACT_EMPTY.sentence(), Outcome.CONTACT_TOO_LONG.sentence());
        assertThat(bad).allSatisfy(r -> assertThat(r.afterCommit()).isEmpty());
        assertThat(new ContactHandles(storage.db).exists(id)).as("bad input loses nothing").isTrue();

        Reply sentReply = reply(MODERATOR, new Input.Text("  Please come to the office on Monday.  "));
        Screen sent = sentReply.screen();

        assertThat(sent.text()).startsWith(Outcome.CONTACT_SENT.sentence());
        assertThat(sent.buttons()).extracting(Screen.Button::id).noneMatch(b -> b.startsWith("c:c:"));
        assertThat(sentReply.afterCommit()).containsExactly(new AfterCommit.Message(ChatRef.of(4242),
                questionnaire.texts("hi").message(Questionnaire.CONTACT_MESSAGE) + "\n\nPlease come to the office on Monday."));
        assertThat(reply(MODERATOR, new Input.Command("next", "")).afterCommit()).isEmpty();
        assertThat(new ContactHandles(storage.db).exists(id)).isFalse();
        assertThat(actions()).containsSubsequence(AuditAction.CONTACT_MESSAGE_SENT, AuditAction.CONTACT_HANDLE_ERASED);
    }

    @Test
    void contactAfterTheHandleIsGoneIsRefusedKindlyAndAudited() {
        String id = submitAskingForContact(4243, "en");
        as(MODERATOR, new Input.Press("c:c:" + id));
        assertThat(reply(MODERATOR, new Input.Text("We can help with the court date.")).afterCommit()).hasSize(1);

        Reply again = reply(MODERATOR, new Input.Press("c:c:" + id));

        assertThat(again.screen().text()).startsWith(Outcome.CONTACT_GONE.sentence());
        assertThat(again.afterCommit()).isEmpty();
        assertThat(actions()).endsWith(AuditAction.CONTACT_REFUSED, AuditAction.TESTIMONY_VIEWED);
    }

    @Test
    void twoModeratorsWritingAtOnceSendOnlyOneMessage() throws Exception {
        ChatRef second = ChatRef.of(1_000_003L);
        try (RoleBook book = roles.open(opener)) {
            book.grant(second.conversation(), Role.MODERATOR);
            roles.save(book, storage.keys.sealer(), opener);
        }
        String id = submitAskingForContact(4244, "en");
        as(MODERATOR, new Input.Press("c:c:" + id));
        as(second, new Input.Press("c:c:" + id));

        Reply first = reply(MODERATOR, new Input.Text("first"));
        Reply late = reply(second, new Input.Text("second"));
        assertThat(first.screen().text()).startsWith(Outcome.CONTACT_SENT.sentence());
        assertThat(late.screen().text()).startsWith(Outcome.CONTACT_GONE.sentence());

        assertThat(first.afterCommit()).singleElement()
                .satisfies(m -> assertThat(((AfterCommit.Message) m).text()).endsWith("first"));
        assertThat(late.afterCommit()).isEmpty();
        assertThat(actions()).containsOnlyOnce(AuditAction.CONTACT_MESSAGE_SENT).contains(AuditAction.CONTACT_REFUSED);
    }

    @Test
    void closeCaseAsksFirstAndBackLeavesTheCaseOpen() {
        String id = submitAskingForContact(4247, "en");

        Screen asked = as(MODERATOR, new Input.Press("c:x:" + id));

        assertThat(asked.text()).isEqualTo("Close this case? The way to reach her is erased for good: no message can be sent to her any more.");
        assertThat(asked.buttons()).extracting(Screen.Button::id).containsExactly("c:xx:" + id, "v:b:" + id);
        assertThat(new ContactHandles(storage.db).exists(id)).isTrue();
        Screen back = as(MODERATOR, new Input.Press("m:b:" + id));
        assertThat(back.buttons()).extracting(Screen.Button::id).contains("c:x:" + id);
        assertThat(new ContactHandles(storage.db).exists(id)).isTrue();
        assertThat(actions()).doesNotContain(AuditAction.CONTACT_HANDLE_ERASED);
    }

    @Test
    void closingTheCaseErasesTheHandleWithoutWriting() {
        String id = submitAskingForContact(4245, "en");

        as(MODERATOR, new Input.Press("c:x:" + id));
        Reply closed = reply(MODERATOR, new Input.Press("m:xx:" + id));

        assertThat(closed.screen().text()).startsWith(Outcome.CONTACT_CLOSED.sentence());
        assertThat(new ContactHandles(storage.db).exists(id)).isFalse();
        assertThat(closed.afterCommit()).isEmpty();
        assertThat(actions()).contains(AuditAction.CONTACT_HANDLE_ERASED).doesNotContain(AuditAction.CONTACT_MESSAGE_SENT);
    }

    @Test
    void aStrangerForgingTheContactButtonReachesNobody() {
        String id = submitAskingForContact(4246, "en");

        Reply forged = reply(STRANGER, new Input.Press("m:c:" + id));
        Reply hello = reply(STRANGER, new Input.Text("hello"));
        assertThat(forged.screen()).isEqualTo(RESPONDENT);
        assertThat(hello.screen()).isEqualTo(RESPONDENT);

        assertThat(forged.afterCommit()).isEmpty();
        assertThat(hello.afterCommit()).isEmpty();
        assertThat(new ContactHandles(storage.db).exists(id)).isTrue();
        assertThat(actions()).containsExactly(AuditAction.ACCESS_REFUSED);
    }

    @Test
    void aMonthPressIsNeverTheDesksEvenForAQuestionNamedLikeADeskAction() {
        ModerationDesk locked = new ModerationDesk(BEHIND, questionnaire, Optional.empty());
        for (String question : List.of("q1", "a", "n", "rr", "c", "x", "xx")) {
            for (int month = 0; month <= 12; month++) {
                Input press = new Input.Press("m:" + question + ":" + month);
                assertThat(as(STRANGER, press)).as(press.toString()).isEqualTo(RESPONDENT);
                assertThat(as(MODERATOR, press)).as(press.toString()).isEqualTo(RESPONDENT);
                assertThat(locked.handle(STRANGER, "en", press).screen()).isEqualTo(RESPONDENT);
            }
        }
        assertThat(entries()).as("nobody audited as a refused moderator").isEmpty();
    }

    @Test
    void everyButtonTheDeskDrawsIsTheDesksFitsTelegramAndReadsBackAsItWasWritten() {
        String id = submitAskingForContact(4250, "en");
        List<Screen> screens = new ArrayList<>();
        screens.add(as(MODERATOR, new Input.Command("queue", "")));
        Screen opened = as(MODERATOR, new Input.Press(org.gawahi.bot.buttons.ButtonData.of(Namespace.MODERATION, "b", id).data()));
        screens.add(opened);
        screens.add(as(MODERATOR, new Input.Press(button(opened, "Reject"))));
        screens.add(as(MODERATOR, new Input.Press(button(opened, "Link to raid"))));
        as(MODERATOR, new Input.Press(button(screens.get(screens.size() - 1), "New raid event")));
        screens.add(as(MODERATOR, new Input.Press(button(opened, "Link to raid"))));
        screens.add(as(MODERATOR, new Input.Press(button(opened, "Close case"))));
        String withTextId = new TestimonyTable(storage.db).pendingIds().stream().filter(p -> !p.equals(id)).findFirst().orElseThrow();
        Screen withText = as(MODERATOR, new Input.Press(org.gawahi.bot.buttons.ButtonData.of(Namespace.MODERATION, "b", withTextId).data()));
        screens.add(withText);
        screens.add(as(MODERATOR, new Input.Press(button(withText, "Redact"))));

        List<String> data = screens.stream().flatMap(screen -> screen.buttons().stream()).map(Screen.Button::id).toList();
        assertThat(data).as("every kind of desk button was drawn")
                .anyMatch(d -> d.startsWith("v:rr:")).anyMatch(d -> d.startsWith("v:ll:")).anyMatch(d -> d.startsWith("v:eq:"))
                .anyMatch(d -> d.startsWith("c:xx:")).anyMatch(d -> d.startsWith("c:c:")).contains("v:n");
        for (String d : data) {
            assertThat(d.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(d).isLessThanOrEqualTo(ButtonCodec.MAX_BYTES);
            var read = ButtonCodec.decode(d).orElseThrow(() -> new AssertionError("not read: " + d));
            assertThat(read.namespace()).as(d).isIn(Namespace.MODERATION, Namespace.CONTACT);
            assertThat(read.data()).isEqualTo(d);
        }
    }

    @Test
    void theDesksOldButtonsStillWorkForAModerator() {
        String id = submitAskingForContact(4251, "en");
        assertThat(as(MODERATOR, new Input.Press("m:n")).text()).contains("Testimony");
        assertThat(as(MODERATOR, new Input.Press("m:c:" + id)).text()).isEqualTo(ASK);
        as(MODERATOR, new Input.Command("next", ""));
        assertThat(as(MODERATOR, new Input.Press("m:a:" + id)).text()).startsWith("Done.");
        assertThat(new TestimonyTable(storage.db).find(id).orElseThrow().status()).isEqualTo(TestimonyStatus.APPROVED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v:a:not-an-id", "v:zz:0123456789abcdef0123456789abcdef", "v:rr:99:0123456789abcdef0123456789abcdef",
            "v:", "v:a", "c:c:not-an-id", "c:zz:0123456789abcdef0123456789abcdef", "c:", "m:a:not-an-id", "m:"})
    void forgedDataOfTheDesksNamespacesIsStaleForAModeratorAndChangesNothing(String data) {
        assertThat(as(MODERATOR, new Input.Press(data)).text()).isEqualTo("That button is out of date. Send /next.");
        assertThat(new TestimonyTable(storage.db).countByStatus()).containsOnlyKeys(TestimonyStatus.PENDING);
        assertThat(entries()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v:a:", "v:n", "c:c:", "c:xx:", "m:a:"})
    void aStrangerPressingADesksButtonOfEitherNamespaceGetsTheInterviewAndIsAudited(String prefix) {
        String id = new TestimonyTable(storage.db).pendingIds().get(0);
        String data = prefix.endsWith(":") ? prefix + id : prefix;
        assertThat(as(STRANGER, new Input.Press(data))).isEqualTo(RESPONDENT);
        assertThat(new TestimonyTable(storage.db).countByStatus()).containsOnlyKeys(TestimonyStatus.PENDING);
        assertThat(actions()).containsExactly(AuditAction.ACCESS_REFUSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:q5:night", "w:withdraw:yes", "z:clear:now", "t:x:y", "r:review:submit"})
    void otherNamespacesDataGoesPastTheDeskUnaudited(String data) {
        assertThat(as(MODERATOR, new Input.Press(data))).isEqualTo(RESPONDENT);
        assertThat(as(STRANGER, new Input.Press(data))).isEqualTo(RESPONDENT);
        assertThat(entries()).isEmpty();
    }
}
