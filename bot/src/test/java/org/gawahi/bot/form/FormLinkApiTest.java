package org.gawahi.bot.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.testimony.FormLinks;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The form's API opened with a one-time link instead of Telegram's launch data, on a real data
 * directory, attacked as whoever holds or finds a link would: a second testimony, an old link,
 * a guessed one, asking which of those a refused link was, asking for contact in a bot she is not
 * in, and reading the database for the links.
 */
class FormLinkApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.at("2026-12-06T05:20:00Z");
    private TestStorage storage;
    private Sealer sealer;
    private FormLinks links;
    private FormApi api;
    private TestimonyTable table;
    private Questionnaire questionnaire;

    @BeforeEach
    void start() throws Exception {
        storage = TestStorage.create(data, clock);
        sealer = storage.keys.sealer();
        table = new TestimonyTable(storage.db);
        questionnaire = QuestionnaireLoader.loadDefault();
        links = new FormLinks(storage.db, storage.pseudonyms, TestStorage.RANDOM, clock);
        api = new FormApi(new LaunchValidator(Secret.of(FormApiTest.TOKEN), TestLaunches.telegramPublicKey(), clock),
                java.util.Optional.of(links), storage.submissions, sealer, storage.pseudonyms, questionnaire,
                QuestionnaireLoader.source(java.util.Optional.empty()), clock);
    }

    @AfterEach
    void stop() {
        storage.close();
    }

    private String link() {
        return links.create(1, Duration.ofDays(7)).get(0);
    }

    private static String newId() {
        byte[] id = new byte[16];
        TestStorage.RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private byte[] seal(String id, String text) {
        SecretBytes json = new TestimonyContent("raid", 1, "en", Map.of("q2", List.of("mh")), Map.of("q29", text))
                .toJson();
        return sealer.seal(json, SealedSubmissions.associatedData(id, 1, sealer.keyId()));
    }

    private static ObjectNode submitBody(String link, String id, byte[] record) {
        ObjectNode body = JSON.createObjectNode();
        body.put("link", link);
        body.put("id", id);
        body.put("record", Base64.getEncoder().encodeToString(record));
        body.putNull("contactLanguage");
        return body;
    }

    private FormResponse submit(ObjectNode body) {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        return api.submit(bytes.length, new ByteArrayInputStream(bytes));
    }

    private FormResponse submit(String link) {
        String id = newId();
        return submit(submitBody(link, id, seal(id, "x")));
    }

    private FormResponse open(String link, String language) {
        ObjectNode body = JSON.createObjectNode();
        body.put("link", link);
        body.put("language", language);
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        return api.open(bytes.length, new ByteArrayInputStream(bytes));
    }

    private static JsonNode json(FormResponse response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void aLinkOpensTheFormInTheLanguageAskedOrTheDefaultAndSendsOneTestimony() throws Exception {
        String link = link();

        FormResponse opened = open(link, null);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(json(opened).get("language").asText()).isEqualTo(questionnaire.defaultLanguage());
        assertThat(json(open(link, "mr")).get("language").asText()).isEqualTo("mr");
        assertThat(json(opened).at("/key/id").asText()).isEqualTo(sealer.keyId());

        String id = newId();
        byte[] record = seal(id, "canary-link-8811");
        FormResponse sent = submit(submitBody(link, id, record));

        assertThat(sent.status()).isEqualTo(200);
        ReceiptCode receipt = ReceiptCode.parse(json(sent).get("receipt").asText()).orElseThrow();
        assertThat(storage.submissions.status(receipt)).contains(TestimonyStatus.PENDING);
        assertThat(table.find(id).orElseThrow().sealed()).isEqualTo(record);
        assertThat(links.countValid()).isZero();
    }

    @Test
    void aLinkUsedOnceIsRefusedTheSecondTimeAndStoresOneTestimony() throws Exception {
        String link = link();
        assertThat(submit(link).status()).isEqualTo(200);

        FormResponse again = submit(link);

        assertThat(again.status()).isEqualTo(401);
        assertThat(json(again).get("error").asText()).isEqualTo("launch_invalid");
        assertThat(open(link, null).status()).isEqualTo(401);
        assertThat(table.count()).isEqualTo(1);
    }

    @Test
    void anExpiredLinkIsRefusedAndStoresNothing() throws Exception {
        String link = links.create(1, Duration.ofDays(1)).get(0);
        // Made at 05:20, expires at the next whole hour after a day: 06:00 the day after.
        clock.advance(Duration.ofDays(1).plusMinutes(39));
        assertThat(open(link, null).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));

        assertThat(open(link, null).status()).isEqualTo(401);
        assertThat(submit(link).status()).isEqualTo(401);
        assertThat(table.count()).isZero();
    }

    @Test
    void anUnknownOrMalformedLinkIsRefused() throws Exception {
        byte[] raw = new byte[FormLinks.TOKEN_BYTES];
        TestStorage.RANDOM.nextBytes(raw);
        String guessed = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        link(); // there are links; this one is not among them

        for (String bad : List.of(guessed, "", "' OR 1=1 --", guessed + "=", "x".repeat(5000))) {
            assertThat(open(bad, null).status()).as(bad).isEqualTo(401);
            assertThat(submit(bad).status()).as(bad).isEqualTo(401);
        }
        assertThat(table.count()).isZero();
    }

    @Test
    void unknownUsedExpiredAndRevokedLinksAreRefusedIdentically() throws Exception {
        byte[] raw = new byte[FormLinks.TOKEN_BYTES];
        TestStorage.RANDOM.nextBytes(raw);
        String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String used = link();
        assertThat(submit(used).status()).isEqualTo(200);
        String expired = links.create(1, Duration.ofHours(1)).get(0);
        String kept = link();
        clock.advance(Duration.ofHours(2));
        String revoked = link();
        assertThat(links.revokeAll()).isEqualTo(2); // kept and revoked
        assertThat(open(kept, null).status()).isEqualTo(401);
        List<FormResponse> answers = new ArrayList<>();
        for (String link : List.of(unknown, used, expired, revoked)) {
            answers.add(open(link, null));
            answers.add(submit(link));
        }

        FormResponse first = answers.get(0);
        assertThat(first.status()).isEqualTo(401);
        for (FormResponse r : answers) {
            assertThat(r.status()).isEqualTo(first.status());
            assertThat(r.contentType()).isEqualTo(first.contentType());
            assertThat(r.body()).isEqualTo(first.body());
        }
        assertThat(table.count()).isEqualTo(1);
    }

    @Test
    void aLinkCannotAskForContactInTheBotAndIsNotUsedUpByTheRefusal() throws Exception {
        String link = link();
        String id = newId();
        ObjectNode body = submitBody(link, id, seal(id, "x"));
        body.put("contactLanguage", "hi");

        FormResponse refused = submit(body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(json(refused).get("error").asText()).isEqualTo("bad_record");
        assertThat(table.count()).isZero();
        assertThat(links.countValid()).isEqualTo(1);
        assertThat(submit(link).status()).isEqualTo(200);
        assertThat(storage.db.<Integer>inTransaction(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM contact_handles")) {
                rs.next();
                return rs.getInt(1);
            }
        })).isZero();
    }

    @Test
    void aTestimonyThatIsNotStoredLeavesItsLinkUnused() throws Exception {
        String id = newId();
        byte[] record = seal(id, "x");
        assertThat(submit(submitBody(link(), id, record)).status()).isEqualTo(200);
        String second = link();

        FormResponse taken = submit(submitBody(second, id, record));

        assertThat(taken.status()).isEqualTo(400);
        assertThat(table.count()).isEqualTo(1);
        assertThat(links.validHash(second)).isPresent();
        assertThat(submit(second).status()).isEqualTo(200);
    }

    @Test
    void aRequestWithBothALinkAndLaunchDataIsRefused() throws Exception {
        String link = link();
        String id = newId();
        ObjectNode body = submitBody(link, id, seal(id, "x"));
        body.put("initData", TestLaunches.launch(FormApiTest.TOKEN, FormApiTest.USER, "hi", clock.instant()));

        assertThat(submit(body).status()).isEqualTo(401);
        assertThat(table.count()).isZero();
    }

    @Test
    void anApiWithoutLinksRefusesEveryLink() throws Exception {
        String link = link();
        FormApi telegramOnly = new FormApi(new LaunchValidator(Secret.of(FormApiTest.TOKEN),
                TestLaunches.telegramPublicKey(), clock), storage.submissions, sealer, storage.pseudonyms,
                questionnaire, QuestionnaireLoader.source(java.util.Optional.empty()), clock);
        String id = newId();
        byte[] bytes = submitBody(link, id, seal(id, "x")).toString().getBytes(StandardCharsets.UTF_8);

        assertThat(telegramOnly.submit(bytes.length, new ByteArrayInputStream(bytes)).status()).isEqualTo(401);
        assertThat(table.count()).isZero();
    }

    @Test
    void limitsTheTriesOfOneLinkPerHour() throws Exception {
        String link = link();
        for (int i = 0; i < FormApi.SUBMITS_PER_HOUR; i++) {
            assertThat(submit(submitBody(link, "bad", new byte[1])).status()).isEqualTo(400);
        }

        assertThat(submit(link).status()).isEqualTo(429);
        assertThat(submit(link()).status()).as("another link has its own tries").isEqualTo(200);
        clock.advance(Duration.ofMinutes(61));
        assertThat(submit(link).status()).isEqualTo(200);
        assertThat(table.count()).isEqualTo(2);
    }

    @Test
    void theDataDirectoryHoldsNoLinkOnlyItsKeyedHash() throws Exception {
        List<String> made = links.create(20, Duration.ofDays(30));
        assertThat(submit(made.get(0)).status()).isEqualTo(200);
        assertThat(submit(made.get(1)).status()).isEqualTo(200);
        storage.close();

        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.add(Files.readAllBytes(p));
            }
        }
        assertThat(files).isNotEmpty();
        for (String token : made) {
            byte[] raw = Base64.getUrlDecoder().decode(token);
            List<byte[]> forms = List.of(token.getBytes(StandardCharsets.US_ASCII), raw,
                    Base64.getEncoder().withoutPadding().encodeToString(raw).getBytes(StandardCharsets.US_ASCII),
                    HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII),
                    token.substring(0, 12).getBytes(StandardCharsets.US_ASCII));
            for (byte[] file : files) {
                for (byte[] form : forms) {
                    assertThat(indexOf(file, form)).as("a form of a link's token on disk").isEqualTo(-1);
                }
            }
        }
        storage = TestStorage.create(data, clock); // for stop()
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
