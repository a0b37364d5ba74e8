package cn.wenzhou.renovation.console;

import cn.wenzhou.renovation.testing.RequiredTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console in Debian's headless Chromium (installed by {@code .ci/install-browser}), signed in as staff would. */
final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    final ChromeDriver browser;
    final WebDriverWait wait;
    /** Where a link the console offers (this year's holiday form) lands when clicked. */
    final Path downloads;

    private final int port;

    private ConsoleBrowser(ChromeDriver browser, Path downloads, int port) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        this.downloads = downloads;
        this.port = port;
    }

    /** A fresh browser with its own profile in {@code temp}; the test is skipped (or fails on CI) without Chromium. */
    static ConsoleBrowser start(Path temp, int port) throws IOException {
        RequiredTools.assumeAvailable(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--lang=zh-CN",
                        "--user-data-dir=" + Files.createDirectories(temp.resolve("profile")));
        Path downloads = Files.createDirectories(temp.resolve("downloads"));
        options.setExperimentalOption(
                "prefs",
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        Files.createDirectories(SCREENSHOTS);
        return new ConsoleBrowser(browser, downloads, port);
    }

    void open() {
        browser.get("http://localhost:" + port + "/console/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    }

    void login(String user, String password) {
        WebElement name = browser.findElement(By.id("login-user"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = browser.findElement(By.id("login-password"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        wait.until(driver -> driver.findElement(By.id("workspace")).isDisplayed()
                || driver.findElement(By.id("login-error")).isDisplayed());
    }

    /** The file a download has finished writing under {@link #downloads}, waited for. */
    Path downloaded(String fileName) {
        Path file = downloads.resolve(fileName);
        wait.until(driver -> Files.isRegularFile(file));
        return file;
    }

    void screenshot(String name) throws IOException {
        Files.copy(
                browser.getScreenshotAs(OutputType.FILE).toPath(),
                SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        browser.quit();
    }
}
