package cn.wenzhou.renovation.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleSourceLoader;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompilationException;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The satisfied-answers parameter of {@code decision-tables/survey/satisfaction.xlsx}, without Spring:
 * the repository's rules, and a temporary copy whose cell an editor changed.
 */
class SatisfactionRulesTest {

    private static final String SURVEY_TABLE = "decision-tables/survey/satisfaction.xlsx";
    private static final String SURVEY_SHEET = "满意率口径";
    private static final String SATISFIED_COLUMN_LABEL = "取值";

    private static CompiledRuleset ruleset;

    @TempDir
    Path root;

    @BeforeAll
    static void compileRepositoryRules() {
        ruleset = compile(Path.of("rules"), Path.of("decision-tables"));
    }

    private static SatisfiedAnswers satisfiedAnswers(CompiledRuleset rules) {
        List<SatisfiedAnswers> rows =
                rules.evaluate(SatisfactionService.CAPABILITY, List.of()).all(SatisfiedAnswers.class);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private String editSatisfiedCell(String value) throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        return RuleFolderCopy.editCell(
                root.resolve(SURVEY_TABLE),
                SURVEY_SHEET,
                SatisfactionService.RULE_ID,
                SATISFIED_COLUMN_LABEL,
                cell -> cell.setCellValue(value));
    }

    /** Which answers count is pinned in scenarios/wenzhou/survey; whatever they are, a rate can tell forms apart. */
    @Test
    void someButNotEveryAnswerCountsAsSatisfiedAndTheRowCitesItsClause() {
        SatisfiedAnswers satisfied = satisfiedAnswers(ruleset);

        assertThat(satisfied.answers()).isNotEmpty().hasSizeLessThan(SatisfactionAnswer.values().length);
        assertThat(ruleset.clauseOf(SatisfactionService.RULE_ID))
                .hasValueSatisfying(clause -> assertThat(clause.quote()).isNotBlank());
    }

    @CompilesEditedRules
    @Test
    void onlyVerySatisfiedInTheCellCountsOnlyThat() throws IOException {
        editSatisfiedCell("非常满意");
        CompiledRuleset edited = compile(root.resolve("rules"), root.resolve("decision-tables"));

        SatisfiedAnswers satisfied = satisfiedAnswers(edited);

        assertThat(satisfied.answers()).containsExactly(SatisfactionAnswer.VERY_SATISFIED);
        assertThat(edited.version()).isNotEqualTo(ruleset.version());
    }

    private RulesetCompilationException compileWithUnknownAnswer() {
        RulesetCompilationException failure = catchThrowableOfType(
                RulesetCompilationException.class,
                () -> compile(root.resolve("rules"), root.resolve("decision-tables")));
        assertThat(failure)
                .as("compilation should fail on the unknown answer 满意")
                .isNotNull();
        return failure;
    }

    @CompilesEditedRules
    @Test
    void anUnknownAnswerIsOneFindingAtItsCellNamingTheChoices() throws IOException {
        String brokenCell = editSatisfiedCell("非常满意；满意");

        RulesetCompilationException failure = compileWithUnknownAnswer();

        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(SURVEY_TABLE);
            assertThat(problem.sheet()).isEqualTo(SURVEY_SHEET);
            assertThat(problem.cell()).isEqualTo(brokenCell);
            assertThat(problem.message())
                    .contains("“满意”不是可选的答案", "非常满意、基本满意、一般、不满意", SatisfactionService.RULE_ID)
                    .doesNotContain("VERY_SATISFIED");
        });
    }

    static CompiledRuleset compile(Path rules, Path decisionTables) {
        RuleSourceLoader loader = new RuleSourceLoader();
        List<RuleFile> files = new ArrayList<>(loader.load(rules.toString(), "rules"));
        files.addAll(loader.load(decisionTables.toString(), "decision-tables"));
        return new RulesetCompiler().compile("wenzhou", files);
    }
}
