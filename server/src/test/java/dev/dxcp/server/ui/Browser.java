package dev.dxcp.server.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * Debian's headless Chromium driven through its chromedriver, both named explicitly so Selenium
 * Manager never looks for (or downloads) a browser. A missing browser fails the test: browser tests
 * never skip. The flags keep Chromium off the network this machine does not have.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("dxcp.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("dxcp.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
    static final Duration WAIT = Duration.ofSeconds(Long.getLong("dxcp.ui.wait-seconds", 40));

    private final ChromeDriver driver;
    private final Path profile;
    private String baseUrl;

    private Browser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver (.ci/run does)");
        }
        try {
            profile = Files.createTempDirectory("dxcp-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,960", "--user-data-dir=" + profile);
        // The audit export saves one file per export, started after the stream ends (not in the click itself).
        options.setExperimentalOption("prefs", java.util.Map.of("download.prompt_for_download", false,
                "profile.default_content_setting_values.automatic_downloads", 1));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1440, 960));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    private static Browser shared;

    /** One browser per test JVM: Chromium starts once, each test starts from a fresh origin state. */
    public static synchronized Browser shared() {
        if (shared == null) {
            shared = new Browser();
            Browser started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "chromium-shutdown"));
        }
        return shared;
    }

    /**
     * Lets the page save downloads (the audit export) into a fresh directory, returned; Chromium writes
     * a {@code .crdownload} file first and renames it when the download is complete.
     */
    public Path downloads() {
        try {
            Path directory = Files.createTempDirectory(profile, "downloads-");
            driver.executeCdpCommand("Browser.setDownloadBehavior",
                    java.util.Map.of("behavior", "allow", "downloadPath", directory.toString()));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the next complete download in {@code directory} whose name is not in {@code seen}. */
    public Path awaitDownload(Path directory, java.util.Set<Path> seen) {
        return waitFor(d -> {
            try (var files = Files.list(directory)) {
                return files.filter(f -> !seen.contains(f) && !f.getFileName().toString().endsWith(".crdownload"))
                        .findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Forgets everything the page kept (memory, sessionStorage, localStorage, cookies) for this origin. */
    public Browser reset(String baseUrl) {
        this.baseUrl = baseUrl;
        driver.get(baseUrl + "/favicon.svg");
        driver.manage().deleteAllCookies();
        js("try { sessionStorage.clear(); localStorage.clear(); } catch (e) {}");
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public WebElement byTestId(String testId) {
        return waitFor(d -> visible(By.cssSelector("[data-testid='" + testId + "']")));
    }

    public List<WebElement> allByTestId(String testId) {
        return driver.findElements(By.cssSelector("[data-testid='" + testId + "']"));
    }

    public boolean present(String testId) {
        return !allByTestId(testId).isEmpty();
    }

    public String text(String testId) {
        return byTestId(testId).getText();
    }

    /**
     * Waits until the element with this test id shows text containing {@code expected}, ignoring case:
     * the text is read as rendered, and badges are upper-cased by their style, not in the page's words.
     */
    public String awaitText(String testId, String expected) {
        String wanted = expected.toLowerCase(java.util.Locale.ROOT);
        return waitFor(d -> {
            for (WebElement element : allByTestId(testId)) {
                try {
                    if (element.isDisplayed() && element.getText().toLowerCase(java.util.Locale.ROOT).contains(wanted)) {
                        return element.getText();
                    }
                } catch (StaleElementReferenceException ignored) {
                    // re-rendered: look again
                }
            }
            return null;
        });
    }

    public void awaitPageText(String expected) {
        waitFor(d -> bodyText().contains(expected) ? Boolean.TRUE : null);
    }

    public String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void click(String testId) {
        WebElement element = waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid='" + testId + "']")));
        element.click();
    }

    /**
     * Clicks an input drawn over by its own styling (Mantine's switch hides its checkbox under the
     * track), as a user's click on the control does.
     */
    public void clickInput(String testId) {
        WebElement input = waitFor(d -> d.findElements(By.cssSelector("[data-testid='" + testId + "']")).stream()
                .findFirst().orElse(null));
        js("arguments[0].click();", input);
    }

    /** Clicks the button (or link) whose visible text is exactly {@code label}. */
    public void clickButton(String label) {
        WebElement element = waitFor(d -> {
            for (WebElement candidate : d.findElements(By.xpath("//button[normalize-space(.)='" + label + "'] | //a[normalize-space(.)='" + label + "']"))) {
                if (candidate.isDisplayed() && candidate.isEnabled() && candidate.getAttribute("disabled") == null
                        && !"true".equals(candidate.getAttribute("data-disabled"))) {
                    return candidate;
                }
            }
            return null;
        });
        element.click();
    }

    public boolean buttonPresent(String label) {
        return driver.findElements(By.xpath("//button[normalize-space(.)='" + label + "'] | //a[normalize-space(.)='" + label + "']"))
                .stream().anyMatch(WebElement::isDisplayed);
    }

    /** The input, textarea or select inside (or being) the element with this test id. */
    public WebElement field(String testId) {
        WebElement element = byTestId(testId);
        String tag = element.getTagName();
        if (tag.equals("input") || tag.equals("textarea") || tag.equals("select")) {
            return element;
        }
        return element.findElement(By.cssSelector("input, textarea, select"));
    }

    public void type(String testId, String text) {
        WebElement input = field(testId);
        input.clear();
        // React reads input events; clearing by key presses keeps its state in step with the DOM.
        String current = input.getAttribute("value");
        if (current != null && !current.isEmpty()) {
            input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        }
        input.sendKeys(text);
    }

    /**
     * Sets an input's value as the browser's own picker would (a datetime-local input takes no typed ISO
     * text), then fires the input event React listens to.
     */
    public void setValue(String testId, String value) {
        js("const input = arguments[0];"
                + "Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, arguments[1]);"
                + "input.dispatchEvent(new Event('input', { bubbles: true }));", field(testId), value);
    }

    public void select(String testId, String value) {
        waitFor(d -> new Select(field(testId)).getOptions().stream().anyMatch(o -> value.equals(o.getAttribute("value"))) ? Boolean.TRUE : null);
        new Select(field(testId)).selectByValue(value);
    }

    public boolean enabled(String testId) {
        WebElement element = byTestId(testId);
        return element.isEnabled() && element.getAttribute("disabled") == null && !"true".equals(element.getAttribute("data-disabled"));
    }

    public void awaitEnabled(String testId, boolean expected) {
        waitFor(d -> enabled(testId) == expected ? Boolean.TRUE : null);
    }

    public void awaitPath(String prefix) {
        waitFor(d -> path().startsWith(prefix) ? Boolean.TRUE : null);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(condition, WAIT);
    }

    public <T> T waitFor(Function<WebDriver, T> condition, Duration timeout) {
        try {
            return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).ignoring(StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (RuntimeException e) {
            screenshot("failure-" + System.currentTimeMillis());
            throw new AssertionError("Waited " + timeout.toSeconds() + " s on " + path() + "; page text:\n"
                    + safeBodyText() + "\nconsole:\n" + consoleLog(), e);
        }
    }

    private WebElement visible(By by) {
        for (WebElement element : driver.findElements(by)) {
            if (element.isDisplayed()) {
                return element;
            }
        }
        return null;
    }

    private String safeBodyText() {
        try {
            return bodyText();
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    public String consoleLog() {
        StringBuilder out = new StringBuilder();
        try {
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                out.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n');
            }
        } catch (RuntimeException e) {
            out.append("(no console log: ").append(e.getMessage()).append(")");
        }
        return out.toString();
    }

    /** Saves the whole page (not only the window) as target/ui-screenshots/NAME.png. */
    public Path screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        try {
            Files.createDirectories(SCREENSHOTS);
            Number height = (Number) js("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            if (height != null && height.intValue() > window.getHeight() - 120) {
                driver.manage().window().setSize(new Dimension(window.getWidth(), Math.min(height.intValue() + 140, 4000)));
            }
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // already gone
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
