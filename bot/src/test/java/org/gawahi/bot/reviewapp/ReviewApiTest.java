package org.gawahi.bot.reviewapp;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawahi.bot.miniapp.LaunchValidator;
import org.gawahi.bot.miniapp.TestLaunches;
import org.gawahi.bot.moderation.ModerationDesk;
import org.gawahi.bot.moderation.Review;
import org.gawahi.bot.telegram.TelegramChats;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.config.secret.Secret;
import org.gawahi.storage.MutableClock;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditEntry;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.events.EventTable;
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
import org.slf4j.LoggerFactory;

/**
 * The review app's API on a real data directory, attacked with every bad input of issue 16:
 * each refused with a clear code and sentence, audited where the chat review audits, and
 * nothing changed. Decisions made through it are audited under the chat's pseudonym.
 */
class ReviewApiTest {
    static final String TOKEN = "4242424242:AAReviewTestTokenReviewTestTokenRev";
    static final long MODERATOR = 5_000_111_222L;
    static final long SECOND = 5_000_333_444L;
    static final long STRANGER = 7_000_555_666L;
    static final String CANARY = "CANARY-review-9c1e-landlord";
    static final String ORIGINAL = "They came at night with " + CANARY + " and took the phones.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.at("2026-12-06T05:00:00Z");
    private TestStorage storage;
    private Opener opener;
    private Roles roles;
    private ReviewApi api;
    private TestimonyTable table;
    private final Map<Long, String> delivered = new java.util.concurrent.ConcurrentHashMap<>();
    private final ContactDeliveries deliveries = (chat, text) -> delivered.put(TelegramChats.id(chat), text);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() throws Exception {
        storage = TestStorage.create(data, clock);
        opener = storage.unlock();
        roles = new Roles(storage.db, TestStorage.RANDOM);
        try (RoleBook book = roles.open(opener)) {
            book.grant(TelegramChats.conversation(MODERATOR), Role.MODERATOR);
            book.grant(TelegramChats.conversation(SECOND), Role.MODERATOR);
            roles.save(book, storage.keys.sealer(), opener);
        }
        table = new TestimonyTable(storage.db);
        api = api(Optional.of(new ModerationDesk.Unlocked(StorePorts.review(storage.db, opener, storage.keys.sealer(), clock,
                TestStorage.RANDOM), roles, opener, new AuditLog(storage.db, clock))));
        logged.setContext(root.getLoggerContext());
        logged.start();
        root.addAppender(logged);
    }

    private ReviewApi api(Optional<ModerationDesk.Unlocked> unlocked) {
        return new ReviewApi(new LaunchValidator(Secret.of(TOKEN), TestLaunches.telegramPublicKey(), clock), unlocked,
                QuestionnaireLoader.loadDefault(), QuestionnaireLoader.source(Optional.empty()), deliveries, clock);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logged);
        opener.close();
        storage.close();
    }

    // --- fixtures -------------------------------------------------------------------------

    private String launch(long user, String language) {
        return TestLaunches.launch(TOKEN, user, language, clock.instant().minusSeconds(30));
    }

    private String submit(boolean askContact) {
        storage.submissions.submit(ChatRef.of(4242), new TestimonyContent("raid", 1, "hi",
                Map.of("q2", List.of("mh")), Map.of("q29", ORIGINAL)).toJson(),
                new Arrival(false, askContact ? Optional.of("hi") : Optional.empty()));
        return table.pendingIds().get(table.pendingIds().size() - 1);
    }

    private static String requestId() {
        byte[] id = new byte[16];
        TestStorage.RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private ObjectNode body(String initData, Object... fields) {
        ObjectNode body = JSON.createObjectNode();
        body.put("initData", initData);
        body.put("requestId", requestId());
        for (int i = 0; i < fields.length; i += 2) {
            body.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
        }
        return body;
    }

    private Answer call(String name, ObjectNode body) throws Exception {
        return call(api, name, body);
    }

    private static Answer call(ReviewApi api, String name, ObjectNode body) throws Exception {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ReviewResponse response = api.handle(name, bytes.length, new ByteArrayInputStream(bytes));
        return new Answer(response.status(), JSON.readTree(response.body()));
    }

    record Answer(int status, JsonNode json) {
    }

    private Answer decide(long user, String id, String action, Object... more) throws Exception {
        ObjectNode body = body(launch(user, "en"), "id", id, "action", action);
        for (int i = 0; i < more.length; i += 2) {
            body.set((String) more[i], JSON.valueToTree(more[i + 1]));
        }
        return call("decide", body);
    }

    private List<AuditEntry> audit() {
        return new AuditLog(storage.db, clock).entries(1, 1000);
    }

    private List<AuditAction> actions() {
        return audit().stream().map(AuditEntry::action).toList();
    }

    private String pseudonymOf(long user) throws Exception {
        try (RoleBook book = roles.open(opener)) {
            return book.actorPseudonym(TelegramChats.conversation(user));
        }
    }

    private String textOf(String id) throws Exception {
        JsonNode t = call("open", body(launch(MODERATOR, "en"), "id", id)).json().get("testimony");
        for (JsonNode item : t.get("items")) {
            if (item.get("question").asText().equals("q29")) {
                return item.get("text").asText();
            }
        }
        throw new AssertionError("no q29");
    }

    // --- what the page can do -------------------------------------------------------------

    @Test
    void opensTheNextTestimonyWithQuestionsInTheModeratorsLanguageAndAuditsTheReading() throws Exception {
        String id = submit(false);
        Answer opened = call("open", body(launch(MODERATOR, "hi")));
        assertThat(opened.status()).isEqualTo(200);
        JsonNode t = opened.json().get("testimony");
        assertThat(t.get("id").asText()).isEqualTo(id);
        String hindiLabel = QuestionnaireLoader.loadDefault().texts("hi").shortLabel("q29");
        assertThat(t.get("items").toString()).contains(hindiLabel).contains(CANARY);
        assertThat(audit()).extracting(AuditEntry::action, AuditEntry::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.TESTIMONY_VIEWED, pseudonymOf(MODERATOR)));
    }

    @Test
    void aDecisionInTheAppIsAuditedUnderTheSamePseudonymAsInTheChat() throws Exception {
        String id = submit(false);
        assertThat(decide(MODERATOR, id, "approve").status()).isEqualTo(200);
        assertThat(table.find(id).orElseThrow().status()).isEqualTo(TestimonyStatus.APPROVED);
        assertThat(audit()).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.TESTIMONY_APPROVED);
            assertThat(e.actor()).isEqualTo(pseudonymOf(MODERATOR));
            assertThat(e.subject()).contains(id);
        });
    }

    @Test
    void queueListsUrgentFirstWithWaitingDaysAndNoContent() throws Exception {
        String older = submit(false);
        clock.advance(java.time.Duration.ofDays(3));
        String urgent = submit(false);
        decide(MODERATOR, urgent, "urgent");
        Answer queue = call("queue", body(launch(MODERATOR, "en")));
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().get("urgent").asInt()).isEqualTo(1);
        assertThat(queue.json().get("waiting").get(0).get("id").asText()).isEqualTo(urgent);
        assertThat(queue.json().get("waiting").get(1).get("id").asText()).isEqualTo(older);
        assertThat(queue.json().get("waiting").get(1).get("waitingDays").asInt()).isEqualTo(3);
        assertThat(queue.json().toString()).doesNotContain(CANARY);
    }

    @Test
    void redactsLinksAndRejectsWithAReason() throws Exception {
        String id = submit(false);
        assertThat(decide(MODERATOR, id, "redact", "question", "q29", "text", "They came at night.").status())
                .isEqualTo(200);
        assertThat(textOf(id)).isEqualTo("They came at night.");
        assertThat(decide(MODERATOR, id, "link", "event", "new").status()).isEqualTo(200);
        String event = new EventTable(storage.db).recent(1).get(0).id();
        assertThat(table.find(id).orElseThrow().eventId()).isEqualTo(event);
        String other = submit(false);
        assertThat(decide(MODERATOR, other, "link", "event", event).status()).isEqualTo(200);
        assertThat(decide(MODERATOR, other, "reject", "reason", "duplicate").status()).isEqualTo(200);
        assertThat(table.find(other).orElseThrow().status()).isEqualTo(TestimonyStatus.REJECTED);
        assertThat(actions()).contains(AuditAction.TESTIMONY_REDACTED, AuditAction.EVENT_CREATED,
                AuditAction.EVENT_LINKED, AuditAction.TESTIMONY_REJECTED);
    }

    @Test
    void contactSendsOneMessageThroughTheBotAndOnlyOnce() throws Exception {
        String id = submit(true);
        assertThat(decide(MODERATOR, id, "contact", "message", "Call the collective.").json().get("outcome").asText())
                .isEqualTo("contact_sent");
        assertThat(delivered).containsOnlyKeys(4242L);
        assertThat(delivered.get(4242L)).endsWith("Call the collective.");
        delivered.clear();
        Answer again = decide(MODERATOR, id, "contact", "message", "Twice?");
        assertThat(again.json().get("outcome").asText()).isEqualTo("contact_gone");
        assertThat(delivered).isEmpty();
        assertThat(actions()).containsSubsequence(AuditAction.CONTACT_MESSAGE_SENT, AuditAction.CONTACT_HANDLE_ERASED,
                AuditAction.CONTACT_REFUSED);
    }

    // --- bad input: refused, audited where the chat audits, nothing changed ------------------

    @Test
    void rejectsAStrangersLaunchAndAuditsTheAttemptAsTheChatDoes() throws Exception {
        String id = submit(false);
        Answer answer = decide(STRANGER, id, "approve");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("error").asText()).isEqualTo("not_moderator");
        assertThat(answer.json().get("message").asText()).isEqualTo("You do not hold the moderator role now.");
        assertThat(table.find(id).orElseThrow().status()).isEqualTo(TestimonyStatus.PENDING);
        assertThat(audit()).extracting(AuditEntry::action, AuditEntry::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.ACCESS_REFUSED, pseudonymOf(STRANGER)));
        assertThat(call("open", body(launch(STRANGER, "en"))).status()).isEqualTo(403);
        assertThat(actions()).doesNotContain(AuditAction.TESTIMONY_VIEWED);
    }

    @Test
    void rejectsAForgedLaunchOrOneSignedForAnotherBot() throws Exception {
        String id = submit(false);
        String forged = launch(MODERATOR, "en").replaceFirst("hash=[0-9a-f]{4}", "hash=0000");
        Answer answer = call("decide", body(forged, "id", id, "action", "approve"));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("error").asText()).isEqualTo("launch_invalid");
        String otherBot = TestLaunches.launch("1111111111:AAAnotherBotAnotherBotAnotherBot000", MODERATOR, "en",
                clock.instant().minusSeconds(30));
        assertThat(call("decide", body(otherBot, "id", id, "action", "approve")).status()).isEqualTo(401);
        assertThat(table.find(id).orElseThrow().status()).isEqualTo(TestimonyStatus.PENDING);
        assertThat(audit()).isEmpty();
    }

    @Test
    void aRoleRevokedBetweenTwoCallsRefusesTheSecond() throws Exception {
        String id = submit(false);
        String initData = launch(MODERATOR, "en");
        assertThat(call("open", body(initData, "id", id)).status()).isEqualTo(200);
        try (RoleBook book = roles.open(opener)) {
            book.revoke(TelegramChats.conversation(MODERATOR), Role.MODERATOR);
            roles.save(book, storage.keys.sealer(), opener);
        }
        Answer answer = call("decide", body(initData, "id", id, "action", "approve"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("error").asText()).isEqualTo("not_moderator");
        assertThat(table.find(id).orElseThrow().status()).isEqualTo(TestimonyStatus.PENDING);
        assertThat(actions()).containsExactly(AuditAction.TESTIMONY_VIEWED, AuditAction.ACCESS_REFUSED);
    }

    @Test
    void aReplayedRequestIsRefusedAndNothingIsDoneTwice() throws Exception {
        String id = submit(false);
        ObjectNode linkNew = body(launch(MODERATOR, "en"), "id", id, "action", "link", "event", "new");
        assertThat(call("decide", linkNew).status()).isEqualTo(200);
        Answer replay = call("decide", linkNew);
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.json().get("error").asText()).isEqualTo("replayed");
        assertThat(new EventTable(storage.db).recent(10)).hasSize(1);
        assertThat(actions()).containsExactly(AuditAction.EVENT_CREATED, AuditAction.EVENT_LINKED);
        ObjectNode noId = body(launch(MODERATOR, "en"), "id", id, "action", "approve");
        noId.remove("requestId");
        assertThat(call("decide", noId).json().get("error").asText()).isEqualTo("replayed");
        assertThat(table.find(id).orElseThrow().status()).isEqualTo(TestimonyStatus.PENDING);
    }

    @Test
    void aLaunchOlderThanAnHourIsRefusedEvenWithAFreshRequestId() throws Exception {
        String id = submit(false);
        String initData = launch(MODERATOR, "en");
        clock.advance(java.time.Duration.ofMinutes(61));
        assertThat(call("decide", body(initData, "id", id, "action", "approve")).json().get("error").asText())
                .isEqualTo("launch_invalid");
        assertThat(table.find(id).orElseThrow().status()).isEqualTo(TestimonyStatus.PENDING);
    }

    @Test
    void aDecisionOnAWithdrawnTestimonyIsRefusedAndAudited() throws Exception {
        org.gawahi.storage.testimony.ReceiptCode receipt = storage.submissions.submit(ChatRef.of(4242),
                new TestimonyContent("raid", 1, "hi", Map.of("q2", List.of("mh")), Map.of("q29", ORIGINAL)).toJson());
        String id = table.pendingIds().get(0);
        storage.submissions.withdraw(receipt);
        Answer answer = decide(MODERATOR, id, "approve");
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("outcome").asText()).isEqualTo("gone");
        assertThat(answer.json().get("message").asText()).contains("no longer there");
        assertThat(table.find(id).orElseThrow().status()).isEqualTo(TestimonyStatus.WITHDRAWN);
        assertThat(actions()).containsExactly(AuditAction.TESTIMONY_DECISION_REFUSED);
    }

    @Test
    void ofTwoModeratorsTheFirstDecisionStandsAndBothAreAudited() throws Exception {
        String id = submit(false);
        assertThat(decide(MODERATOR, id, "approve").status()).isEqualTo(200);
        Answer second = decide(SECOND, id, "reject", "reason", "not_a_raid");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("outcome").asText()).isEqualTo("already_decided");
        assertThat(table.find(id).orElseThrow().status()).isEqualTo(TestimonyStatus.APPROVED);
        assertThat(audit()).extracting(AuditEntry::action, AuditEntry::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditAction.TESTIMONY_APPROVED, pseudonymOf(MODERATOR)),
                org.assertj.core.groups.Tuple.tuple(AuditAction.TESTIMONY_DECISION_REFUSED, pseudonymOf(SECOND)));
    }

    @Test
    void aRedactionLongerThanTheOriginalOrEmptyIsRefusedAndTheAnswerStands() throws Exception {
        String id = submit(false);
        Answer longer = decide(MODERATOR, id, "redact", "question", "q29", "text", ORIGINAL + "!");
        assertThat(longer.json().get("outcome").asText()).isEqualTo("redaction_too_long");
        Answer empty = decide(MODERATOR, id, "redact", "question", "q29", "text", "   ");
        assertThat(empty.json().get("outcome").asText()).isEqualTo("redaction_empty");
        assertThat(longer.status()).isEqualTo(409);
        assertThat(textOf(id)).isEqualTo(ORIGINAL);
        assertThat(actions()).doesNotContain(AuditAction.TESTIMONY_REDACTED);
    }

    @Test
    void aForgedEventIdLinksNothing() throws Exception {
        String id = submit(false);
        for (String forged : List.of("f".repeat(32), "'; drop table events; --", "new2")) {
            Answer answer = decide(MODERATOR, id, "link", "event", forged);
            assertThat(answer.json().get("outcome").asText()).isEqualTo("no_such_event");
            assertThat(answer.json().get("message").asText()).isEqualTo("There is no such raid event.");
        }
        assertThat(table.find(id).orElseThrow().eventId()).isNull();
        assertThat(actions()).doesNotContain(AuditAction.EVENT_LINKED, AuditAction.EVENT_CREATED);
    }

    @Test
    void aMalformedTestimonyIdOrActionIsABadRequest() throws Exception {
        String id = submit(false);
        assertThat(decide(MODERATOR, "../" + id, "approve").json().get("error").asText()).isEqualTo("bad_request");
        assertThat(decide(MODERATOR, id, "delete").json().get("error").asText()).isEqualTo("bad_request");
        assertThat(decide(MODERATOR, id, "reject", "reason", "because").json().get("error").asText())
                .isEqualTo("bad_request");
        assertThat(table.find(id).orElseThrow().status()).isEqualTo(TestimonyStatus.PENDING);
    }

    @Test
    void aLockedBotRefusesEverythingButTheWordsClearly() throws Exception {
        ReviewApi locked = api(Optional.empty());
        Answer words = call(locked, "words", body(launch(MODERATOR, "hi")));
        assertThat(words.status()).isEqualTo(200);
        assertThat(words.json().get("language").asText()).isEqualTo("hi");
        Answer queue = call(locked, "queue", body(launch(MODERATOR, "en")));
        assertThat(queue.status()).isEqualTo(503);
        assertThat(queue.json().get("error").asText()).isEqualTo("locked");
        assertThat(queue.json().get("message").asText()).contains("intake-only");
    }

    @Test
    void noLogLineCarriesTheTestimonyOrTheModeratorsId() throws Exception {
        String id = submit(false);
        call("open", body(launch(MODERATOR, "en"), "id", id));
        decide(MODERATOR, id, "redact", "question", "q29", "text", ORIGINAL + ORIGINAL);
        decide(STRANGER, id, "approve");
        decide(MODERATOR, id, "approve");
        assertThat(logged.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain(CANARY).doesNotContain(Long.toString(MODERATOR)).doesNotContain(Long.toString(STRANGER)));
    }
}
