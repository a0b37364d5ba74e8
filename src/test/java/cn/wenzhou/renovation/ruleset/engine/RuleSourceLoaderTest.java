package cn.wenzhou.renovation.ruleset.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three ways to name a rules folder read the same files, under paths relative to the ruleset root. */
class RuleSourceLoaderTest {

    private final RuleSourceLoader loader = new RuleSourceLoader();

    @TempDir
    Path folder;

    @Test
    void plainPathFileUrlAndClasspathReadTheSameRules() {
        Map<String, String> plain = fingerprint(loader.load("rules", "rules"));
        Map<String, String> fileUrl =
                fingerprint(loader.load(Path.of("rules").toUri().toString(), "rules"));
        Map<String, String> classpath = fingerprint(loader.load("classpath:rules", "rules"));

        assertThat(plain)
                .containsKeys(
                        "rules/eligibility/decision.drl",
                        "rules/eligibility/scope-parameters.drt",
                        "rules/eligibility/scope-parameters.table.yaml")
                .allSatisfy((path, hash) ->
                        assertThat(path).startsWith("rules/").matches(".*\\.(drl|drt|table\\.yaml|cases\\.yaml)$"));
        assertThat(fileUrl).isEqualTo(plain);
        assertThat(classpath).isEqualTo(plain);
    }

    @Test
    void skipsEditorLockFilesHiddenFilesAndNonRuleFiles() throws IOException {
        Files.createDirectories(folder.resolve("eligibility"));
        Files.writeString(folder.resolve("eligibility/kept.drl"), "package x;");
        Files.writeString(folder.resolve("eligibility/~$scope-parameters.xlsx"), "lock");
        Files.writeString(folder.resolve("eligibility/.hidden.drl"), "package x;");
        Files.writeString(folder.resolve("eligibility/README.md"), "notes");

        List<RuleFile> files = loader.load(folder.toString(), "rules");

        assertThat(files).extracting(RuleFile::path).containsExactly("rules/eligibility/kept.drl");
    }

    @Test
    void keepsChineseFileNamesAsWritten() throws IOException {
        // Editors here name files in Chinese; the path is what problems and the version hash show.
        Files.createDirectories(folder.resolve("改造范围"));
        Files.writeString(folder.resolve("改造范围/范围规则.drl"), "package x;");

        List<RuleFile> files = loader.load(folder.toString(), "rules");

        assertThat(files).extracting(RuleFile::path).containsExactly("rules/改造范围/范围规则.drl");
    }

    @Test
    void keepsSpacesInFileNamesAsWritten() throws IOException {
        // Spreadsheet copies get names like "eligibility - 副本.drl.xlsx".
        Files.createDirectories(folder.resolve("改造范围"));
        Files.writeString(folder.resolve("改造范围/范围 规则.drl"), "package x;");

        List<RuleFile> files = loader.load(folder.toString(), "rules");

        assertThat(files).extracting(RuleFile::path).containsExactly("rules/改造范围/范围 规则.drl");
    }

    @Test
    void failsNamingAMissingFolder() {
        String missing = folder.resolve("no-such-folder").toString();

        RulesetCompilationException failure =
                catchThrowableOfType(RulesetCompilationException.class, () -> loader.load(missing, "rules"));

        assertThat(failure).isNotNull();
        assertThat(failure.problems()).extracting(RuleProblem::file).containsExactly(missing);
    }

    /** Path → content, so two loads compare by what they read. */
    private static Map<String, String> fingerprint(List<RuleFile> files) {
        return files.stream()
                .collect(Collectors.toMap(
                        RuleFile::path, f -> RulesetCompiler.contentHash(List.of(new RuleFile("", f.content())))));
    }
}
