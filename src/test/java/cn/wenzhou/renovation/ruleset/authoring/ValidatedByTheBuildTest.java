package cn.wenzhou.renovation.ruleset.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.engine.BuildFingerprint;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.RulesetCheck;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RepositoryRuleset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's validation of the packaged rules stands in for the checks at startup only for the rules the build
 * compiled, with the classes and the Drools it ran with; an upload, other classes or another Drools are checked anew.
 */
@CompilesEditedRules
class ValidatedByTheBuildTest {

    /** Counts its runs and finds nothing. */
    private static final class CountingCheck implements RulesetCheck {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public List<RuleProblem> check(CompiledRuleset ruleset) {
            runs.incrementAndGet();
            return List.of();
        }
    }

    @TempDir
    Path folders;

    @Test
    void thePackagedRulesAsTheBuildCompiledThemAreNotCheckedAgain() {
        CountingCheck check = new CountingCheck();

        RulesetValidation validation =
                new RulesetValidator(List.of(check)).validate(RepositoryRuleset.packaged("wenzhou"));

        assertThat(validation.valid()).isTrue();
        assertThat(validation.ruleset().builtAhead()).isTrue();
        assertThat(check.runs).hasValue(0);
    }

    @Test
    void anUploadedCopyOfTheSameRulesIsChecked() {
        CountingCheck check = new CountingCheck();
        List<RuleFile> uploaded = RepositoryRuleset.uploadedCopy(
                RepositoryRuleset.packaged("wenzhou").files());

        RulesetValidation validation = new RulesetValidator(List.of(check)).validate(RulesetSources.base(uploaded));

        assertThat(validation.ruleset().builtAhead()).isFalse();
        assertThat(check.runs).hasValue(1);
    }

    @Test
    void aRecordHoldsOnlyBesideTheClassesItWasMadeWith() throws IOException {
        CompiledRuleset ruleset = new RulesetValidator(List.of())
                .validate(RepositoryRuleset.packaged("wenzhou"))
                .ruleset();
        Path built = classesFolder("built", "the classes the build ran");
        ValidatedByTheBuild.record(ruleset, built);
        String record = Files.readString(built.resolve(ValidatedByTheBuild.recordPath(ruleset)));

        Path same = classesFolder("same", "the classes the build ran");
        Path changed = classesFolder("changed", "a check changed since");
        Path otherDrools = classesFolder("other-drools", "the classes the build ran");
        keep(same, ruleset, record);
        keep(changed, ruleset, record);
        keep(otherDrools, ruleset, record.replaceFirst("drools .*", "drools 9.44.0.Final"));

        assertThat(holds(same, ruleset)).isTrue();
        assertThat(holds(changed, ruleset)).isFalse();
        assertThat(holds(otherDrools, ruleset)).isFalse();
    }

    private Path classesFolder(String name, String classBytes) throws IOException {
        Path type = folders.resolve(name).resolve("cn/wenzhou/renovation/consent/Guard.class");
        Files.createDirectories(type.getParent());
        Files.writeString(type, classBytes);
        return folders.resolve(name);
    }

    private static void keep(Path classes, CompiledRuleset ruleset, String record) throws IOException {
        Path path = classes.resolve(ValidatedByTheBuild.recordPath(ruleset));
        Files.createDirectories(path.getParent());
        Files.writeString(path, record);
    }

    private static boolean holds(Path classes, CompiledRuleset ruleset) throws IOException {
        String relative = ValidatedByTheBuild.recordPath(ruleset);
        return BuildFingerprint.matchesBeside(classes.resolve(relative).toUri().toURL(), relative);
    }
}
