package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawahi.bot.fixtures.FaultyDrafts;
import org.gawahi.bot.interview.Desk;
import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Interview;
import org.gawahi.bot.telegram.emulator.Button;
import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.gawahi.config.questionnaire.Texts;
import org.gawahi.config.secret.Secret;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fails in the middle of one person's submission, through the emulator and the real
 * bot: her sealed row, receipt hash and draft erasure are undone together, she is told kindly and
 * keeps her answers, and the other people of the same batch (worked on in parallel, in one
 * transaction) or of the next webhook request are not touched.
 */
class SubmissionFaultTest {
    private static final String SUBMIT = "r:review:submit";
    private static final Pattern RECEIPT = Pattern.compile("\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}");

    @TempDir
    Path dataDir;
    BotHarness harness;
    FaultyDrafts drafts;
    Interview faultyInterview;
    final AtomicInteger submitPresses = new AtomicInteger();
    final Texts en = BotHarness.questionnaire().texts("en");

    @BeforeEach
    void start() throws Exception {
        harness = BotHarness.withoutBot(dataDir);
        Clock clock = Clock.systemUTC();
        drafts = new FaultyDrafts(harness.drafts);
        SealedSubmissions submissions = new SealedSubmissions(harness.database, harness.storage.keys.sealer(),
                harness.storage.pseudonyms, drafts, TestStorage.RANDOM, clock);
        faultyInterview = new Interview(BotHarness.questionnaire(), drafts, submissions, clock);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    /** The engine over the faulty draft store, counting the presses of the send button. */
    private Desk faultyEngine(Desk ignored) {
        return (chat, language, input) -> {
            if (input instanceof Input.Press p && p.buttonId().equals(SUBMIT)) {
                submitPresses.incrementAndGet();
            }
            return faultyInterview.handle(chat, language, input);
        };
    }

    private static void answerUpToTheReview(Person person, String freeText) throws InterruptedException {
        person.types("/start");
        person.presses("l:lang:en");
        for (int step = 0; !person.data().contains(SUBMIT); step++) {
            assertThat(step).as("steps to the review").isLessThan(300);
            ChatMessage screen = person.screen();
            Testimony.nextStep(person, screen, screen.buttons().stream().map(Button::callbackData).toList(), freeText);
        }
    }

    /** How many stored testimonies hold this free text. */
    private long rowsWith(String freeText) throws Exception {
        return harness.openTestimonies().stream().map(TestimonyContent::texts)
                .filter(texts -> texts.containsValue(freeText)).count();
    }

    private static ReceiptCode receiptOn(ChatMessage screen) {
        Matcher m = RECEIPT.matcher(screen.text());
        assertThat(m.find()).as("a receipt on the screen").isTrue();
        return ReceiptCode.parse(m.group()).orElseThrow();
    }

    private boolean hasDraft(Person person) {
        return harness.drafts.load(ChatRef.of(person.chatId())).isPresent();
    }

    @Test
    void aFaultInOnePersonsSubmissionInsideABatchUndoesHersAloneAndSheSendsAgainOnce() throws Exception {
        harness.startBot(this::faultyEngine);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Person person = new Person(harness, 9500 + i, "P" + i, null, "en");
            answerUpToTheReview(person, "words of person " + i);
            people.add(person);
        }
        Person her = people.get(1);
        harness.stopBot();
        // One batch: the four press "send" together; her draft erasure, the last write of her
        // submission, fails on a worker thread after her row and receipt hash are written.
        for (Person person : people) {
            harness.emulator.pressButton(person.user, person.screen().id(), SUBMIT);
        }
        drafts.failNextEraseOf(ChatRef.of(her.chatId()));
        harness.startBot(this::faultyEngine);
        harness.settle();

        assertThat(submitPresses.get()).as("the batch committed once, not retried update by update").isEqualTo(4);
        assertThat(rowsWith("words of person 1")).as("no row of hers").isZero();
        assertThat(hasDraft(her)).as("her draft kept").isTrue();
        assertThat(her.screen().text()).startsWith(en.message("submit_failed"));
        assertThat(her.data()).contains(SUBMIT);
        for (Person other : List.of(people.get(0), people.get(2), people.get(3))) {
            int i = people.indexOf(other);
            assertThat(rowsWith("words of person " + i)).isEqualTo(1);
            assertThat(hasDraft(other)).isFalse();
            assertThat(harness.submissions.status(receiptOn(other.screen()))).contains(TestimonyStatus.PENDING);
        }

        her.presses(SUBMIT);

        assertThat(rowsWith("words of person 1")).isEqualTo(1);
        assertThat(harness.testimonies.count()).isEqualTo(4);
        assertThat(hasDraft(her)).isFalse();
        ReceiptCode receipt = receiptOn(her.screen());
        assertThat(harness.submissions.status(receipt)).contains(TestimonyStatus.PENDING);
        assertThat(harness.submissions.withdraw(receipt)).isTrue();
        assertThat(rowsWith("words of person 1")).as("her receipt reaches her only row").isZero();
    }

    @Test
    void aFaultInASubmissionByWebhookUndoesItAloneAndTheRequestIsStillAnswered() throws Exception {
        harness.startBot(this::faultyEngine);
        Person her = new Person(harness, 9601, "Rani", "rani_r", "en");
        Person other = new Person(harness, 9602, "Meena", null, "en");
        answerUpToTheReview(her, "her words");
        answerUpToTheReview(other, "other words");
        harness.stopBot();
        WebhookHandler webhook = harness.startBot(webhookSettings(), this::faultyEngine).webhook();
        long next = harness.offsets.lastCommitted().orElseThrow() + 1;
        drafts.failNextEraseOf(ChatRef.of(her.chatId()));

        assertThat(webhook.handle(WebhookHandlerTest.SECRET, press(next, her))).isEqualTo(WebhookHandler.OK);
        assertThat(webhook.handle(WebhookHandlerTest.SECRET, press(next + 1, other))).isEqualTo(WebhookHandler.OK);
        assertThat(harness.bot().awaitReplies(BotHarness.WAIT)).isTrue();

        assertThat(harness.offsets.lastCommitted()).hasValue(next + 1);
        assertThat(rowsWith("her words")).isZero();
        assertThat(hasDraft(her)).isTrue();
        assertThat(her.screen().text()).startsWith(en.message("submit_failed"));
        assertThat(rowsWith("other words")).isEqualTo(1);
        assertThat(hasDraft(other)).isFalse();

        assertThat(webhook.handle(WebhookHandlerTest.SECRET, press(next + 2, her))).isEqualTo(WebhookHandler.OK);
        assertThat(harness.bot().awaitReplies(BotHarness.WAIT)).isTrue();

        assertThat(rowsWith("her words")).isEqualTo(1);
        assertThat(harness.testimonies.count()).isEqualTo(2);
        assertThat(harness.submissions.status(receiptOn(her.screen()))).contains(TestimonyStatus.PENDING);
    }

    private TelegramSettings webhookSettings() {
        return TelegramSettings.webhook(Secret.of(BotHarness.TOKEN), URI.create(harness.emulator.baseUrl()),
                URI.create("https://gawahi.example/telegram/webhook"), Secret.of(WebhookHandlerTest.SECRET));
    }

    /** The update Telegram would POST when she presses "send" on the screen she has now. */
    private static byte[] press(long updateId, Person person) {
        long chat = person.chatId();
        return ("{\"update_id\":" + updateId + ",\"callback_query\":{\"id\":\"q" + updateId + "\","
                + "\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"P\",\"language_code\":\"en\"},"
                + "\"message\":{\"message_id\":" + person.screen().id() + ",\"date\":1790000000,"
                + "\"chat\":{\"id\":" + chat + ",\"type\":\"private\",\"first_name\":\"P\"}},"
                + "\"chat_instance\":\"1\",\"data\":\"" + SUBMIT + "\"}}").getBytes(StandardCharsets.UTF_8);
    }
}
