package cn.wenzhou.renovation.scenarios;

import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.scenariosimulation.backend.runner.AbstractScenarioRunner;
import org.drools.scenariosimulation.backend.runner.ScenarioJunitActivator;
import org.drools.scenariosimulation.backend.runner.model.ScenarioRunnerDTO;
import org.junit.runner.notification.RunNotifier;
import org.junit.runners.model.InitializationError;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * {@link ScenarioJunitActivator} with one difference: the KieContainer the scenarios run against
 * compiles <em>every</em> worksheet of a spreadsheet decision table.
 *
 * <p>The stock activator opens {@code KieServices.getKieClasspathContainer()}, and Drools' build reads
 * only the <em>first</em> worksheet of a {@code .drl.xlsx} (a resource can name one worksheet, never
 * several). {@code eligibility.drl.xlsx} has two rule sheets, 改造范围参数 and 不属改造范畴, so the
 * stock activator silently loses the out-of-scope rules. This container takes its DRL from the
 * service's own {@link RulesetCompiler#drlSources}, so the scenarios test the rules the service runs.
 *
 * <p>Each scenario runs against its jurisdiction's rules, named by its folder:
 * {@code scenarios/wenzhou/...} against the base, {@code scenarios/yueqing/...} against the base
 * overlaid with Yueqing's files. A folder naming no jurisdiction fails the run.
 *
 * <p>The kbases and sessions are the capabilities the rule files declare, one each with its stateless
 * {@code <capability>-scenarios} session ({@link RulesetCompiler#scenarioKModuleXml}), so a new capability
 * needs no kmodule entry; the rule files are the test classes root's copies of {@code rules/} and
 * {@code decision-tables/} (the pom copies them there).
 */
public class AllWorksheetsScenarioActivator extends ScenarioJunitActivator {

    private static final String RULES = "rules";
    private static final String RESOURCES = "src/main/resources/";

    /** {@code scenarios/<jurisdiction>/...}: the folder a scenario file sits in names the ruleset it tests. */
    private static final Pattern JURISDICTION_FOLDER = Pattern.compile("(?:^|(?<=/))scenarios/([^/]+)/");

    private final Map<String, KieContainer> kieContainers = new HashMap<>();

    public AllWorksheetsScenarioActivator(Class<?> testClass) throws InitializationError {
        super(testClass);
    }

    @Override
    protected void runChild(ScenarioRunnerDTO child, RunNotifier notifier) {
        AbstractScenarioRunner runner = AbstractScenarioRunner.getSpecificRunnerProvider(
                        child.getSettings().getType())
                .create(kieContainer(jurisdictionOf(child.getFileName())), child);
        runner.run(notifier);
    }

    static String jurisdictionOf(String scenarioFile) {
        // The last scenarios/ folder: the checkout itself may sit under a folder of that name.
        Matcher folder = JURISDICTION_FOLDER.matcher(scenarioFile.replace('\\', '/'));
        String jurisdiction = null;
        while (folder.find()) {
            jurisdiction = folder.group(1);
        }
        if (jurisdiction == null) {
            throw new IllegalStateException(
                    "A scenario file must sit under scenarios/<jurisdiction>/: " + scenarioFile);
        }
        return jurisdiction;
    }

    private synchronized KieContainer kieContainer(String jurisdiction) {
        return kieContainers.computeIfAbsent(jurisdiction, code -> build(classpathRoot(), code));
    }

    private Path classpathRoot() {
        try {
            Path root = Path.of(getTestClass()
                    .getJavaClass()
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (!Files.isDirectory(root.resolve(RULES))) {
                throw new IllegalStateException("No copy of the rules in " + root);
            }
            return root;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One jurisdiction's rules (the base, or the base overlaid with a county's folder, exactly as the
     * service serves it) translated by the service's own compiler, in the kmodule of its capabilities.
     */
    static KieContainer build(Path root, String jurisdiction) {
        KieServices kieServices = KieServices.get();
        KieFileSystem kfs = kieServices.newKieFileSystem();
        List<RuleFile> files =
                RulesetSources.load(
                                root.resolve(RULES).toString(),
                                root.resolve("decision-tables").toString())
                        .stream()
                        .filter(sources -> sources.jurisdiction().code().equals(jurisdiction))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("Scenarios for '" + jurisdiction
                                + "', which has no folder under rules/counties/ or decision-tables/counties/"))
                        .files();
        RulesetCompiler compiler = new RulesetCompiler();
        kfs.writeKModuleXML(compiler.scenarioKModuleXml(jurisdiction, files));
        compiler.drlSources(jurisdiction, files).forEach((path, drl) -> kfs.write(RESOURCES + path, drl));

        ReleaseId releaseId =
                kieServices.newReleaseId("cn.wenzhou.renovation.scenarios", "scenario-rules-" + jurisdiction, "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        KieBuilder builder = kieServices.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The rules under " + root + " do not compile: " + errors);
        }
        return kieServices.newKieContainer(releaseId);
    }
}
