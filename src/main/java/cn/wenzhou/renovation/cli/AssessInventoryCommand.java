package cn.wenzhou.renovation.cli;

import cn.wenzhou.renovation.RenovationDecisionServiceApplication;
import cn.wenzhou.renovation.assessment.InventoryWorkbook;
import cn.wenzhou.renovation.kernel.InvalidWorkbookException;
import cn.wenzhou.renovation.kernel.PayloadTooLargeException;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.versions.JurisdictionRefusedException;
import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import cn.wenzhou.renovation.ruleset.versions.UnknownJurisdictionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar <jar> assess inventory.xlsx -o result.xlsx}: the workbook endpoint without a
 * server, for district staff and scripts. Same rules, same template, same result columns.
 */
@Command(
        name = "assess",
        mixinStandardHelpOptions = true,
        description = "按模板填写的小区清单逐行评估，输出填好结论、理由和条款的工作簿 (assess an inventory workbook)")
public class AssessInventoryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INVENTORY", description = "按模板填写的 .xlsx 清单")
    Path inventory;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "RESULT",
            description = "结果工作簿 .xlsx")
    Path output;

    @Option(names = "--jurisdiction", paramLabel = "CODE", description = "按哪个辖区的规则评估，默认 wenzhou，如 yueqing")
    String jurisdiction;

    @Option(names = "--no-progress", description = "不显示进度条")
    boolean noProgress;

    public static int run(String[] args) {
        return new CommandLine(new AssessInventoryCommand()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(inventory)) {
            System.err.println("找不到清单文件: " + inventory);
            return 2;
        }
        byte[] upload = Files.readAllBytes(inventory);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        RenovationDecisionServiceApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                // As arguments, not default properties: application.yaml would override those (data-dir among them).
                .run(
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--spring.datasource.url=jdbc:h2:mem:assess",
                        "--renovation.receipts.mode=off",
                        // Assessing a workbook must not record the folders it read as a deployment.
                        "--renovation.data-dir=")) {
            InventoryWorkbook workbooks = context.getBean(InventoryWorkbook.class);
            CompiledRuleset ruleset =
                    context.getBean(RulesetRegistry.class).serving(jurisdiction).ruleset();
            byte[] result;
            if (noProgress) {
                result = workbooks.assess(upload, ruleset, InventoryWorkbook.Progress.NONE);
            } else {
                try (ProgressBar bar = new ProgressBarBuilder()
                        .setTaskName("评估")
                        .setStyle(ProgressBarStyle.ASCII)
                        .setInitialMax(0)
                        .build()) {
                    result = workbooks.assess(upload, ruleset, (done, total) -> {
                        bar.maxHint(total);
                        bar.stepTo(done);
                    });
                }
            }
            Files.write(output, result);
            System.err.println("已写入 " + output);
            return 0;
        } catch (InvalidWorkbookException | PayloadTooLargeException e) {
            System.err.println("清单无法评估: " + e.getMessage());
            return 2;
        } catch (UnknownJurisdictionException e) {
            System.err.println("没有辖区 " + e.jurisdiction() + " 的规则");
            return 2;
        } catch (JurisdictionRefusedException e) {
            System.err.println("辖区 " + e.jurisdiction() + " 的规则未通过校验，暂不提供评估:");
            e.findings().forEach(finding -> System.err.println("  " + finding));
            return 2;
        }
    }
}
