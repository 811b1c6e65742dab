package org.gawahi.bot.reviewapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The committed review page: rebuilt from web/review by its own script it gives the same bytes,
 * and the bundle holds no storage API, no cookie and no host of its own choosing.
 */
class ReviewPageTest {
    private final ReviewPage page = new ReviewPage();

    @Test
    void rebuildingThePageGivesTheCommittedBytesAndItsNodeTestsPass() throws Exception {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            version.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            Assumptions.abort("node is not installed, so the review page cannot be rebuilt here (CI installs it: .ci/run)");
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("web/review/build.mjs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            fail("web/review/build.mjs not found above " + Path.of("").toAbsolutePath());
        }
        Path web = dir.resolve("web");
        if (!Files.isDirectory(web.resolve("node_modules/esbuild"))) {
            run(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error").directory(web.toFile()));
        }
        String said = run(new ProcessBuilder("node", "review/build.mjs", "--check").directory(web.toFile()));
        assertThat(said).contains("the committed review page is what the sources build");
        // The page's own tests (launch data from the fragment, masked markers), with Node's runner.
        assertThat(run(new ProcessBuilder("node", "--test", "review/test/").directory(web.toFile()))).contains("# fail 0");
    }

    private static String run(ProcessBuilder builder) throws Exception {
        Process p = builder.redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(String.join(" ", builder.command()) + " failed:\n" + said);
        }
        return said;
    }

    @Test
    void theBundleUsesNoStorageAndNoOtherHost() {
        String js = new String(page.asset("review.js").orElseThrow().body(), StandardCharsets.UTF_8);
        assertThat(js).doesNotContain("localStorage", "sessionStorage", "indexedDB", "serviceWorker", "document.cookie",
                "CloudStorage", "caches.", "http://");
        // The one absolute address is the origin Telegram Web's frame is told to accept events from.
        assertThat(js.replace("https://web.telegram.org", "")).doesNotContain("https://", "//cdn", "telegram-web-app");
    }

    @Test
    void theIndexLoadsOnlyItsOwnScriptAndStyleWithNothingInline() {
        String html = new String(page.asset("").orElseThrow().body(), StandardCharsets.UTF_8);
        assertThat(html).contains("src=\"review.js\"", "href=\"review.css\"").doesNotContain("style=", "onclick", "http");
        assertThat(html.replace("<script type=\"module\" src=\"review.js\"></script>", "")).doesNotContain("<script");
        assertThat(page.asset("form.js")).isEmpty();
    }
}
