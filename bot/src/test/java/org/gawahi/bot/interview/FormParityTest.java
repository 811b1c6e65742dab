package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.bot.webform.WebNode;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.testimony.TestimonyContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Mini App form and the chat take the same testimony: the scripts of
 * web/form/test/parity-scripts.json (button data as a person presses it, or typed text) run
 * through this engine and through the form's (web/form/src/engine.mjs, under Node, fed the
 * questionnaire as JSON the way the server serves it), and the JSON each would seal is the same
 * byte for byte, or both seal nothing. The scripts cover every question kind, skip, don't know,
 * back, the explain and end actions, changes from the review that hide and open questions, the
 * under-18 exit, a district hidden by a change of state, urgent answers, contact in the bot, erasing, and identifiers masked in Hindi.
 */
class FormParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private record Outcome(String testimony, boolean urgent, boolean contactInBot) {
    }

    @Test
    void theFormsEngineSealsWhatTheChatWouldForEveryScript() throws Exception {
        Path web = WebNode.web();
        Path scriptsFile = web.resolve("form/test/parity-scripts.json");
        JsonNode scripts = JSON.readTree(scriptsFile.toFile());
        assertThat(scripts.get("today").get("year").asInt()).as("the scripts' today is the Conversation clock's")
                .isEqualTo(2026);
        assertThat(scripts.get("today").get("month").asInt()).isEqualTo(11);
        Questionnaire questionnaire = RaidQuestionnaire.load(folder.resolve("yaml"));
        Path served = servedAsJson(folder.resolve("yaml"), folder.resolve("json"), questionnaire.languages());

        List<String> lines = WebNode.node(web, "form/test/parity.mjs",
                List.of(scriptsFile.toString(), served.toString()), "").succeeded().out().lines().toList();

        assertThat(lines).hasSize(scripts.get("scripts").size());
        int sealed = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode script = scripts.get("scripts").get(i);
            JsonNode form = JSON.readTree(lines.get(i));
            Outcome chat = chat(questionnaire, script);
            String name = script.get("name").asText();
            assertThat(form.get("testimony").isNull() ? null : form.get("testimony").asText()).as(name)
                    .isEqualTo(chat.testimony());
            assertThat(form.get("urgent").asBoolean()).as(name + ": urgent").isEqualTo(chat.urgent());
            assertThat(form.get("contactInBot").asBoolean()).as(name + ": contact in the bot").isEqualTo(chat.contactInBot());
            sealed += chat.testimony() == null ? 0 : 1;
        }
        assertThat(sealed).as("scripts that end in a testimony").isEqualTo(5);
    }

    /** The script through the chat's engine: what it would seal (urgent marked as on arrival), or null. */
    private static Outcome chat(Questionnaire questionnaire, JsonNode script) {
        Conversation c = Conversation.over(questionnaire).start();
        for (JsonNode s : script.get("steps")) {
            String step = s.asText();
            if (step.startsWith("type ")) {
                c.type(step.substring(5));
            } else if (c.buttonIds().contains(step)) {
                c.press(step);
            } else {
                fail(script.get("name").asText() + ": no button " + step + " on the screen; it has " + c.buttonIds());
            }
        }
        List<TestimonyContent> submitted = c.submitted();
        if (submitted.isEmpty()) {
            return new Outcome(null, false, false);
        }
        TestimonyContent content = submitted.get(0);
        boolean urgent = questionnaire.isUrgent(content.answers());
        TestimonyContent arrived = urgent ? content.withUrgent() : content;
        try (var json = arrived.toJson()) {
            return new Outcome(new String(json.bytes(), StandardCharsets.UTF_8), urgent,
                    questionnaire.asksContactInBot(content.answers()));
        }
    }

    /** questionnaire.yaml and text/<lang>.yaml as JSON trees, as /form/api/open serves them. */
    private static Path servedAsJson(Path yaml, Path json, List<String> languages) throws Exception {
        Files.createDirectories(json);
        Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
        Files.writeString(json.resolve("questionnaire.json"), JSON.writeValueAsString(
                parser.load(Files.readString(yaml.resolve("questionnaire.yaml")))));
        for (String language : languages) {
            Map<?, ?> texts = parser.load(Files.readString(yaml.resolve("text/" + language + ".yaml")));
            Files.writeString(json.resolve("text-" + language + ".json"), JSON.writeValueAsString(texts));
        }
        return json;
    }
}
