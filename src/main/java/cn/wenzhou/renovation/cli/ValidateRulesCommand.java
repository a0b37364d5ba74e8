package cn.wenzhou.renovation.cli;

import cn.wenzhou.renovation.RenovationDecisionServiceApplication;
import cn.wenzhou.renovation.goldencases.GoldenCases;
import cn.wenzhou.renovation.ruleset.authoring.RulesetValidation;
import cn.wenzhou.renovation.ruleset.authoring.RulesetValidator;
import cn.wenzhou.renovation.ruleset.authoring.diff.RulesetDiff;
import cn.wenzhou.renovation.ruleset.engine.RulesetCheck;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompilationException;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar <jar> validate --rules-dir rules --decision-tables-dir decision-tables}: compiles
 * every jurisdiction (or one) exactly as the service would at startup, runs the same checks (the
 * statutory guard among them; as at startup, files identical to the packaged rules take the build's result of them,
 * see {@code ValidatedByTheBuild}), runs each jurisdiction's Test Scenarios ({@code scenarios/<code>/}) and its golden
 * cases (through the service's own deciders, in a context without a web server), and prints each finding with its
 * file, sheet and cell (a failing scenario or case by its row), and with {@code --diff} each county's changes against
 * the base. Exit code 0 when every jurisdiction is valid, 1 when any is refused, 2 when the folders cannot be read.
 * Starts no server.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "校验规则（含各县变体）：编译、完整性检查、法律底线检查，列出问题所在的文件、工作表和单元格 (validate the rules)")
public class ValidateRulesCommand implements Callable<Integer> {

    @Option(names = "--rules-dir", defaultValue = "rules", paramLabel = "DIR", description = "DRL 规则目录，默认 ./rules")
    String rulesDir;

    @Option(
            names = "--decision-tables-dir",
            defaultValue = "decision-tables",
            paramLabel = "DIR",
            description = "决策表目录，默认 ./decision-tables")
    String decisionTablesDir;

    @Option(names = "--jurisdiction", paramLabel = "CODE", description = "只校验这个辖区，如 yueqing；默认全部")
    String jurisdiction;

    @Option(names = "--diff", description = "同时列出每个县级变体与温州市规则的差异")
    boolean diff;

    @Option(
            names = "--scenarios-dir",
            defaultValue = "scenarios",
            paramLabel = "DIR",
            description = "测试场景目录（scenarios/<辖区>/…/*.scesim），默认 ./scenarios；不存在时不运行测试场景")
    String scenariosDir;

    private final PrintStream out;

    ValidateRulesCommand(PrintStream out) {
        this.out = out;
    }

    public static int run(String[] args) {
        // The findings are the output; Drools' own INFO and WARN lines about compiling would bury them.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        return new CommandLine(new ValidateRulesCommand(out)).execute(args);
    }

    @Override
    public Integer call() {
        List<RulesetSources> all;
        try {
            all = RulesetSources.load(rulesDir, decisionTablesDir);
        } catch (RulesetCompilationException e) {
            e.problems().forEach(p -> out.println("无法读取: " + p));
            return 2;
        }
        RulesetSources base = all.get(0);
        List<RulesetSources> chosen = all.stream()
                .filter(s -> jurisdiction == null || s.jurisdiction().code().equals(jurisdiction))
                .toList();
        if (chosen.isEmpty()) {
            out.println("没有辖区 " + jurisdiction + "：rules/counties/ 与 decision-tables/counties/ 下都没有这个文件夹");
            return 2;
        }
        RulesetValidator validator = new RulesetValidator(checks());
        boolean allValid = true;
        List<String> withCases = new ArrayList<>();
        for (RulesetSources sources : chosen) {
            RulesetValidation validation = validator.validate(sources);
            report(validation);
            allValid &= validation.valid() && scenariosPass(validation);
            if (validation.valid() && !validation.ruleset().cases().isEmpty()) {
                withCases.add(sources.jurisdiction().code());
            }
            if (diff && sources != base) {
                RulesetDiff changes = RulesetDiff.between(base, sources);
                out.println("  与 " + base.jurisdiction().code() + " 的差异:" + (changes.isEmpty() ? " 无" : ""));
                changes.summary().forEach(line -> out.println("    " + line));
            }
        }
        if (!withCases.isEmpty()) {
            allValid &= casesPass(withCases);
        }
        out.println(allValid ? "全部通过 (all valid)" : "有辖区未通过校验 (some jurisdictions are refused)");
        return allValid ? 0 : 1;
    }

    /** The jurisdiction's Test Scenarios against its compiled rules; every failing row is printed. */
    private boolean scenariosPass(RulesetValidation validation) {
        if (!validation.valid() || !java.nio.file.Files.isDirectory(java.nio.file.Path.of(scenariosDir))) {
            return true;
        }
        var failures = new cn.wenzhou.renovation.ruleset.authoring.scenario.TestScenarioRunner(scenariosDir)
                .failures(validation.ruleset());
        failures.forEach(p -> out.println("  [测试场景] " + p));
        return failures.isEmpty();
    }

    /**
     * Each valid jurisdiction's golden cases, asked as the service asks them: the service started without a web
     * server on these folders (keeping nothing), so the cases go through the deciders a portal reaches. A county's
     * answers to the base's cases that differ are listed as its differences, not as failures.
     */
    private boolean casesPass(List<String> codes) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        RenovationDecisionServiceApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                // As arguments, not default properties: application.yaml would override those.
                .run(
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=ERROR",
                        "--spring.datasource.url=jdbc:h2:mem:validate",
                        "--renovation.receipts.mode=off",
                        "--renovation.data-dir=",
                        "--renovation.rules-dir=" + Path.of(rulesDir).toAbsolutePath(),
                        "--renovation.decision-tables-dir="
                                + Path.of(decisionTablesDir).toAbsolutePath())) {
            GoldenCases cases = context.getBean(GoldenCases.class);
            RulesetRegistry registry = context.getBean(RulesetRegistry.class);
            boolean pass = true;
            for (String code : codes) {
                GoldenCases.Run run = cases.run(registry.serving(code).ruleset());
                out.println("测试用例 " + code + "：" + run.cases() + " 个，"
                        + (run.ownFailures().isEmpty()
                                ? "全部符合期望"
                                : run.ownFailures().size() + " 个不符合期望"));
                run.ownFailures().forEach(f -> out.println("  [测试用例] " + f.problem()));
                run.baseDifferences().forEach(f -> out.println("  [本县的差异] " + f.problem()));
                pass &= run.ownFailures().isEmpty();
            }
            return pass;
        }
    }

    private void report(RulesetValidation validation) {
        var descriptor = validation.sources().jurisdiction();
        String name = descriptor.code() + "（" + descriptor.name() + (descriptor.demonstration() ? "，虚构示例" : "") + "）";
        if (validation.valid()) {
            out.println("通过 " + name + " 规则集版本 " + validation.ruleset().version());
            return;
        }
        out.println("未通过 " + name + "：" + validation.findings().size() + " 个问题");
        validation.statutoryViolations().forEach(p -> out.println("  [低于法律规定] " + p));
        validation.problems().forEach(p -> out.println("  [规则问题] " + p));
    }

    /** The same checks the service runs: every {@link RulesetCheck} component of the application. */
    static List<RulesetCheck> checks() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        scanner.resetFilters(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(RulesetCheck.class));
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            for (var candidate :
                    scanner.findCandidateComponents(RenovationDecisionServiceApplication.class.getPackageName())) {
                context.registerBean(candidate.getBeanClassName(), loadClass(candidate.getBeanClassName()));
            }
            context.refresh();
            return new ArrayList<>(context.getBeansOfType(RulesetCheck.class).values());
        }
    }

    private static Class<?> loadClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A component found by scanning is missing: " + name, e);
        }
    }
}
