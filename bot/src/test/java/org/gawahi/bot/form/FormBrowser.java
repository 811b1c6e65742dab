package org.gawahi.bot.form;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium on the form's page, and the few moves the end-to-end tests make on
 * it: only by the page's own marks ({@code data-language}, {@code data-option}, {@code data-action},
 * {@code data-question}, {@code data-receipt}), never by layout or wording. Each test keeps its own
 * walk through the questionnaire (what it types and which options it prefers is what it proves);
 * the moves and the browser are here once.
 */
final class FormBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Enough for the whole raid questionnaire with every follow-up, several times over. */
    static final int MAX_STEPS = 300;

    private final WebDriver driver;

    private FormBrowser(WebDriver driver) {
        this.driver = driver;
    }

    /** Whether Debian's chromium and chromium-driver are installed (CI's {@code .ci/run} installs them). */
    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A fresh headless Chromium the size of a small phone, with its profile under {@code profile}. */
    static FormBrowser start(Path profile) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=360,740",
                "--user-data-dir=" + Files.createDirectories(profile));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new FormBrowser(new ChromeDriver(service, options));
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The receipt on the last screen, as "1234 5678 9012 3456", once the page shows it. */
    Optional<String> receipt() {
        return visible("[data-receipt]").stream().map(WebElement::getText)
                .map(String::strip).filter(t -> t.matches(".*\\d{4}.*")).findFirst()
                .map(t -> t.replaceAll("[^0-9]", "").replaceAll("(\\d{4})(?=\\d)", "$1 "));
    }

    List<WebElement> visible(String css) {
        try {
            return driver.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).toList();
        } catch (WebDriverException e) {
            return List.of(); // the screen changed under us
        }
    }

    /** Clicks the first visible, enabled element matching {@code css}; false when there is none. */
    boolean clickFirst(String css) {
        for (WebElement element : visible(css)) {
            try {
                if (element.isEnabled()) {
                    element.click();
                    return true;
                }
            } catch (WebDriverException e) {
                return false;
            }
        }
        return false;
    }

    /** Waits up to five seconds for {@code condition}; the caller asserts what it needs afterwards. */
    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
    }

    void waitForText(String text) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try {
                if (bodyText().contains(text)) {
                    return;
                }
            } catch (WebDriverException e) {
                // the page is loading
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the page never said \"" + text + "\"; it shows: " + bodyText());
    }

    AssertionError noReceipt() {
        return new AssertionError("no receipt after " + MAX_STEPS + " steps; the page shows: " + bodyText());
    }

    /**
     * Option ids that pause, leave or end the questionnaire, or ask for more explanation (every
     * option with an {@code action} in the questionnaire): a walk that wants a receipt avoids them.
     */
    static Set<String> exitOptions(Path questionnaire) {
        Set<String> avoid = new HashSet<>();
        Object tree = QuestionnaireLoader.tree(QuestionnaireLoader.source(Optional.of(questionnaire)),
                "questionnaire.yaml").orElseThrow();
        walk(tree, avoid);
        return avoid;
    }

    private static void walk(Object node, Set<String> avoid) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("id") != null && map.get("action") != null) {
                avoid.add(map.get("id").toString());
            }
            map.values().forEach(v -> walk(v, avoid));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> walk(v, avoid));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
