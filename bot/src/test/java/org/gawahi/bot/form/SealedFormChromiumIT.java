package org.gawahi.bot.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.bot.miniapp.TestLaunches;
import org.gawahi.bot.telegram.TelegramSettings;
import org.gawahi.bot.telegram.emulator.BotApiEmulator;
import org.gawahi.bot.telegram.emulator.User;
import org.gawahi.bot.wiring.GawahiApplication;
import org.gawahi.bot.wiring.RunSettings;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 15's proof, end to end: Debian's headless Chromium opens the sealed form exactly as
 * Telegram's client does (the launch data in the URL fragment), a whole testimony is taken by
 * the page's own buttons ({@code data-language}, {@code data-option}, {@code data-year},
 * {@code data-month}, {@code data-action}, {@code data-question}, {@code data-receipt}) with a canary typed in free text, in Hindi and in English; then the canary
 * is in none of the requests the browser sent, none of the Bot API calls, nothing on disk, and the
 * Java opener finds it; {@code /status <receipt>} works in the chat; the browser keeps nothing.
 *
 * <p>The page is served over plain http from loopback (a recording proxy stands where the TLS
 * reverse proxy stands); the bot's button still names the https public URL. Skipped, saying why,
 * when chromium or chromedriver is missing, or when the page's bundle is not built into the class
 * path yet (the form-page branch).
 */
class SealedFormChromiumIT {
    static final String TOKEN = "778899:TEST-form-e2e-token";
    static final Secret PASSPHRASE = Secret.of("form e2e passphrase");
    static final Duration WAIT = Duration.ofSeconds(30);

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
                "Chromium end-to-end test skipped: install Debian's chromium and chromium-driver "
                        + "(/usr/bin/chromium, /usr/bin/chromedriver); .ci/run does");
        assumeTrue(new FormPage().present(), "Chromium end-to-end test skipped: the form's page is not built "
                + "into the class path (" + FormPage.RESOURCES + "index.html, from the form-page branch)");
        emulator = BotApiEmulator.start(TOKEN);
        data = Files.createDirectories(dir.resolve("data"));
        keys = new Keys(data, new SecureRandom(), Clock.systemUTC());
        keys.init(PASSPHRASE, Argon2Profile.TEST);
        RunSettings settings = RunSettings.of(TelegramSettings.polling(Secret.of(TOKEN), URI.create(emulator.baseUrl())),
                data, Optional.of(RaidQuestionnaire.copyTo(dir.resolve("questionnaire"))))
                .withPublicUrl(URI.create("https://gawahi.example.org"));
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

    @Test
    void takesAWholeTestimonyInHindiSealedInTheBrowser() throws Exception {
        takesAWholeTestimony(7101, "hi", "zqxkanarihindiwv");
    }

    @Test
    void takesAWholeTestimonyInEnglishSealedInTheBrowser() throws Exception {
        takesAWholeTestimony(7102, "en", "zqxcanaryenglishwv");
    }

    private void takesAWholeTestimony(long userId, String language, String canary) throws Exception {
        User her = emulator.user(userId, "Test", null, language);
        String initData = TestLaunches.launch(TOKEN, userId, language, Instant.now().minusSeconds(5));
        browser.open(proxy.uri() + "/form/#tgWebAppData=" + URLEncoder.encode(initData, StandardCharsets.UTF_8)
                + "&tgWebAppVersion=7.10&tgWebAppPlatform=android&tgWebAppThemeParams="
                + URLEncoder.encode("{}", StandardCharsets.UTF_8));

        String receipt = answerEverythingAndSend(language, canary);

        assertThat(receipt).matches("\\d{4} \\d{4} \\d{4} \\d{4}");
        assertTheBrowserKeepsNothing();
        assertThat(proxy.sent()).isNotEmpty().allSatisfy(sent -> {
            assertThat(new String(sent.body(), StandardCharsets.UTF_8)).as(sent.method() + " " + sent.path())
                    .doesNotContain(canary);
            assertThat(sent.path()).doesNotContain(canary);
        });
        assertThat(proxy.sent()).noneMatch(sent -> sent.path().contains("tgWebAppData"));

        emulator.sendText(her, "/status " + receipt);
        String pending = new QuestionnaireTexts(dir.resolve("questionnaire")).message(language, "status_pending");
        emulator.awaitBotMessage(her.chatId(), m -> m.text().contains(pending), WAIT);
        assertThat(emulator.chat(her.chatId()).messages()).noneMatch(m -> m.text().contains(receipt.substring(0, 9))
                && m.fromBot());
        assertThat(emulator.requestBodies()).allSatisfy(body ->
                assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain(canary));

        browser.close();
        browser = null;
        app.close();
        app = null;
        assertThat(new LeakScan().text("canary", canary).findIn(LeakScan.filesUnder(data))).isEmpty();
        try (Database db = Database.open(data); Opener opener = keys.unlock(PASSPHRASE)) {
            List<TestimonyTable.Row> rows = new TestimonyTable(db).sealedRows();
            assertThat(rows).hasSize(1);
            TestimonyTable.Row row = rows.get(0);
            try (SecretBytes plain = opener.open(row.sealed(),
                    SealedSubmissions.associatedData(row.id(), row.schemaVersion(), row.keyId()))) {
                TestimonyContent content = TestimonyContent.fromJson(plain);
                assertThat(content.language()).isEqualTo(language);
                assertThat(content.texts().values()).anySatisfy(text -> assertThat(text).contains(canary));
            }
        }
    }

    /**
     * Walks the page by its attributes only (issue 15's contract and the page's own marks): picks
     * her language ({@code data-language}), the first year and January ({@code data-year},
     * {@code data-month}), types the canary into each free-text field and a number into each number
     * field ({@code data-question}, then {@code data-action="next"}), takes the first option that
     * does not pause, leave, end or explain ({@code data-option}; a multiple choice then
     * {@code next}), and sends at the review ({@code data-action="submit"}). It never presses
     * back, erase, a review line's change ({@code data-edit}) or close.
     */
    private String answerEverythingAndSend(String language, String canary) throws InterruptedException {
        Set<String> avoid = FormBrowser.exitOptions(dir.resolve("questionnaire"));
        Set<WebElement> typed = new HashSet<>();
        boolean languageChosen = false;
        for (int step = 0; step < FormBrowser.MAX_STEPS; step++) {
            try {
                Optional<String> receipt = browser.receipt();
                if (receipt.isPresent()) {
                    return receipt.get();
                }
                List<WebElement> languages = browser.visible("[data-language]");
                if (!languages.isEmpty()) {
                    assertThat(languageChosen).as("the page asks for the language a second time: "
                            + browser.bodyText()).isFalse();
                    WebElement hers = languages.stream().filter(l -> language.equals(l.getAttribute("data-language")))
                            .findFirst().orElseThrow(() -> new AssertionError("the page does not offer " + language));
                    hers.click();
                    languageChosen = true;
                    continue;
                }
                if (browser.clickFirst("[data-year]") || browser.clickFirst("[data-month='1']")) {
                    continue;
                }
                List<WebElement> fields = browser.visible("[data-question]").stream().filter(f -> !typed.contains(f)).toList();
                if (!fields.isEmpty()) {
                    WebElement field = fields.get(0);
                    field.sendKeys("textarea".equals(field.getTagName()) ? "राह " + canary + " road" : "3");
                    typed.add(field);
                    browser.clickFirst("[data-action='next']");
                    continue;
                }
                if (browser.clickFirst("[data-action='submit']")) {
                    continue;
                }
                Optional<WebElement> choice = browser.visible("[data-option]").stream().filter(WebElement::isEnabled)
                        .filter(o -> !avoid.contains(o.getAttribute("data-option"))).findFirst();
                if (choice.isPresent()) {
                    boolean multi = !browser.visible("[data-action='next']").isEmpty(); // a single choice moves on by itself
                    choice.get().click();
                    if (multi) {
                        FormBrowser.waitUntil(() -> browser.visible("[data-option][aria-pressed='true']").size() > 0);
                        browser.clickFirst("[data-action='next']");
                    }
                    continue;
                }
                if (!browser.clickFirst("[data-action='next']") && !browser.clickFirst("[data-action='skip']")) {
                    Thread.sleep(100); // the page is still loading or sending
                }
            } catch (StaleElementReferenceException e) {
                // the screen changed under us: look again
            }
        }
        throw browser.noReceipt();
    }

    /**
     * Checked on the receipt screen itself, before anything closes: the page has no Telegram to
     * close it here (no TelegramWebviewProxy, no parent frame). A page that closed its own window
     * would fail this test, never skip the check.
     */
    private void assertTheBrowserKeepsNothing() {
        WebDriver driver = browser.driver();
        assertThat(driver.getWindowHandles()).as("the page's window, to read its storage after sending").isNotEmpty();
        assertThat(driver.getCurrentUrl()).as("still the form's page").contains("/form/");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(js.executeScript("return localStorage.length")).isEqualTo(0L);
        assertThat(js.executeScript("return sessionStorage.length")).isEqualTo(0L);
        assertThat(js.executeScript("return document.cookie")).isEqualTo("");
        assertThat(driver.manage().getCookies()).isEmpty();
        Object caches = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "(window.caches ? caches.keys() : Promise.resolve([])).then(k => done(k.length));");
        assertThat(caches).as("Cache Storage").isEqualTo(0L);
        Object databases = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "(indexedDB.databases ? indexedDB.databases() : Promise.resolve([])).then(d => done(d.length));");
        assertThat(databases).isEqualTo(0L);
        Object workers = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "(navigator.serviceWorker ? navigator.serviceWorker.getRegistrations() : Promise.resolve([]))"
                        + ".then(r => done(r.length));");
        assertThat(workers).isEqualTo(0L);
    }

    /** The questionnaire's messages, to recognise the bot's answer in her language. */
    private record QuestionnaireTexts(Path folder) {
        String message(String language, String key) {
            return QuestionnaireLoader.load(folder).texts(language).message(key);
        }
    }
}
