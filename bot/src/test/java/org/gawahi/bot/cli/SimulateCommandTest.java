package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gawahi.bot.cli.CliAssertions.assertExplained;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.bot.fixtures.RaidQuestionnaire;
import org.gawahi.bot.fixtures.TestimonyDriver;
import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Interview;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.drafts.InMemoryDraftStore;
import org.gawahi.storage.testimony.InMemorySubmissions;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FREE_TEXT = "They took our phones; call me on 98765 43210";

    @TempDir
    Path work;

    @TempDir
    Path questionnaireDir;

    private Questionnaire questionnaire;

    @BeforeEach
    void questionnaire() {
        questionnaire = RaidQuestionnaire.load(questionnaireDir);
    }

    private Cli.Result simulate(Cli cli, String jsonLines) {
        return cli.stdin(jsonLines).run("simulate", "--jsonl", "--questionnaire", questionnaireDir.toString());
    }

    /** The inputs that complete a testimony, as JSON lines for the simulator (which sends /start itself). */
    private String completeTestimonyLines(int limit) throws Exception {
        InMemoryDraftStore drafts = new InMemoryDraftStore(Clock.systemUTC(), Duration.ofHours(1));
        Interview rehearsal = new Interview(questionnaire, drafts, new InMemorySubmissions(drafts, new SecureRandom()),
                Clock.systemDefaultZone());
        TestimonyDriver driver = new TestimonyDriver(questionnaire, FREE_TEXT);
        driver.complete(rehearsal, ChatRef.of(1));
        List<Input> inputs = driver.inputs().subList(1, driver.inputs().size());
        StringBuilder lines = new StringBuilder();
        for (Input input : inputs.subList(0, Math.min(limit, inputs.size()))) {
            lines.append(JSON.writeValueAsString(input instanceof Input.Press p ? Map.of("button", p.buttonId())
                    : Map.of("text", ((Input.Text) input).text()))).append('\n');
        }
        return lines.toString();
    }

    private static List<JsonNode> screens(Cli.Result result) throws Exception {
        List<JsonNode> screens = new ArrayList<>();
        for (String line : result.out().split("\n")) {
            JsonNode node = JSON.readTree(line); // every stdout line is JSON: the contract
            assertThat(node.has("text")).as(line).isTrue();
            screens.add(node);
        }
        return screens;
    }

    @Test
    void withoutADataDirectoryItSealsIntoAThrowawayOneSaysSoOnStderrAndDeletesIt() throws Exception {
        Cli.Result result = simulate(new Cli(work), "{\"button\":\"l:lang:en\"}\n{\"button\":\"a:c1:yes\"}\n");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(screens(result)).hasSize(3);
        assertThat(result.err()).contains("throwaway", "deleted when this ends");
        Matcher throwaway = Pattern.compile("(\\S*gawahi-rehearsal-\\d+)").matcher(result.err());
        assertThat(throwaway.find()).isTrue();
        assertThat(Path.of(throwaway.group(1).replaceAll(",$", ""))).doesNotExist();
        assertThat(work.resolve("data")).doesNotExist();
    }

    @Test
    void aCompletedTestimonyIsSealedIntoTheDataDirectoryIntakeOnly() throws Exception {
        new Cli(work).passphrase(TestStorage.PASSPHRASE.reveal()).run("keys", "init");

        Cli.Result result = simulate(new Cli(work), completeTestimonyLines(Integer.MAX_VALUE));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("sealed into " + work.resolve("data"), "intake-only");
        List<JsonNode> screens = screens(result);
        JsonNode last = screens.get(screens.size() - 1);
        assertThat(last.get("done").asBoolean()).isTrue();
        ReceiptCode receipt = ReceiptCode.parse(last.get("receipt").asText()).orElseThrow();
        try (TestStorage storage = TestStorage.create(work.resolve("data")); Opener opener = storage.unlock()) {
            assertThat(storage.submissions.status(receipt)).contains(TestimonyStatus.PENDING);
            assertThat(storage.drafts.count()).isZero();
            TestimonyTable.Row row = new TestimonyTable(storage.db).sealedRows().get(0);
            try (SecretBytes plain = opener.open(row.sealed(),
                    SealedSubmissions.associatedData(row.id(), row.schemaVersion(), row.keyId()))) {
                assertThat(TestimonyContent.fromJson(plain).texts()).containsValue("They took our phones; call me on [#phone]");
            }
        }
    }

    @Test
    void theNextRunIsANewPersonNeverWelcomedBackToThePreviousOnesAnswers() throws Exception {
        new Cli(work).passphrase(TestStorage.PASSPHRASE.reveal()).run("keys", "init");

        Cli.Result first = simulate(new Cli(work), completeTestimonyLines(8));
        Cli.Result again = simulate(new Cli(work), "");

        assertThat(first.err()).contains("not kept");
        String welcome = screens(again).get(0).get("buttons").toString();
        assertThat(welcome).doesNotContain("s:resume").contains("l:lang:");
        try (TestStorage storage = TestStorage.createUnlocked(work.resolve("data"), Clock.systemUTC())) {
            assertThat(storage.drafts.count()).as("an unfinished rehearsal leaves no draft on disk").isZero();
        }
    }

    @Test
    void aChosenDataDirectoryWithoutKeysIsExplained() throws Exception {
        Path empty = Files.createDirectory(work.resolve("empty"));

        Cli.Result result = simulate(new Cli(work).dataDir(empty), "");

        assertExplained(result, "has no usable keys", "keys init", "throwaway");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aChosenDataDirectoryThatDoesNotExistIsExplained() {
        Cli.Result result = simulate(new Cli(work).dataDir(work.resolve("missing")), "");

        assertExplained(result, "does not exist");
        assertThat(work.resolve("missing")).doesNotExist();
    }
}
