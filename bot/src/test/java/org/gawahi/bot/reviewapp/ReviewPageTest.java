package org.gawahi.bot.reviewapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.gawahi.bot.webform.WebNode;
import org.junit.jupiter.api.Test;

/**
 * The committed review page: rebuilt from web/review by its own script it gives the same bytes,
 * and the bundle holds no storage API, no cookie and no host of its own choosing.
 */
class ReviewPageTest {
    private final ReviewPage page = new ReviewPage();

    @Test
    void rebuildingThePageGivesTheCommittedBytesAndItsNodeTestsPass() throws Exception {
        Path web = WebNode.webWithPackages(); // skipped without node; installs web/'s locked packages when stale
        String said = WebNode.node(web, "review/build.mjs", List.of("--check"), "").succeeded().out();
        assertThat(said).contains("the committed review page is what the sources build");
        // The page's own tests (launch data from the fragment, masked markers), with Node's runner.
        assertThat(WebNode.nodeTest(web, List.of("review/test/")).succeeded().out()).contains("# fail 0");
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
