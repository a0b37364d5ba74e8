package cn.wenzhou.renovation.ruleset.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prebuilt module is loaded only beside the classes it was built with: its generated classes call the
 * application's, so a class changed since (an IDE's compile without a new build) makes the rules compile from DRL.
 */
class PrebuiltModulesTest {

    private static final String MODULE = PrebuiltModules.FOLDER + "0123456789abcdef.kjar";
    private static final String MADE_WITH = PrebuiltModules.FOLDER + PrebuiltModules.MADE_WITH;

    @TempDir
    Path folders;

    @Test
    void aModuleIsLoadedBesideTheClassesItWasBuiltWithOnly() throws IOException {
        Path built = classes("built", "the classes the build compiled against");
        String madeWith = BuildFingerprint.of(built);
        Path same = classes("same", "the classes the build compiled against");
        Path changed = classes("changed", "a fact class changed since");
        for (Path root : new Path[] {built, same, changed}) {
            write(root, MODULE, "module");
            write(root, MADE_WITH, madeWith);
        }

        assertThat(loadable(same, same)).isTrue();
        assertThat(loadable(changed, changed)).isFalse();
        assertThat(loadable(classes("elsewhere", "x"), same))
                .as("a record beside other classes than the module's")
                .isFalse();
    }

    /** {@code package} adds Spring's ahead-of-time classes after the rules were prebuilt: they change nothing rules call. */
    @Test
    void springsAheadOfTimeClassesAddedAfterTheBuildStillLoadTheModulesAndAFoldersNameHidesNothing()
            throws IOException {
        Path built = classes("built-before-aot", "the classes the build compiled against");
        String madeWith = BuildFingerprint.of(built);
        Path packaged = classes("packaged", "the classes the build compiled against");
        write(packaged, "cn/wenzhou/renovation/eligibility/EligibilityConfiguration__BeanDefinitions.class", "aot");
        write(packaged, "cn/wenzhou/renovation/web/SecurityConfiguration$$SpringCGLIB$$0.class", "proxy");
        write(packaged, MADE_WITH, madeWith);
        assertThat(loadable(packaged, packaged)).isTrue();

        Path underscored = classes("two__underscores", "a fact class changed since");
        write(underscored, MADE_WITH, madeWith);
        assertThat(loadable(underscored, underscored)).isFalse();
    }

    @Test
    void aModuleWithoutItsRecordIsNotLoaded() throws IOException {
        Path root = classes("without-record", "classes");
        write(root, MODULE, "module");

        assertThat(PrebuiltModules.madeWithTheseClasses(url(root, MODULE), MODULE, null))
                .isFalse();
    }

    private boolean loadable(Path moduleRoot, Path recordRoot) throws IOException {
        write(moduleRoot, MODULE, "module");
        return PrebuiltModules.madeWithTheseClasses(url(moduleRoot, MODULE), MODULE, url(recordRoot, MADE_WITH));
    }

    private Path classes(String name, String classBytes) throws IOException {
        Path root = folders.resolve(name);
        write(root, "cn/wenzhou/renovation/eligibility/Community.class", classBytes);
        return root;
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static URL url(Path root, String relative) throws IOException {
        return root.resolve(relative).toUri().toURL();
    }
}
