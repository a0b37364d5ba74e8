package cn.wenzhou.renovation.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.testing.January2027WithoutItsNotice;
import cn.wenzhou.renovation.testing.StaffUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The holiday calendar in the console, in a real Chromium, on 2027-01-15 with the notices through 2026:
 * the warning on the first page, a malformed notice refused at its line, the made-up 2027 notice (the
 * real one is not in this repository) checked, its days listed, activated, and rolled back; and this year's
 * form downloaded through the console's link, mistyped in one cell and refused at that cell.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(January2027WithoutItsNotice.class)
class CalendarConsoleBrowserTest {

    private static final String PASSWORD = "console test";
    private static final Path MADE_UP_2027 = Path.of("src/test/resources/calendar/made-up-2027-notice.csv");

    @TempDir
    static Path calendarFolder;

    @LocalServerPort
    private int port;

    @TempDir
    Path temp;

    private ConsoleBrowser console;

    @DynamicPropertySource
    static void staffAndACalendarThrough2026(DynamicPropertyRegistry registry) {
        StaffUsers.register(registry, PASSWORD, "wang.fang", "rules-publisher");
        January2027WithoutItsNotice.register(registry, calendarFolder);
    }

    @BeforeEach
    void openBrowser() throws IOException {
        console = ConsoleBrowser.start(temp, port);
    }

    @AfterEach
    void closeBrowser() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void aPublisherSeesTheWarningLoadsNextYearsNoticeAndRollsItBack() throws Exception {
        console.open();
        assertThat(visibleText("calendar-warning"))
                .as("shown before signing in")
                .contains("2026-12-31", "已用完", "国务院办公厅关于2027年部分节假日安排的通知");
        console.login("wang.fang", PASSWORD);
        console.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace")));
        assertThat(visibleText("calendar-coverage")).contains("2020–2026");
        assertThat(console.browser.findElement(By.id("calendar-form-link")).getAttribute("href"))
                .endsWith("/api/v1/calendar/notices/2026.xlsx");
        console.screenshot("calendar-1-warning");

        Path malformed = temp.resolve("2027年放假安排.csv");
        Files.writeString(
                malformed,
                Files.readString(MADE_UP_2027, StandardCharsets.UTF_8)
                        .replace("2027-02-20,makeup_workday", "2027-02-17,makeup_workday"));
        check(malformed);
        assertThat(visibleText("calendar-verdict")).contains("检查未通过");
        assertThat(visibleText("calendar-findings")).contains("2027年放假安排.csv", "第 16 行", "类别", "2027-02-17", "周三");
        assertThat(console.browser.findElement(By.id("calendar-activate-form")).isDisplayed())
                .isFalse();
        console.screenshot("calendar-2-malformed");

        Path good = temp.resolve("2027年放假安排（改正）.csv");
        Files.copy(MADE_UP_2027, good);
        check(good);
        assertThat(visibleText("calendar-verdict")).contains("2027 年放假安排检查通过");
        assertThat(console.browser.findElements(By.cssSelector("#calendar-diff tr.calendar-added")))
                .hasSize(37);
        assertThat(visibleText("calendar-diff-summary")).isEqualTo("新增 37 天，改动 0 天，删去 0 天");
        assertThat(console.browser
                        .findElement(By.cssSelector("#calendar-diff tr.calendar-added"))
                        .getText())
                .as("in staff's words, not the API's codes")
                .isEqualTo("新增 2027-01-01 放假 元旦");
        console.browser.findElement(By.id("calendar-comment")).sendKeys("载入2027年放假安排（测试用，虚构）");
        console.screenshot("calendar-3-checked");
        console.browser.findElement(By.id("calendar-activate")).click();
        console.wait.until(ExpectedConditions.textMatches(
                By.id("calendar-verdict"), java.util.regex.Pattern.compile("^已启用日历版本 2")));
        console.wait.until(
                driver -> !driver.findElement(By.id("calendar-warning")).isDisplayed());
        assertThat(visibleText("calendar-coverage")).contains("2020–2027");
        assertThat(versionRow(2).getAttribute("class")).isEqualTo("active");
        assertThat(versionRow(2).getText()).contains("wang.fang", "载入2027年放假安排（测试用，虚构）", "2020–2027", "当前启用");
        assertThat(console.browser.findElement(By.id("calendar-form-link")).getAttribute("href"))
                .as("this year's form is now the newest notice's")
                .endsWith("/api/v1/calendar/notices/2027.xlsx");
        console.screenshot("calendar-4-activated");

        console.browser
                .findElement(By.cssSelector("#calendar-versions button.calendar-rollback"))
                .click();
        console.wait.until(ExpectedConditions.alertIsPresent()).accept();
        console.wait.until(ExpectedConditions.textMatches(
                By.id("calendar-coverage"), java.util.regex.Pattern.compile(".*2020–2026.*")));
        assertThat(visibleText("calendar-warning")).contains("已用完");
        assertThat(versionRow(1).getAttribute("class")).isEqualTo("active");
        assertThat(versionRow(2).findElements(By.cssSelector("button.calendar-rollback")))
                .hasSize(1);
        assertThat(console.browser.findElement(By.id("calendar-report")).isDisplayed())
                .as("the report of the activation just undone no longer shows")
                .isFalse();
        console.browser.findElement(By.cssSelector("#calendar-panel details")).click();
        assertThat(visibleText("calendar-activations")).contains("部署", "启用 版本 2", "回退 版本 1");
        console.screenshot("calendar-5-rolled-back");
    }

    /**
     * What staff do with the link: the form downloads in the browser, a cell is mistyped in it, and the
     * upload is refused at that cell of the sheet, in Chinese.
     */
    @Test
    void aMistypedCellOfTheDownloadedFormIsRefusedAtThatCell() throws Exception {
        console.open();
        console.login("wang.fang", PASSWORD);
        console.browser.findElement(By.id("calendar-form-link")).click();
        Path form = console.downloaded("2026年放假安排.xlsx");

        Path mistyped = temp.resolve("2026年放假安排（改错）.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(form))) {
            Sheet sheet = workbook.getSheet("放假安排");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("类别");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("放假");
            sheet.getRow(1).getCell(1).setCellValue("休息");
            try (var out = Files.newOutputStream(mistyped)) {
                workbook.write(out);
            }
        }
        check(mistyped);
        assertThat(visibleText("calendar-verdict")).contains("检查未通过");
        assertThat(console.browser.findElements(By.cssSelector("#calendar-findings li.calendar-finding")))
                .extracting(WebElement::getText)
                .containsExactly("2026年放假安排（改错）.xlsx 工作表“放假安排” B2（类别）：“休息”不是类别：应为“放假”或“调休上班”");
        assertThat(console.browser.findElement(By.id("calendar-activate-form")).isDisplayed())
                .isFalse();
        console.screenshot("calendar-6-mistyped-cell");
    }

    private WebElement versionRow(int number) {
        return console.browser.findElement(By.cssSelector("#calendar-versions tr[data-version='" + number + "']"));
    }

    private void check(Path file) {
        WebElement input = console.browser.findElement(By.id("calendar-file"));
        console.browser.executeScript(
                "arguments[0].value = ''; document.getElementById('calendar-verdict').textContent = ''", input);
        input.sendKeys(file.toAbsolutePath().toString());
        console.browser.findElement(By.id("calendar-check")).click();
        console.wait.until(driver -> {
            String verdict = driver.findElement(By.id("calendar-verdict")).getText();
            return !verdict.isEmpty() && !verdict.startsWith("正在")
                    || driver.findElement(By.id("calendar-error")).isDisplayed();
        });
    }

    private String visibleText(String id) {
        return console.wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)))
                .getText();
    }
}
