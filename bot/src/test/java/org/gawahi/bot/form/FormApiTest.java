package org.gawahi.bot.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawahi.bot.miniapp.LaunchValidator;
import org.gawahi.bot.miniapp.TestLaunches;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.MutableClock;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The form's API on a real data directory: every bad input of issue 15 refused with its status,
 * nothing stored, and one log line that carries the code and nothing of the request.
 */
class FormApiTest {
    static final String TOKEN = "4242424242:AAFormTestTokenFormTestTokenFormTest";
    static final String OTHER_TOKEN = "1111111111:AAAnotherBotAnotherBotAnotherBot000";
    static final long USER = 7_000_123_456L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.at("2026-12-06T05:00:00Z");
    private TestStorage storage;
    private Sealer sealer;
    private FormApi api;
    private TestimonyTable table;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() throws Exception {
        storage = TestStorage.create(data, clock);
        sealer = storage.keys.sealer();
        table = new TestimonyTable(storage.db);
        Questionnaire questionnaire = QuestionnaireLoader.loadDefault();
        api = new FormApi(new LaunchValidator(Secret.of(TOKEN), TestLaunches.telegramPublicKey(), clock),
                storage.submissions, sealer, storage.pseudonyms, questionnaire,
                QuestionnaireLoader.source(java.util.Optional.empty()), clock);
        logged.setContext(root.getLoggerContext());
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logged);
        storage.close();
    }

    private String launch() {
        return TestLaunches.launch(TOKEN, USER, "hi", clock.instant().minusSeconds(30));
    }

    private static String newId() {
        byte[] id = new byte[16];
        TestStorage.RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private byte[] seal(String id, String text) {
        SecretBytes json = new TestimonyContent("raid", 1, "hi", Map.of("q2", List.of("mh")), Map.of("q29", text))
                .toJson();
        return sealer.seal(json, SealedSubmissions.associatedData(id, 1, sealer.keyId()));
    }

    private static byte[] submitBody(String initData, String id, byte[] record) {
        ObjectNode body = JSON.createObjectNode();
        body.put("initData", initData);
        body.put("id", id);
        body.put("record", Base64.getEncoder().encodeToString(record));
        body.putNull("contactLanguage");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private FormResponse submit(byte[] body) {
        return api.submit(body.length, new ByteArrayInputStream(body));
    }

    private static JsonNode json(FormResponse response) throws Exception {
        return JSON.readTree(response.body());
    }

    private void assertRefusedWithNothingStored(FormResponse response, FormError error) throws Exception {
        assertThat(response.status()).isEqualTo(error.status());
        assertThat(json(response).get("error").asText()).isEqualTo(error.code());
        assertThat(table.count()).isZero();
        assertOneContentFreeLine(error);
    }

    private void assertOneContentFreeLine(FormError error) {
        assertThat(logged.list).singleElement().satisfies(e ->
                assertThat(e.getFormattedMessage()).matches("form refused a request: " + error.code() + " \\(\\d+ so far\\)"));
        logged.list.clear();
    }

    @Test
    void opensWithTheQuestionnaireHerLanguageAndTheCollectivesKey() throws Exception {
        byte[] body = ("{\"initData\":" + JSON.writeValueAsString(launch()) + ",\"language\":null}")
                .getBytes(StandardCharsets.UTF_8);

        FormResponse response = api.open(body.length, new ByteArrayInputStream(body));

        assertThat(response.status()).isEqualTo(200);
        JsonNode open = json(response);
        assertThat(open.get("language").asText()).isEqualTo("hi");
        assertThat(open.get("languages")).hasSize(7);
        assertThat(open.get("languages").get(0).get("code").asText()).isEqualTo("hi");
        assertThat(open.get("questionnaire").get("id").asText()).isEqualTo("raid");
        assertThat(open.at("/questionnaire/sections/0/questions/0/options/0/id").asText()).isEqualTo("yes");
        assertThat(open.at("/texts/language").asText()).isEqualTo("hi");
        assertThat(open.get("form").isObject()).isTrue();
        assertThat(open.at("/key/id").asText()).isEqualTo(sealer.keyId());
        assertThat(Base64.getDecoder().decode(open.at("/key/publicKey").asText())).hasSize(32);
        assertThat(open.at("/key/fingerprint").asText()).matches("[0-9 ]+");
        assertThat(open.get("maxRecordBytes").asInt()).isEqualTo(FormApi.MAX_RECORD_BYTES);
        assertThat(logged.list).isEmpty();
    }

    @Test
    void opensInTheLanguageSheChoseOverHerTelegrams() throws Exception {
        byte[] body = ("{\"initData\":" + JSON.writeValueAsString(launch()) + ",\"language\":\"en\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(json(api.open(body.length, new ByteArrayInputStream(body))).get("language").asText())
                .isEqualTo("en");
    }

    @Test
    void storesTheSealedRecordAsAChatTestimonyAndAnswersTheReceipt() throws Exception {
        String id = newId();
        byte[] record = seal(id, "canary-api-5521");

        FormResponse response = submit(submitBody(launch(), id, record));

        assertThat(response.status()).isEqualTo(200);
        ReceiptCode receipt = ReceiptCode.parse(json(response).get("receipt").asText()).orElseThrow();
        assertThat(storage.submissions.status(receipt)).contains(TestimonyStatus.PENDING);
        TestimonyTable.Row row = table.find(id).orElseThrow();
        assertThat(row.sealed()).isEqualTo(record);
        try (Opener opener = storage.unlock();
             SecretBytes opened = opener.open(row.sealed(), SealedSubmissions.associatedData(id, 1, row.keyId()))) {
            assertThat(TestimonyContent.fromJson(opened).texts()).containsEntry("q29", "canary-api-5521");
        }
        assertThat(logged.list).isEmpty();
    }

    @Test
    void refusesForgedLaunchData() throws Exception {
        String forged = launch().replaceAll("hash=[0-9a-f]{6}", "hash=000000");
        String id = newId();
        assertRefusedWithNothingStored(submit(submitBody(forged, id, seal(id, "x"))), FormError.LAUNCH_INVALID);
    }

    @Test
    void refusesLaunchDataOfAnotherBot() throws Exception {
        String foreign = TestLaunches.launch(OTHER_TOKEN, USER, "hi", clock.instant().minusSeconds(30));
        String id = newId();
        assertRefusedWithNothingStored(submit(submitBody(foreign, id, seal(id, "x"))), FormError.LAUNCH_INVALID);
    }

    @Test
    void refusesStaleLaunchData() throws Exception {
        String stale = TestLaunches.launch(TOKEN, USER, "hi", clock.instant().minus(Duration.ofMinutes(61)));
        String id = newId();
        assertRefusedWithNothingStored(submit(submitBody(stale, id, seal(id, "x"))), FormError.LAUNCH_INVALID);
    }

    @Test
    void refusesAReplayedLaunchStoringOnlyTheFirst() throws Exception {
        String launch = launch();
        String first = newId();
        assertThat(submit(submitBody(launch, first, seal(first, "x"))).status()).isEqualTo(200);
        String second = newId();

        FormResponse replay = submit(submitBody(launch, second, seal(second, "y")));

        assertThat(replay.status()).isEqualTo(409);
        assertThat(json(replay).get("error").asText()).isEqualTo("already_sent");
        assertThat(table.count()).isEqualTo(1);
        assertThat(table.find(second)).isEmpty();
        assertOneContentFreeLine(FormError.ALREADY_SENT);
    }

    @Test
    void refusesABodyThatIsNotASealedRecord() throws Exception {
        assertRefusedWithNothingStored(submit(submitBody(launch(), newId(), "just my words".getBytes())),
                FormError.BAD_RECORD);
    }

    @Test
    void refusesARecordThatIsNotBase64() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(submitBody(launch(), newId(), new byte[0]));
        body.put("record", "not base64 at all!");
        assertRefusedWithNothingStored(submit(body.toString().getBytes(StandardCharsets.UTF_8)), FormError.BAD_RECORD);
    }

    @Test
    void refusesARequestThatIsNotJson() throws Exception {
        assertRefusedWithNothingStored(submit("they came at night".getBytes(StandardCharsets.UTF_8)),
                FormError.BAD_RECORD);
    }

    @Test
    void refusesARecordSealedToAnotherKeyId() throws Exception {
        String id = newId();
        byte[] record = seal(id, "x");
        record[2] = (byte) (record[2] == '0' ? '1' : '0');
        assertRefusedWithNothingStored(submit(submitBody(launch(), id, record)), FormError.BAD_RECORD);
    }

    @Test
    void refusesAHeaderThatLiesAboutItsLengths() throws Exception {
        String id = newId();
        byte[] good = seal(id, "x");
        byte[] longerKeyId = good.clone();
        longerKeyId[1] = (byte) (good[1] + 1);
        assertRefusedWithNothingStored(submit(submitBody(launch(), id, longerKeyId)), FormError.BAD_RECORD);
        byte[] enc31 = good.clone();
        enc31[3 + good[1]] = 31;
        assertRefusedWithNothingStored(submit(submitBody(launch(), id, enc31)), FormError.BAD_RECORD);
        byte[] unpadded = Arrays.copyOf(good, good.length - 100);
        assertRefusedWithNothingStored(submit(submitBody(launch(), id, unpadded)), FormError.BAD_RECORD);
    }

    @Test
    void refusesABadId() throws Exception {
        String id = newId();
        byte[] record = seal(id, "x");
        assertRefusedWithNothingStored(submit(submitBody(launch(), id.toUpperCase(), record)), FormError.BAD_RECORD);
    }

    @Test
    void refusesABodyDeclaredTooBigWithoutReadingIt() throws Exception {
        CountingStream body = new CountingStream(new byte[FormApi.MAX_SUBMIT_BODY + 10]);
        assertRefusedWithNothingStored(api.submit(FormApi.MAX_SUBMIT_BODY + 10L, body), FormError.TOO_BIG);
        assertThat(body.read.get()).isZero();
    }

    @Test
    void stopsReadingABodyThatGrowsPastTheLimitWhateverItsLengthSaid() throws Exception {
        CountingStream body = new CountingStream(new byte[FormApi.MAX_SUBMIT_BODY * 4]);
        assertRefusedWithNothingStored(api.submit(-1, body), FormError.TOO_BIG);
        assertThat(body.read.get()).isLessThanOrEqualTo(FormApi.MAX_SUBMIT_BODY + 1L);
    }

    @Test
    void refusesARecordOverTheLimitInsideABodyUnderIt() throws Exception {
        String id = newId();
        byte[] huge = new byte[FormApi.MAX_RECORD_BYTES + 1];
        assertRefusedWithNothingStored(submit(submitBody(launch(), id, huge)), FormError.TOO_BIG);
    }

    @Test
    void limitsOnePersonsTriesPerHour() throws Exception {
        for (int i = 0; i < FormApi.SUBMITS_PER_HOUR; i++) {
            submit("{}".getBytes(StandardCharsets.UTF_8)); // refused launches count nothing
            submit(submitBody(launch(), "bad", new byte[1]));
        }
        logged.list.clear();
        String id = newId();
        FormResponse limited = submit(submitBody(launch(), id, seal(id, "x")));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(table.count()).isZero();
        assertThat(logged.list).singleElement().satisfies(e ->
                assertThat(e.getFormattedMessage()).startsWith("form refused a request: too_many"));
        clock.advance(Duration.ofMinutes(61));
        String later = newId();
        assertThat(submit(submitBody(TestLaunches.launch(TOKEN, USER, "hi", clock.instant()), later, seal(later, "x")))
                .status()).isEqualTo(200);
    }

    @Test
    void noLogLineCarriesTheLaunchTheUserOrTheRecord() {
        String launch = launch();
        String id = newId();
        byte[] record = seal(id, "x");
        submit(submitBody(launch, id, record));
        submit(submitBody(launch, newId(), record));
        submit(submitBody(launch.replace("hash=", "hash=0"), id, record));
        for (ILoggingEvent e : logged.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(Long.toString(USER)).doesNotContain(id)
                    .doesNotContain("hash").doesNotContain("user");
            assertThat(e.getThrowableProxy()).isNull();
        }
    }

    /** A body that counts what was read of it. */
    private static final class CountingStream extends InputStream {
        final AtomicLong read = new AtomicLong();
        private final InputStream in;

        CountingStream(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = in.read();
            if (b >= 0) {
                read.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }
    }
}
