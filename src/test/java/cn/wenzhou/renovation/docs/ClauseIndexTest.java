package cn.wenzhou.renovation.docs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.goldencases.GoldenCases;
import cn.wenzhou.renovation.testing.DeployedService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code docs/clauses.md} is what the rules say about themselves: regenerated here from the compiled
 * rules and the scenarios, it must equal the committed file. {@code -Dclause-index.write=true} rewrites it.
 */
@DeployedService
class ClauseIndexTest {

    private static final String WRITE = "clause-index.write";

    /** Generated once for the class: the golden cases are asked through the service's own deciders. */
    private static String generated;

    @Autowired
    private GoldenCases cases;

    @BeforeEach
    void generateFromTheRepositoryRulesCasesAndScenarios() throws IOException {
        if (generated != null) {
            return;
        }
        generated =
                ClauseIndex.generate(Path.of(""), ruleset -> cases.run(ruleset).answeredRules());
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(ClauseIndex.FILE, generated, StandardCharsets.UTF_8);
        }
    }

    @Test
    void committedIndexMatchesTheRulesAndScenarios() throws IOException {
        String committed =
                Files.exists(ClauseIndex.FILE) ? Files.readString(ClauseIndex.FILE, StandardCharsets.UTF_8) : "";

        assertThat(committed)
                .as(ClauseIndex.FILE + " is out of date with the rules or scenarios; regenerate it with\n"
                        + "  mvn -B -o -q test -Dtest=ClauseIndexTest -Dclause-index.write=true\nand commit the result")
                .isEqualTo(generated);
    }

    @Test
    void listsARuleUnderItsClauseWithTheScenarioThatPinsIt() {
        // Guide §1's cut-off rule, and in bold the scenario file whose expected values name it.
        assertThat(generated).contains("### 一、改造范围");
        assertThat(generated)
                .containsPattern("\\| `ELIG-PRIORITY-BUILT-BEFORE-CUTOFF` \\| [^|]+ \\| [^|]+ \\| [^|]*"
                        + "\\*\\*\\[eligibility/eligibility\\.cases\\.xlsx\\]");
        // A county's own rule names its jurisdiction and the county's scenarios.
        assertThat(generated)
                .containsPattern(
                        "`ELIG-YUEQING-OUTSIDE-RENOVATION-AREAS` \\(yueqing\\)[^\\n]*counties/yueqing/eligibility/subdistricts\\.cases\\.xlsx");
    }

    @Test
    void listsSectionsInTheGuidesOrder() {
        assertThat(generated.indexOf("### 一、改造范围")).isLessThan(generated.indexOf("### 二、改造内容"));
        assertThat(generated.indexOf("### 三、建设程序 2.")).isLessThan(generated.indexOf("### 三、建设程序 10."));
        assertThat(ClauseIndex.sectionNumbers("二、改造内容 （五）养老托育设施 1.基础类")).isEqualTo(List.of(2, 5, 1));
        assertThat(ClauseIndex.sectionNumbers("民法典 第二百七十八条")).isEqualTo(List.of(278));
        assertThat(ClauseIndex.sectionNumbers("附件1 小区改造居民意见征求书")).isEqualTo(List.of(1000, 1));
    }
}
