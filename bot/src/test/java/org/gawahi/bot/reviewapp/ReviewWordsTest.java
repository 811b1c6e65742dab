package org.gawahi.bot.reviewapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawahi.bot.moderation.Outcome;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.Test;

/** The review page's words: every key the page or the API asks for exists in English, and no language has a stray key. */
class ReviewWordsTest {
    private final ReviewWords words = new ReviewWords(QuestionnaireLoader.source(Optional.empty()));

    @Test
    void everyKeyThePageUsesHasEnglishWords() {
        String js = new String(new ReviewPage().asset("review.js").orElseThrow().body(), StandardCharsets.UTF_8);
        Map<String, String> english = words.all("en");
        Matcher m = Pattern.compile("\\w\\(\"([a-z_]+)\"").matcher(js);
        int found = 0;
        while (m.find()) {
            if (english.containsKey(m.group(1))) {
                found++;
            }
        }
        assertThat(found).as("keys found in the bundle").isGreaterThan(30);
        for (String key : new String[] {"title", "next", "approve", "reject", "urgent", "redact", "link", "contact", "close",
                "skip", "back", "hidden", "idle_closed", "empty", "error_network"}) {
            assertThat(english).containsKey(key);
            assertThat(js).contains("\"" + key + "\"");
        }
    }

    @Test
    void everyOutcomeAndErrorHasASentence() {
        Map<String, String> english = words.all("en");
        Arrays.stream(Outcome.values()).forEach(o -> assertThat(english).containsKey("outcome_" + o.name().toLowerCase()));
        Arrays.stream(ReviewError.values()).forEach(e -> assertThat(english).containsKey("error_" + e.code()));
    }

    @Test
    void noLanguageHasAKeyEnglishLacks() {
        for (String language : ReviewWords.LANGUAGES) {
            assertThat(words.all(language).keySet()).as(language).isEqualTo(words.all("en").keySet());
        }
        assertThat(words.word("hi", "approve")).isEqualTo("स्वीकार करें");
        assertThat(words.word("kn", "queue_key")).isEqualTo(words.word("en", "queue_key"));
    }

    @Test
    void choosesTheAskedLanguageThenTelegramsThenEnglish() {
        assertThat(words.choose(Optional.of("mr"), Optional.of("hi"))).isEqualTo("mr");
        assertThat(words.choose(Optional.of("xx"), Optional.of("hi-IN"))).isEqualTo("hi");
        assertThat(words.choose(Optional.empty(), Optional.of("fr"))).isEqualTo("en");
    }
}
