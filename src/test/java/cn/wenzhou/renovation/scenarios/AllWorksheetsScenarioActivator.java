package cn.wenzhou.renovation.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

import cn.wenzhou.renovation.ruleset.RuleFile;
import cn.wenzhou.renovation.ruleset.RuleSourceLoader;
import cn.wenzhou.renovation.ruleset.RulesetCompiler;

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
 * <p>Everything else is the classpath kmodule: the kbases and sessions come from
 * {@code META-INF/kmodule.xml} and the rule files from the folder that holds it (the test classes
 * root, where the pom copies {@code rules/} and {@code decision-tables/}).
 */
public class AllWorksheetsScenarioActivator extends ScenarioJunitActivator {

    private static final String KMODULE = "META-INF/kmodule.xml";
    private static final String RESOURCES = "src/main/resources/";

    private KieContainer kieContainer;

    public AllWorksheetsScenarioActivator(Class<?> testClass) throws InitializationError {
        super(testClass);
    }

    @Override
    protected void runChild(ScenarioRunnerDTO child, RunNotifier notifier) {
        AbstractScenarioRunner runner = AbstractScenarioRunner
                .getSpecificRunnerProvider(child.getSettings().getType())
                .create(kieContainer(), child);
        runner.run(notifier);
    }

    private synchronized KieContainer kieContainer() {
        if (kieContainer == null) {
            kieContainer = build(classpathRoot());
        }
        return kieContainer;
    }

    private Path classpathRoot() {
        try {
            Path root = Path.of(getTestClass().getJavaClass().getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(root.resolve(KMODULE))) {
                throw new IllegalStateException("No " + KMODULE + " in " + root);
            }
            return root;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kmodule beside the rules, and the rules translated by the service's own compiler. */
    static KieContainer build(Path root) {
        KieServices kieServices = KieServices.get();
        KieFileSystem kfs = kieServices.newKieFileSystem();
        try {
            kfs.writeKModuleXML(Files.readAllBytes(root.resolve(KMODULE)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + root.resolve(KMODULE), e);
        }
        RuleSourceLoader loader = new RuleSourceLoader();
        List<RuleFile> files = new ArrayList<>(loader.load(root.resolve("rules").toString(), "rules"));
        files.addAll(loader.load(root.resolve("decision-tables").toString(), "decision-tables"));
        new RulesetCompiler().drlSources("scenarios", files).forEach((path, drl) -> kfs.write(RESOURCES + path, drl));

        ReleaseId releaseId = kieServices.newReleaseId("cn.wenzhou.renovation.scenarios", "scenario-rules", "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        KieBuilder builder = kieServices.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The rules under " + root + " do not compile: " + errors);
        }
        return kieServices.newKieContainer(releaseId);
    }
}
