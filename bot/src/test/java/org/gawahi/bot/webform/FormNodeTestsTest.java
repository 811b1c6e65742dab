package org.gawahi.bot.webform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The form's own Node tests run with the build, so the README's one test command covers the
 * page too: the masking vectors shared with TextSanitizerTest, the engine over the parity scripts,
 * sealing and opening, every language's words for the form (web/form/test/*.test.mjs); and, where
 * Debian's Chromium is installed (CI installs it), the built page driven in it (page.test.mjs).
 */
class FormNodeTestsTest {
    private static final List<String> UNIT = List.of("form/test/mask.test.mjs", "form/test/parity.test.mjs",
            "form/test/seal.test.mjs", "form/test/words.test.mjs");

    @Test
    void theFormsNodeTestsPass() throws Exception {
        Path web = WebNode.webWithPackages();
        WebNode.Run run = WebNode.nodeTest(web, UNIT);

        assertThat(run.status()).as("node --test said:\n" + run.out() + run.errors()).isZero();
        assertThat(run.out()).contains("# fail 0").doesNotContain("# pass 0");
    }

    @Test
    void theBuiltPageWorksInChromium() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "Debian's chromium is not installed (CI installs it), so the page is not driven here");
        Path web = WebNode.webWithPackages();
        WebNode.Run run = WebNode.nodeTest(web, List.of("form/test/page.test.mjs"));

        assertThat(run.status()).as("node --test said:\n" + run.out() + run.errors()).isZero();
        assertThat(run.out()).contains("# fail 0").doesNotContain("# pass 0");
    }
}
