package org.gawahi.bot.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.bot.cli.CliEnvironment;
import org.gawahi.bot.cli.GawahiCommand;
import org.gawahi.bot.telegram.TelegramSettings;
import org.gawahi.bot.telegram.emulator.BotApiEmulator;
import org.gawahi.bot.wiring.GawahiApplication;
import org.gawahi.bot.wiring.RunSettings;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.LeakScan;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Item 8 of issue 15 end to end: while the real bot runs, {@code gawahi links create 1} makes a
 * link; Debian's headless Chromium, with no Telegram at all, opens {@code /form/#link=...}, takes
 * a whole testimony with a canary in free text and shows the receipt; the same link opened again
 * is refused; one testimony is stored and opens with the collective key; the canary is in no
 * request the browser sent and no Bot API call; neither the canary nor the link is on disk.
 * Skipped, saying why, without chromium and chromedriver or without the page's bundle.
 */
class LinkFormChromiumIT {
    static final String TOKEN = "778899:TEST-form-link-e2e-token";
    static final Secret PASSPHRASE = Secret.of("form link e2e passphrase");
    static final String PUBLIC_URL = "https://gawahi.example.org";

    @TempDir
    Path dir;
    Path data;
    Keys keys;
    BotApiEmulator emulator;
    ConfigurableApplicationContext app;
    RecordingProxy proxy;
    FormBrowser browser;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(FormBrowser.installed(),
                "Chromium link test skipped: install Debian's chromium and chromium-driver; .ci/run does");
        assumeTrue(new FormPage().present(), "Chromium link test skipped: the form's page is not built into the class path");
        emulator = BotApiEmulator.start(TOKEN);
        data = Files.createDirectories(dir.resolve("data"));
        keys = new Keys(data, new SecureRandom(), Clock.systemUTC());
        keys.init(PASSPHRASE, Argon2Profile.TEST);
        RunSettings settings = RunSettings.of(TelegramSettings.polling(Secret.of(TOKEN), URI.create(emulator.baseUrl())),
                data, Optional.of(RaidQuestionnaire.copyTo(dir.resolve("questionnaire"))))
                .withPublicUrl(URI.create(PUBLIC_URL));
        app = GawahiApplication.start(settings, "--server.port=0");
        proxy = new RecordingProxy(URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")));
        browser = FormBrowser.start(dir.resolve("chromium-profile"));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (app != null) {
            app.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    /** {@code gawahi links create 1} in this JVM, against the running bot's data directory. */
    private String createLink() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment env = new CliEnvironment(Map.of("GAWAHI_DATA_DIR", data.toString(), "GAWAHI_PUBLIC_URL", PUBLIC_URL),
                dir, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), prompt -> Optional.empty());
        int code = GawahiCommand.commandLine(env).execute("links", "create", "1", "--days", "2");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String link = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(link).matches(PUBLIC_URL + "/form/#link=[A-Za-z0-9_-]{22}");
        return link;
    }

    @Test
    void aOneTimeLinkTakesOneTestimonyInAPlainBrowserAndIsThenRefused() throws Exception {
        String canary = "zqxlinkcanarywv";
        String link = createLink();
        String token = link.substring(link.indexOf("#link=") + "#link=".length());
        String local = link.replace(PUBLIC_URL, proxy.uri().toString());

        browser.open(local);
        String receipt = answerEverythingAndSend("en", canary);

        assertThat(receipt).matches("\\d{4} \\d{4} \\d{4} \\d{4}");
        assertThat(proxy.sent()).isNotEmpty().allSatisfy(sent -> {
            assertThat(new String(sent.body(), StandardCharsets.UTF_8)).as(sent.method() + " " + sent.path())
                    .doesNotContain(canary).doesNotContain("initData").doesNotContain("contactLanguage\":\"");
            assertThat(sent.path()).doesNotContain(token);
        });
        assertThat(proxy.sent()).anySatisfy(sent -> assertThat(new String(sent.body(), StandardCharsets.UTF_8))
                .contains("\"link\":\"" + token + "\""));
        assertThat(emulator.requestBodies()).allSatisfy(body ->
                assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain(canary).doesNotContain(token));

        browser.open(proxy.uri() + "/form/nothing-here.txt"); // a real navigation, so the same link loads anew
        browser.open(local);
        browser.waitForText("This link cannot be used");
        assertThat(browser.driver().findElements(By.cssSelector("[data-language]"))).isEmpty();

        browser.close();
        browser = null;
        app.close();
        app = null;
        byte[] raw = Base64.getUrlDecoder().decode(token);
        assertThat(new LeakScan().text("canary", canary).text("link as typed", token).bytes("link's raw bytes", raw)
                .text("link in base64", Base64.getEncoder().withoutPadding().encodeToString(raw))
                .text("link in hex", HexFormat.of().formatHex(raw))
                .findIn(LeakScan.filesUnder(data))).isEmpty();
        try (Database db = Database.open(data); Opener opener = keys.unlock(PASSPHRASE)) {
            List<TestimonyTable.Row> rows = new TestimonyTable(db).sealedRows();
            assertThat(rows).hasSize(1);
            TestimonyTable.Row row = rows.get(0);
            try (SecretBytes plain = opener.open(row.sealed(),
                    SealedSubmissions.associatedData(row.id(), row.schemaVersion(), row.keyId()))) {
                TestimonyContent content = TestimonyContent.fromJson(plain);
                assertThat(content.language()).isEqualTo("en");
                assertThat(content.texts().values()).anySatisfy(text -> assertThat(text).contains(canary));
                assertThat(content.answers().get("u1")).as("she asked to be contacted").contains("contact");
                assertThat(content.answers().get("u2")).as("how, without the bot").isNotEmpty().doesNotContain("bot");
            }
        }
    }

    /**
     * Walks the page by its attributes only: her language first, the canary into each free-text
     * field (a number field is answered by its bands), contact wanted where asked (to see that the bot is not offered), no option that
     * pauses, leaves or ends, and sends at the review.
     */
    private String answerEverythingAndSend(String language, String canary) throws InterruptedException {
        Set<String> avoid = FormBrowser.exitOptions(dir.resolve("questionnaire"));
        Set<WebElement> typed = new HashSet<>();
        for (int step = 0; step < FormBrowser.MAX_STEPS; step++) {
            Optional<String> receipt = browser.receipt();
            if (receipt.isPresent()) {
                return receipt.get();
            }
            if (browser.clickFirst("[data-language='" + language + "']")) {
                continue;
            }
            assertThat(browser.visible("[data-option='bot']")).as("contact in the bot offered through a link").isEmpty();
            List<WebElement> fields = browser.visible("textarea[data-question]").stream()
                    .filter(f -> !typed.contains(f) && f.getAttribute("value") != null).toList();
            if (!fields.isEmpty()) {
                fields.get(0).sendKeys("road " + canary + " road");
                typed.add(fields.get(0));
                browser.clickFirst("[data-action='next']");
                continue;
            }
            if (browser.clickFirst("[data-action='submit']")) {
                continue;
            }
            List<WebElement> options = browser.visible("[data-option]");
            Optional<WebElement> choice = options.stream()
                    .filter(o -> "contact".equals(o.getAttribute("data-option"))
                            && !"true".equals(o.getAttribute("aria-pressed"))).findFirst()
                    .or(() -> options.stream().filter(o -> !avoid.contains(o.getAttribute("data-option"))
                            && !"true".equals(o.getAttribute("aria-pressed"))).findFirst());
            if (choice.isPresent()) {
                // Options beside a Next button are a multiple choice: one pick, then Next. The page
                // draws every screen anew, so nothing found before a click is used after it.
                boolean multiple = !browser.visible("[data-action='next']").isEmpty();
                try {
                    choice.get().click();
                } catch (WebDriverException e) {
                    continue; // the screen changed under us
                }
                if (multiple) {
                    Thread.sleep(50);
                    browser.clickFirst("[data-action='next']");
                }
                continue;
            }
            if (!browser.clickFirst("[data-action='next']") && !browser.clickFirst("[data-action='skip']")) {
                Thread.sleep(100); // the page is still loading or sending
            }
        }
        throw browser.noReceipt();
    }
}
