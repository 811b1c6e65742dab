package org.gawahi.bot.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawahi.config.questionnaire.DeskMessages;
import org.gawahi.config.questionnaire.DeskTexts;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.junit.jupiter.api.Test;

/**
 * Every key the desks ask for is in the desk's message files, and every key of the files is
 * asked for: a typo in a key would otherwise only show when a moderator reaches that screen,
 * and a dead key would be translated for nothing.
 */
class DeskKeysTest {
    private static final Path MAIN = Path.of("src/main/java/org/gawahi/bot");
    private static final Pattern LITERAL_KEY = Pattern.compile("message\\(\\s*\"([a-z_]+)\"\\s*[,)]");

    private static Set<String> keysInTheDesksCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path file : new Path[] {MAIN.resolve("moderation/ModerationDesk.java"), MAIN.resolve("moderation/ReviewSession.java"),
                MAIN.resolve("moderation/ContactDesk.java"),
                MAIN.resolve("moderation/TestimonyRenderer.java"), MAIN.resolve("moderation/QueueCounts.java"),
                MAIN.resolve("reports/ReportDesk.java")}) {
            Matcher m = LITERAL_KEY.matcher(Files.readString(file));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        // The report's own words (report/<lang>.yaml), not the desk's.
        keys.removeAll(Set.of("nothing_publishable", "history_damaged", "period_not_over", "period_future", "period_invalid"));
        for (Outcome o : Outcome.values()) {
            keys.add(o.key());
        }
        for (RejectReason r : RejectReason.values()) {
            keys.add("reject_" + r.code());
        }
        for (TestimonyStatus s : TestimonyStatus.values()) {
            keys.add("status_" + s.name().toLowerCase(Locale.ROOT));
        }
        return keys;
    }

    @Test
    void everyKeyTheDesksUseIsInEveryLanguageAndNoKeyIsUnused() throws IOException {
        Set<String> used = keysInTheDesksCode();
        assertThat(used).hasSizeGreaterThan(70).contains("queue_empty", "outcome_contact_too_long", "report_summary");
        for (String language : DeskMessages.SHIPPED) {
            DeskTexts words = DeskMessages.shipped().forLanguageCode(language);
            for (String key : used) {
                assertThat(words.message(key)).as(language + " " + key).isNotBlank();
            }
        }
        Set<String> english = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("../config/src/main/resources/desk/en.yaml"))) {
            Matcher m = Pattern.compile("^  ([a-z_]+): ").matcher(line);
            if (m.find()) {
                english.add(m.group(1));
            }
        }
        assertThat(english).as("keys of desk/en.yaml").isEqualTo(used);
    }
}
