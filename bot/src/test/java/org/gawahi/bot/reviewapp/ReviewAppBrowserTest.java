package org.gawahi.bot.reviewapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.gawahi.bot.miniapp.TestLaunches;
import org.gawahi.bot.telegram.TelegramChats;
import org.gawahi.bot.telegram.TelegramSettings;
import org.gawahi.bot.telegram.emulator.BotApiEmulator;
import org.gawahi.bot.telegram.emulator.User;
import org.gawahi.bot.wiring.GawahiApplication;
import org.gawahi.bot.wiring.RunSettings;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.settings.Settings;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditEntry;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.gawahi.storage.roles.Roles;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 16's proof, end to end: the real bot, unlocked, with a public URL, polling the Bot API
 * emulator through a proxy that keeps every call's body; a testimony given through the form's
 * path (a record sealed outside the bot, stored by SealedSubmissions.storeSealed); a moderator's
 * /queue answered with the web_app button; Debian's headless Chromium opening the review page
 * with test launch data in the fragment, as Telegram does, and reviewing it: the testimony
 * hidden when the page goes to the background, redacted, linked to a new raid event, approved; a
 * message back to a respondent who asked; then, ten minutes idle, the page wipes itself.
 * Then: no call the bot made to Telegram carries any of the testimony's words, and the audit
 * chain verifies and shows every action under the moderator's pseudonym.
 */
class ReviewAppBrowserTest {
    static final String TOKEN = "424242:review-app-browser";
    static final long MODERATOR = 5_000_777_888L;
    static final String CANARY = "CANARY-browser-3b7e-officer-name";
    static final String ORIGINAL = "They came at night. " + CANARY + " took [#phone] and the money.";
    static final String REDACTED = "They came at night. took [#phone] and the money.";
    static final long RESPONDENT = 4242;
    static final String MESSAGE = "Please call the collective's number when it is safe.";
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private BotApiEmulator emulator;
    private RecordingProxy proxy;
    private ConfigurableApplicationContext app;
    private WebDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aModeratorReviewsInTheBrowserAndTelegramCarriesNoneOfTheTestimony() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium"))
                && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "Debian's chromium and chromium-driver are not installed (/usr/bin/chromium, /usr/bin/chromedriver): "
                        + "the review app's browser test cannot run here (CI installs them: .ci/run)");
        Path data = Files.createDirectories(dir.resolve("data"));
        List<String> ids = giveThroughTheForm(data);
        String id = ids.get(0);
        String asking = ids.get(1);
        emulator = BotApiEmulator.start(TOKEN);
        proxy = new RecordingProxy(emulator.baseUrl());
        app = GawahiApplication.start(new RunSettings(TelegramSettings.polling(Secret.of(TOKEN),
                URI.create(proxy.baseUrl())), data, Optional.empty(), Settings.DraftMode.DISK, Duration.ofHours(24),
                Optional.of(TestStorage.PASSPHRASE), Optional.empty()).withPublicUrl(URI.create("https://gawahi.example.org")),
                "--server.port=0", "--server.address=127.0.0.1");
        int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
        String base = "http://127.0.0.1:" + port + "/review/";

        User moderator = emulator.user(MODERATOR, "Mod", null, "en");
        User respondent = emulator.user(RESPONDENT, "Her", null, "hi");
        emulator.sendText(moderator, "/queue");
        String queue = emulator.awaitBotMessage(moderator.chatId(), m -> m.text().contains("Urgent, waiting"), WAIT).text();
        assertThat(queue).doesNotContain(CANARY).doesNotContain(id.substring(0, 8));
        assertThat(proxy.calls()).anySatisfy(c -> assertThat(c.body()).contains("web_app")
                .contains("https://gawahi.example.org/review/"));

        browser = chromium();
        String initData = TestLaunches.launch(TOKEN, MODERATOR, "en", Instant.now().minusSeconds(30));
        browser.get(base + "#tgWebAppData=" + URLEncoder.encode(initData, StandardCharsets.UTF_8)
                + "&tgWebAppVersion=7.10&tgWebAppPlatform=android");
        click("button[data-action='next']");
        await(() -> !browser.findElements(By.cssSelector("[data-testimony='" + id + "']")).isEmpty());
        assertThat(browser.findElement(By.id("app")).getText()).contains(CANARY);
        assertThat(browser.findElements(By.cssSelector("mark[data-masked]"))).extracting(WebElement::getText)
                .containsExactly("[#phone]");

        String reviewing = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.switchTo().window(reviewing);
        await(() -> !browser.findElements(By.cssSelector("button[data-action='reopen']")).isEmpty());
        assertThat(browser.findElement(By.id("app")).getText()).doesNotContain(CANARY);
        click("button[data-action='reopen']");

        click("button[data-action='redact']:not([data-question])");
        WebElement area = await(() -> first("textarea[data-redaction='q29']"));
        area.clear();
        area.sendKeys(REDACTED);
        click("button[data-action='redact'][data-question='q29']");
        await(() -> browser.findElement(By.id("app")).getText().contains("Done.")
                && !browser.findElement(By.id("app")).getText().contains(CANARY));

        click("button[data-action='link']:not([data-event])");
        click("button[data-action='link'][data-event='new']");
        await(() -> first("[data-testimony]") != null && first("[data-testimony]").getText().contains("Event"));

        click("button[data-action='approve']");
        await(() -> first("[data-testimony='" + asking + "']"));
        click("button[data-action='contact']:not([data-send])");
        await(() -> first("textarea[data-contact]")).sendKeys(MESSAGE);
        click("button[data-action='contact'][data-send]");
        await(() -> browser.findElement(By.id("app")).getText().contains("Sent."));
        assertThat(emulator.awaitBotMessage(respondent.chatId(), m -> m.text().contains(MESSAGE), WAIT).text())
                .doesNotContain(CANARY);
        assertThat(browser.findElement(By.id("app")).getText()).contains("Another night.");
        // Ten minutes without a touch, in the browser's virtual time: the page wipes the testimony and closes.
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setVirtualTimePolicy",
                Map.of("policy", "advance", "budget", 10 * 60 * 1000 + 1000));
        await(() -> browser.findElement(By.id("app")).getText().contains("Closed after 10 minutes without use."));
        assertThat(browser.findElement(By.id("app")).getText()).doesNotContain("Another night.");
        assertThat(browser.findElements(By.cssSelector("button"))).isEmpty();

        assertNoTraceHeaders(base);
        app.close();
        app = null;

        assertThat(proxy.calls()).as("the proxy sees the words the bot sends").anySatisfy(c -> assertThat(c.body())
                .contains("Urgent, waiting"));
        assertThat(proxy.calls()).isNotEmpty().allSatisfy(c -> assertThat(c.body())
                .doesNotContain(CANARY).doesNotContain("They came at night").doesNotContain("the money"));
        try (Database db = Database.open(data); Opener opener = new TestStorageKeys(data).unlock()) {
            AuditLog audit = new AuditLog(db, Clock.systemUTC());
            assertThat(audit.verify().ok()).isTrue();
            String actor;
            try (RoleBook book = new Roles(db, TestStorage.RANDOM).open(opener)) {
                actor = book.actorPseudonym(TelegramChats.conversation(MODERATOR));
            }
            List<AuditEntry> entries = audit.entries(1, 1000);
            assertThat(entries).extracting(AuditEntry::action).containsSubsequence(AuditAction.TESTIMONY_VIEWED,
                    AuditAction.TESTIMONY_REDACTED, AuditAction.EVENT_CREATED, AuditAction.EVENT_LINKED,
                    AuditAction.TESTIMONY_APPROVED, AuditAction.CONTACT_MESSAGE_SENT, AuditAction.CONTACT_HANDLE_ERASED);
            assertThat(entries).filteredOn(e -> e.action() != AuditAction.ACCESS_REFUSED)
                    .allSatisfy(e -> assertThat(e.actor()).isEqualTo(actor));
        }
    }

    /** The keys of the data directory, opened as the operator would. */
    private record TestStorageKeys(Path data) {
        Opener unlock() throws Exception {
            return new org.gawahi.storage.crypto.Keys(data, TestStorage.RANDOM, Clock.systemUTC()).unlock(TestStorage.PASSPHRASE);
        }
    }

    /**
     * Keys, a moderator, and two testimonies sealed outside the bot and stored as the form stores
     * them: an urgent one (reviewed first), and one whose author asked for a message back.
     */
    private static List<String> giveThroughTheForm(Path data) throws Exception {
        try (TestStorage storage = TestStorage.create(data, Clock.systemUTC()); Opener opener = storage.unlock()) {
            Roles roles = new Roles(storage.db, TestStorage.RANDOM);
            try (RoleBook book = roles.open(opener)) {
                book.grant(TelegramChats.conversation(MODERATOR), Role.MODERATOR);
                roles.save(book, storage.keys.sealer(), opener);
            }
            String urgent = store(storage, new TestimonyContent("raid", 1, "hi", Map.of("q2", List.of("mh")),
                    Map.of("q29", ORIGINAL), java.util.Set.of(), true), "ab", Optional.empty());
            String asking = store(storage, new TestimonyContent("raid", 1, "hi", Map.of("q2", List.of("mh")),
                    Map.of("q29", "Another night.")), "cd", Optional.of("hi"));
            return List.of(urgent, asking);
        }
    }

    private static String store(TestStorage storage, TestimonyContent content, String launch,
                                Optional<String> contactLanguage) throws Exception {
        byte[] raw = new byte[16];
        TestStorage.RANDOM.nextBytes(raw);
        String id = HexFormat.of().formatHex(raw);
        var sealer = storage.keys.sealer();
        byte[] record = sealer.seal(content.toJson(), SealedSubmissions.associatedData(id, 1, sealer.keyId()));
        var arrival = storage.submissions.storeSealed(id, record, storage.pseudonyms.launchHash(launch.repeat(32)),
                Instant.now().plus(Duration.ofHours(1)), ChatRef.of(RESPONDENT), contactLanguage);
        assertThat(arrival.refusal()).isEmpty();
        return id;
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private void assertNoTraceHeaders(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (HttpRequest request : List.of(HttpRequest.newBuilder(URI.create(base)).GET().build(),
                HttpRequest.newBuilder(URI.create(base + "api/queue"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"initData\":\"forged\"}")).build())) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'self'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(response.headers().map()).doesNotContainKey("set-cookie");
        }
    }

    private WebElement first(String css) {
        List<WebElement> found = browser.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0);
    }

    private void click(String css) {
        await(() -> first(css)).click();
    }

    /** Polls until {@code condition} holds (or is non-null); fails after {@link #WAIT} with what the page shows. */
    private <T> T await(Supplier<T> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            T value;
            try {
                value = condition.get();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                value = null;
            }
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        throw new AssertionError("the page did not get there; it shows: " + browser.findElement(By.id("app")).getText());
    }
}
