package cn.wenzhou.renovation.scenarios;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.SpreadsheetCompiler;
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
 * stock activator silently loses the out-of-scope rules. The service itself compiles sheet by sheet
 * ({@code DecisionTableTranslator}); this container does the same, so the scenarios test the rules the
 * service runs.
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

    static KieContainer build(Path root) {
        KieServices kieServices = KieServices.get();
        KieFileSystem kfs = kieServices.newKieFileSystem();
        try (Stream<Path> files = Files.walk(root)) {
            kfs.writeKModuleXML(Files.readAllBytes(root.resolve(KMODULE)));
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                String lower = relative.toLowerCase(Locale.ROOT);
                if (file.getFileName().toString().startsWith(".")) {
                    continue;
                }
                if (lower.endsWith(".drl")) {
                    kfs.write(RESOURCES + relative, Files.readAllBytes(file));
                } else if (lower.endsWith(".drl.xlsx") || lower.endsWith(".drl.xls")) {
                    byte[] workbook = Files.readAllBytes(file);
                    List<String> sheets = ruleSheetNames(workbook);
                    for (int i = 0; i < sheets.size(); i++) {
                        String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(workbook), sheets.get(i));
                        kfs.write(RESOURCES + relative + ".sheet" + (i + 1) + ".drl", drl);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules under " + root, e);
        }
        ReleaseId releaseId = kieServices.newReleaseId("cn.wenzhou.renovation.scenarios", "scenario-rules", "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        KieBuilder builder = kieServices.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The rules under " + root + " do not compile: " + errors);
        }
        return kieServices.newKieContainer(releaseId);
    }

    /** The sheets holding a {@code RuleSet} cell, as the service picks them; others (notes) hold no rules. */
    private static List<String> ruleSheetNames(byte[] workbook) throws IOException {
        DataFormatter formatter = new DataFormatter();
        List<String> names = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(workbook); Workbook book = WorkbookFactory.create(in)) {
            for (Sheet sheet : book) {
                boolean ruleSheet = false;
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        ruleSheet |= "RuleSet".equals(formatter.formatCellValue(cell).strip());
                    }
                }
                if (ruleSheet) {
                    names.add(sheet.getSheetName());
                }
            }
        }
        return names;
    }
}
