package cn.wenzhou.renovation.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.testing.Inventories;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The rules console end to end in Debian's headless Chromium: a publisher logs in, uploads a broken
 * table and reads the finding at its cell, uploads a good one, sees the change, activates it, tries a
 * decision, rolls back. Screenshots of each step go to {@code target/console-screenshots} (the pictures in
 * docs/规则维护手册.md are taken from them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RulesConsoleBrowserTest {

    private static final String PASSWORD = "console test";

    @LocalServerPort
    private int port;

    @TempDir
    Path temp;

    private ConsoleBrowser console;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @DynamicPropertySource
    static void staff(DynamicPropertyRegistry registry) {
        StaffUsers.register(registry, PASSWORD, "wang.fang", "rules-publisher", "li.na", "rules-editor");
    }

    @BeforeEach
    void openBrowser() throws IOException {
        console = ConsoleBrowser.start(temp, port);
        browser = console.browser;
        wait = console.wait;
    }

    @AfterEach
    void closeBrowser() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void aPublisherFindsTheBrokenCellThenActivatesAGoodTableTriesItAndRollsBack() throws Exception {
        Path broken = table("broken", 3000);
        String brokenCell = lastEditedCell;
        Path good = table("good", 2005);

        open();
        login("wang.fang", "wrong password");
        assertThat(visibleText("login-error")).contains("用户名或密码不对");
        login("wang.fang", PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace")));
        assertThat(activeVersionRow()).isEqualTo("1");
        screenshot("1-versions");

        upload(broken);
        WebElement finding = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#findings tr.finding[data-cell='" + brokenCell + "']")));
        assertThat(finding.getText())
                .contains(RuleFolderCopy.ELIGIBILITY_TABLE_NAME, RuleFolderCopy.PARAMETER_SHEET, brokenCell, "3000");
        assertThat(browser.findElement(By.id("report-verdict")).getText()).contains("校验未通过");
        // The table itself, with the cell at fault highlighted and its finding as the cell's title.
        WebElement highlighted = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#report-preview td.finding-cell[data-cell='" + brokenCell + "']")));
        assertThat(highlighted.getText()).isEqualTo("3000");
        assertThat(highlighted.getAttribute("title")).contains("3000");
        assertThat(browser.findElements(By.cssSelector("#report-preview td.finding-cell")))
                .hasSize(1);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", highlighted);
        assertThat(browser.findElement(By.id("activate-form")).isDisplayed()).isFalse();
        screenshot("2-broken-table-finding");

        upload(good);
        wait.until(ExpectedConditions.textMatches(
                By.id("report-verdict"), java.util.regex.Pattern.compile("^校验通过；改变了 \\d+ 个测试场景结果")));
        assertThat(browser.findElements(By.cssSelector("#findings tr.finding"))).isEmpty();
        assertThat(browser.findElement(By.id("changes")).getText())
                .contains("ELIG-PARAM-PRIORITY-CUTOFF", "2000", "2005");
        // The golden cases beside the tables, each told as 「期望 … 实际 …」.
        assertThat(browser.findElements(By.cssSelector("#scenario-changes tr.scenario-change")))
                .anySatisfy(row ->
                        assertThat(row.getText()).contains("eligibility.cases.xlsx", "测试用例第", "期望", "实际", "由规则"));
        browser.findElement(By.id("activate-comment")).sendKeys("2005年口径试行");
        browser.findElement(By.id("activate")).click();
        // Without the tick the page says what is missing, and nothing is sent.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("activate-error")));
        assertThat(visibleText("activate-error")).contains("请先勾选确认");
        assertThat(activeVersionRow()).as("not accepted, not activated").isEqualTo("1");
        browser.findElement(By.id("accept-scenario-changes")).click();
        screenshot("3-good-table-diff");
        browser.findElement(By.id("activate")).click();
        wait.until(ExpectedConditions.textToBe(By.id("report-verdict"), "已启用版本 2"));
        wait.until(driver -> "2".equals(activeVersionRow()));
        assertThat(browser.findElement(By.cssSelector("#versions tr.active")).getText())
                .contains("wang.fang", "2005年口径试行", "测试场景");

        assertThat(tryDecision(2003)).isEqualTo("PRIORITY_RENOVATION");
        screenshot("4-activated-and-tried");

        browser.findElement(By.cssSelector("#versions button.rollback[data-version='1']"))
                .click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(driver -> "1".equals(activeVersionRow()));
        assertThat(tryDecision(2003)).isEqualTo("NOT_ELIGIBLE");
        browser.findElement(By.cssSelector("#workspace details")).click();
        assertThat(browser.findElement(By.id("activations")).getText()).contains("部署", "启用 版本 2", "回退 版本 1");
        screenshot("5-rolled-back");
    }

    @Test
    void anEditorValidatesAndIsShownNeitherActivationNorRollbackOnlyWhoMayActivate() throws Exception {
        Path good = table("good", 2005);
        open();
        login("li.na", PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace")));
        assertThat(visibleText("editor-note")).contains("编辑人员", "发布人员");
        assertThat(browser.findElements(By.cssSelector("#versions button.rollback")))
                .isEmpty();

        upload(good);
        wait.until(ExpectedConditions.textMatches(By.id("report-verdict"), java.util.regex.Pattern.compile("^校验通过")));

        assertThat(browser.findElement(By.id("activate-form")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("changes")).getText()).contains("2000 → 2005");
        assertThat(activeVersionRow()).isEqualTo("1");
    }

    /**
     * The officer's whole day, as the "done when" walks it: the editor keeps an inventory, downloads the
     * active table, edits it as staff would (POI stands in for Excel), checks it and sees what it does to her
     * communities, submits it; the publisher sees the change, the scenario answers and the impact, must tick before
     * approving; the decision changes; the change record downloads; a rollback restores the deployed rules.
     */
    @Test
    void anEditorSubmitsHerEditAndAPublisherApprovesItAfterSeeingWhatItChanges() throws Exception {
        open();
        login("li.na", PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace")));
        keepInventory(24);
        assertThat(visibleText("inventory-state")).contains("24 个小区", "li.na");

        browser.findElement(By.cssSelector("#tables button.download-table[data-file='scope-parameters.xlsx']"))
                .click();
        Path downloaded = console.downloaded("scope-parameters.xlsx");
        RuleFolderCopy.editCell(downloaded, RuleFolderCopy.CUTOFF_ROW, "取值", cell -> cell.setCellValue(2005));
        upload(downloaded);
        assertThat(browser.findElement(By.id("report-impact")).getText())
                .contains("对小区清单的影响", "清单共 24 个小区", "个小区的改造范围结论由");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("submit-form")));
        browser.findElement(By.id("submit-reason")).sendKeys("按不含2000年以后的口径试行");
        browser.findElement(By.id("submit-for-review")).click();
        String number = submittedNumber();
        WebElement submitted = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#submissions tr.submission[data-number='" + number + "']")));
        assertThat(submitted.getText()).contains("li.na", "按不含2000年以后的口径试行", "待审核");
        screenshot("6-editor-submitted");

        browser.findElement(By.id("logout")).click();
        login("wang.fang", PASSWORD);
        assertThat(tryDecision(2003)).isEqualTo("NOT_ELIGIBLE");
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#submissions button.open-submission[data-number='" + number + "']")))
                .click();
        wait.until(ExpectedConditions.textMatches(
                By.id("review-verdict"), java.util.regex.Pattern.compile("^校验通过；改变了 \\d+ 个测试场景结果")));
        assertThat(browser.findElement(By.id("review-changes")).getText()).contains("2000 → 2005");
        assertThat(browser.findElements(By.cssSelector("#review-scenario-changes tr.scenario-change")))
                .anySatisfy(row -> assertThat(row.getText()).contains("测试用例第", "期望", "实际", "由规则"));
        assertThat(browser.findElement(By.id("review-impact")).getText()).contains("清单共 24 个小区", "个小区的改造范围结论由");
        browser.findElement(By.id("approve")).click();
        assertThat(visibleText("review-error")).contains("请先勾选确认");
        String before = activeVersionRow();
        browser.findElement(By.id("review-accept")).click();
        browser.findElement(By.id("review-comment")).sendKeys("同意试行");
        screenshot("7-publisher-reviews");
        browser.findElement(By.id("approve")).click();

        wait.until(ExpectedConditions.textMatches(By.id("review-verdict"), java.util.regex.Pattern.compile("^已审核启用")));
        wait.until(driver -> !before.equals(activeVersionRow()));
        String approved = activeVersionRow();
        assertThat(browser.findElement(By.cssSelector("#versions tr.active")).getText())
                .contains("wang.fang", "按不含2000年以后的口径试行", "li.na", "同意试行");
        wait.until(driver -> submissionRow(number).contains("已审核启用"));
        assertThat(submissionRow(number)).contains("版本 " + approved);
        assertThat(tryDecision(2003)).as("the approved edit decides").isEqualTo("PRIORITY_RENOVATION");
        screenshot("8-approved");

        browser.findElement(By.cssSelector("#submissions button.download-record[data-number='" + number + "']"))
                .click();
        Path record = console.downloaded("规则修改审批单-wenzhou-第" + number + "号.docx");
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(record));
                var words = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            assertThat(words.getText())
                    .contains("规则修改审批单", "li.na", "wang.fang", "2000", "2005", "同意试行")
                    .contains("对小区清单的影响", "清单共 24 个小区");
        }

        browser.findElement(By.cssSelector("#versions button.rollback[data-version='1']"))
                .click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(driver -> "1".equals(activeVersionRow()));
        assertThat(tryDecision(2003)).isEqualTo("NOT_ELIGIBLE");
    }

    @Test
    void aCountyIsShownWithWhatItsOwnTablesChangeAgainstWenzhou() throws Exception {
        open();
        login("li.na", PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace")));
        assertThat(browser.findElement(By.id("county-diff-panel")).isDisplayed())
                .isFalse();

        new Select(browser.findElement(By.id("jurisdiction"))).selectByValue("yueqing");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#county-diff li.county-diff-line")));
        assertThat(browser.findElement(By.id("county-diff")).getText())
                .isNotBlank()
                .doesNotContain("与温州市规则相同")
                .contains("subdistricts");
        screenshot("9-county-diff");
    }

    @Test
    void aPublisherCannotApproveHerOwnSubmissionAndMustSayWhySheReturnsOne() throws Exception {
        Path good = table("good", 2005);
        open();
        login("wang.fang", PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace")));
        upload(good);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("submit-form")));
        browser.findElement(By.id("submit-reason")).sendKeys("自己提交");
        browser.findElement(By.id("submit-for-review")).click();
        String number = submittedNumber();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#submissions button.open-submission[data-number='" + number + "']")))
                .click();

        assertThat(visibleText("review-own-note")).contains("另一位发布人员");
        assertThat(browser.findElement(By.id("approve")).isDisplayed()).isFalse();
        browser.findElement(By.id("return")).click();
        assertThat(visibleText("review-error")).contains("退回须写明审核意见");
        browser.findElement(By.id("review-comment")).sendKeys("撤回，改天再提");
        browser.findElement(By.id("return")).click();
        wait.until(ExpectedConditions.textMatches(By.id("review-verdict"), java.util.regex.Pattern.compile("^已退回")));
        wait.until(driver -> submissionRow(number).contains("已退回"));
        assertThat(submissionRow(number)).contains("撤回，改天再提");
        assertThat(activeVersionRow()).isEqualTo("1");
    }

    /** Builds an inventory from the console's own template link and keeps it through the 小区清单 panel. */
    private void keepInventory(int communities) throws Exception {
        byte[] template = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://localhost:" + port + "/api/v1/assessments/template.xlsx"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                .body();
        Path inventory = Files.createDirectories(temp.resolve("inventory")).resolve("小区清单.xlsx");
        Files.write(inventory, Inventories.eligibilityRows(template, communities, i -> "鹿城测试小区" + i));
        browser.findElement(By.id("inventory-file"))
                .sendKeys(inventory.toAbsolutePath().toString());
        browser.findElement(By.id("inventory-keep")).click();
        wait.until(
                driver -> driver.findElement(By.id("inventory-state")).getText().contains(communities + " 个小区"));
    }

    /** Read in one script, like the active version: the list is re-rendered after every decision. */
    private String submissionRow(String number) {
        Object row = browser.executeScript(
                "const row = document.querySelector(\"#submissions tr.submission[data-number='\" + arguments[0] + \"']\");"
                        + " return row ? row.innerText : '';",
                number);
        return String.valueOf(row);
    }

    /** The number the console gave the submission just made ("已提交审核，编号 3，…"). */
    private String submittedNumber() {
        java.util.regex.Matcher number =
                java.util.regex.Pattern.compile("编号 (\\d+)").matcher(visibleText("submit-result"));
        assertThat(number.find()).as("the submission's number is shown").isTrue();
        return number.group(1);
    }

    private String lastEditedCell;

    /** A copy of the eligibility table with the cut-off year set, named as staff would upload it. */
    /**
     * Where an officer's edit starts: she downloads the active table from the console, changes the cut-off in it
     * and uploads it under the name it came with; the check shows her change in her words.
     */
    @Test
    void anEditorDownloadsTheActiveTableEditsItAndSeesHerChange() throws Exception {
        open();
        login("li.na", PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#tables button.download-table[data-file='scope-parameters.xlsx']")));
        assertThat(browser.findElement(By.id("tables")).getText()).contains("改造范围参数", "scope-parameters.xlsx");

        browser.findElement(By.cssSelector("#tables button.download-table[data-file='scope-parameters.xlsx']"))
                .click();
        Path downloaded = console.downloaded("scope-parameters.xlsx");
        RuleFolderCopy.editCell(downloaded, RuleFolderCopy.CUTOFF_ROW, "取值", cell -> cell.setCellValue(2005));
        upload(downloaded);

        assertThat(browser.findElement(By.id("changes")).getText()).contains("scope-parameters.xlsx", "取值 2000 → 2005");
        screenshot("0-downloaded-table-edited");
    }

    private Path table(String folder, int cutoffYear) throws IOException {
        Path rules = temp.resolve("rules-" + folder);
        RuleFolderCopy.copyRepositoryRules(rules);
        Path upload = Files.createDirectories(temp.resolve(folder)).resolve(RuleFolderCopy.ELIGIBILITY_TABLE_NAME);
        Files.copy(rules.resolve(RuleFolderCopy.ELIGIBILITY_TABLE), upload, StandardCopyOption.REPLACE_EXISTING);
        lastEditedCell = RuleFolderCopy.editCell(
                upload,
                RuleFolderCopy.PARAMETER_SHEET,
                RuleFolderCopy.CUTOFF_ROW,
                RuleFolderCopy.CUTOFF_COLUMN_LABEL,
                cell -> cell.setCellValue(cutoffYear));
        return upload;
    }

    private void open() {
        console.open();
    }

    private void login(String user, String password) {
        console.login(user, password);
    }

    private String visibleText(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)))
                .getText();
    }

    /** Chooses the file and validates it, waiting for the report (or the error) of this upload. */
    private void upload(Path file) {
        WebElement input = browser.findElement(By.id("upload-files"));
        browser.executeScript(
                "arguments[0].value = ''; document.getElementById('report-verdict').textContent = ''", input);
        input.sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("validate")).click();
        wait.until(driver -> {
            String verdict = driver.findElement(By.id("report-verdict")).getText();
            return !verdict.isEmpty() && !verdict.startsWith("正在")
                    || driver.findElement(By.id("upload-error")).isDisplayed();
        });
    }

    /** Read in one script: the table is re-rendered after every action, so a found row can go stale. */
    private String activeVersionRow() {
        return (String) browser.executeScript(
                "const row = document.querySelector('#versions tr.active'); return row ? row.dataset.version : null;");
    }

    private String tryDecision(int completionYear) {
        new Select(browser.findElement(By.id("try-kind"))).selectByValue("ORDINARY_RESIDENTIAL_COMMUNITY");
        WebElement year = browser.findElement(By.id("try-year"));
        year.clear();
        year.sendKeys(Integer.toString(completionYear));
        browser.executeScript("document.getElementById('try-result').hidden = true");
        browser.findElement(By.id("try")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("try-decision")))
                .getAttribute("data-decision");
    }

    private void screenshot(String name) throws IOException {
        console.screenshot(name);
    }
}
