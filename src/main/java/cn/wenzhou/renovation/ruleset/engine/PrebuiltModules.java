package cn.wenzhou.renovation.ruleset.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.ReleaseId;

/**
 * The packaged rules' KieModules, built by {@code mvn package} as Drools' executable model (rules as compiled
 * Java classes) and kept in the jar under {@value #FOLDER}, each named by the content key of what it was built
 * from: its release, its kmodule and every DRL it holds. At runtime a module whose key is there is loaded
 * instead of compiled; anything else (an upload, an edited folder) compiles from DRL as before. A key is a hash
 * of content, so a prebuilt module can only stand in for exactly the DRL it was built from; and modules are loaded
 * only beside the classes and Drools they were built with ({@link #MADE_WITH}).
 */
public final class PrebuiltModules {

    /** Where the build puts the modules, as a folder of the classpath (and of the jar). */
    public static final String FOLDER = "prebuilt-rules/";

    private static final String SUFFIX = ".kjar";

    private final Path buildingInto;

    private PrebuiltModules(Path buildingInto) {
        this.buildingInto = buildingInto;
    }

    /** Loads what the build prebuilt; compiles everything else from DRL. */
    public static PrebuiltModules onClasspath() {
        return new PrebuiltModules(null);
    }

    /** The build's mode: compiles every module as the executable model and writes it to {@code folder}. */
    public static PrebuiltModules buildingInto(Path folder) {
        return new PrebuiltModules(folder);
    }

    /** The key of a module: its release, its kmodule and its DRL by path, in path order. */
    static String key(ReleaseId releaseId, String kmoduleXml, Map<String, String> drlByPath) {
        List<RuleFile> content = new ArrayList<>();
        content.add(new RuleFile("release", releaseId.toExternalForm().getBytes(StandardCharsets.UTF_8)));
        content.add(new RuleFile("kmodule.xml", kmoduleXml.getBytes(StandardCharsets.UTF_8)));
        drlByPath.forEach((path, drl) -> content.add(new RuleFile(path, drl.getBytes(StandardCharsets.UTF_8))));
        return RulesetFiles.contentHash(content);
    }

    /**
     * Beside the modules, what they were built with ({@link BuildFingerprint}): a module is loaded only where the
     * classes and Drools running are those, since its classes call the application's.
     */
    public static final String MADE_WITH = "made-with";

    /** Whether the modules under each classes root were made with the classes and Drools running, once per root. */
    private static final Map<String, Boolean> MADE_WITH_THESE_CLASSES = new ConcurrentHashMap<>();

    /**
     * The prebuilt module with this key, added to the KIE repository, if the build made one with the classes and
     * Drools that are running.
     */
    Optional<KieModule> load(String key) {
        if (buildingInto != null) {
            return Optional.empty();
        }
        ClassLoader classes = PrebuiltModules.class.getClassLoader();
        String path = FOLDER + key + SUFFIX;
        URL module = classes.getResource(path);
        if (module == null || !madeWithTheseClasses(module, path, classes.getResource(FOLDER + MADE_WITH))) {
            return Optional.empty();
        }
        try (InputStream in = module.openStream()) {
            KieServices kieServices = KieServices.get();
            return Optional.of(kieServices
                    .getRepository()
                    .addKieModule(kieServices.getResources().newByteArrayResource(in.readAllBytes())));
        } catch (IOException e) {
            throw new UncheckedIOException("A prebuilt rules module in the jar cannot be read: " + key, e);
        }
    }

    static boolean madeWithTheseClasses(URL module, String path, URL madeWith) {
        String root = module.toString().substring(0, module.toString().length() - path.length());
        return MADE_WITH_THESE_CLASSES.computeIfAbsent(root, r -> {
            boolean same = madeWith != null
                    && madeWith.toString().equals(r + FOLDER + MADE_WITH)
                    && BuildFingerprint.matchesBeside(madeWith, FOLDER + MADE_WITH);
            if (!same) {
                log.warn(
                        "The prebuilt rules under {} were built with other classes or another Drools: the rules"
                                + " compile from DRL instead (run mvn package to build them again)",
                        r);
            }
            return same;
        });
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PrebuiltModules.class);

    /** What a module not prebuilt compiles as: the executable model when building, DRL at runtime. */
    Class<? extends org.kie.api.builder.KieBuilder.ProjectType> projectType() {
        return buildingInto != null ? ExecutableModelProject.class : DrlProject.class;
    }

    /** Keeps a module the build compiled, under its key. Nothing at runtime. */
    void keep(String key, KieBuilder builder) {
        if (buildingInto == null) {
            return;
        }
        try {
            Files.createDirectories(buildingInto);
            Files.write(buildingInto.resolve(key + SUFFIX), ((InternalKieModule) builder.getKieModule()).getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the prebuilt rules module " + key, e);
        }
    }
}
