package org.gawahi.bot.webform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Mini App form that the bot serves is the one its sources build: web/form/build.mjs, run
 * again from the locked packages, gives byte for byte the committed
 * bot/src/main/resources/org/gawahi/bot/form/page/ (a change to the sources without a rebuild,
 * or a hand edit of the bundle, fails here). And the page loads nothing but its own two files.
 */
class FormBundleTest {
    static final List<String> FILES = List.of("index.html", "form.js", "form.css");

    @TempDir
    Path out;

    @Test
    void rebuildingTheFormGivesTheCommittedBytes() throws Exception {
        Path web = WebNode.webWithPackages();
        WebNode.node(web, "form/build.mjs", List.of("--out", out.toString()), "").succeeded();
        Path committed = web.getParent().resolve("bot/src/main/resources/org/gawahi/bot/form/page");

        for (String file : FILES) {
            assertThat(Files.readAllBytes(out.resolve(file))).as(file + " rebuilt from web/form (run: node web/form/build.mjs)")
                    .isEqualTo(Files.readAllBytes(committed.resolve(file)));
        }
        try (var listed = Files.list(committed)) {
            assertThat(listed.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(FILES);
        }
    }

    @Test
    void thePageLoadsOnlyItsOwnScriptAndStyleAndNothingInline() throws Exception {
        Path page = WebNode.web().getParent().resolve("bot/src/main/resources/org/gawahi/bot/form/page/index.html");
        String html = Files.readString(page, StandardCharsets.UTF_8);

        assertThat(html).contains("<script src=\"form.js\" defer></script>", "<link rel=\"stylesheet\" href=\"form.css\">")
                .doesNotContain("<style", "style=", "onclick", "onload", "http:", "https:", "//");
        assertThat(html.split("<script", -1)).as("one script element").hasSize(2);
    }
}
