package cn.wenzhou.renovation.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.wenzhou.renovation.kernel.ExactRatio;
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
 * The satisfied-answers parameter of {@code decision-tables/survey/survey.drl.xlsx}, without Spring:
 * the repository's rules, and a temporary copy whose cell an editor changed.
 */
class SatisfactionRulesTest {

    private static final String SURVEY_TABLE = "decision-tables/survey/survey.drl.xlsx";
    private static final String SURVEY_SHEET = "满意度";
    private static final String SATISFIED_COLUMN_LABEL = "计为满意的答案（以“；”分隔）";

    /** Question 8 of the contract's four-form example: 非常满意, 基本满意, 一般 (one form unanswered). */
    private static final List<SatisfactionAnswer> ANSWERS = List.of(
            SatisfactionAnswer.VERY_SATISFIED, SatisfactionAnswer.BASICALLY_SATISFIED, SatisfactionAnswer.NEUTRAL);

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

    private static ExactRatio rate(SatisfiedAnswers satisfied, List<SatisfactionAnswer> answers) {
        return ExactRatio.of(
                answers.stream().filter(satisfied.answers()::contains).count(), answers.size());
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

    @Test
    void theRepositoryCountsVerySatisfiedAndBasicallySatisfied() {
        SatisfiedAnswers satisfied = satisfiedAnswers(ruleset);

        assertThat(satisfied.answers())
                .containsExactlyInAnyOrder(SatisfactionAnswer.VERY_SATISFIED, SatisfactionAnswer.BASICALLY_SATISFIED);
        assertThat(rate(satisfied, ANSWERS).fraction()).isEqualTo("2/3");
        assertThat(ruleset.clauseOf(SatisfactionService.RULE_ID)).isPresent();
    }

    @CompilesEditedRules
    @Test
    void onlyVerySatisfiedInTheCellChangesTheRate() throws IOException {
        editSatisfiedCell("VERY_SATISFIED");
        CompiledRuleset edited = compile(root.resolve("rules"), root.resolve("decision-tables"));

        SatisfiedAnswers satisfied = satisfiedAnswers(edited);

        assertThat(satisfied.answers()).containsExactly(SatisfactionAnswer.VERY_SATISFIED);
        assertThat(rate(satisfied, ANSWERS).fraction()).isEqualTo("1/3");
        assertThat(edited.version()).isNotEqualTo(ruleset.version());
    }

    private RulesetCompilationException compileWithUnknownAnswer() {
        RulesetCompilationException failure = catchThrowableOfType(
                RulesetCompilationException.class,
                () -> compile(root.resolve("rules"), root.resolve("decision-tables")));
        assertThat(failure)
                .as("compilation should fail on the unknown answer SATISFIED")
                .isNotNull();
        return failure;
    }

    @CompilesEditedRules
    @Test
    void anUnknownAnswerNameInTheCellFailsCompilationNamingFileSheetRowAndValue() throws IOException {
        String brokenCell = editSatisfiedCell("VERY_SATISFIED；SATISFIED");
        String row = brokenCell.replaceAll("[A-Z]", "");

        RulesetCompilationException failure = compileWithUnknownAnswer();

        assertThat(failure.problems()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(SURVEY_TABLE);
            assertThat(problem.sheet()).isEqualTo(SURVEY_SHEET);
            assertThat(problem.cell()).contains(row);
            assertThat(problem.toString()).contains(SatisfactionService.RULE_ID).contains("SATISFIED");
        });
    }

    /**
     * Reported, not fixed here (src/main is out of bounds): a cell rejected only when the
     * compiler's dry run fires the row is located by row, "第 10 行", while a cell rejected at
     * parse time (funding's minimum rate written 九成) is located by its reference, e.g. D10.
     */
    @Test
    void anUnknownAnswerNameInTheCellIsLocatedByItsCellReference() throws IOException {
        String brokenCell = editSatisfiedCell("VERY_SATISFIED；SATISFIED");

        RulesetCompilationException failure = compileWithUnknownAnswer();

        assertThat(failure.problems()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(SURVEY_TABLE);
            assertThat(problem.sheet()).isEqualTo(SURVEY_SHEET);
            assertThat(problem.cell()).isEqualTo(brokenCell);
        });
    }

    static CompiledRuleset compile(Path rules, Path decisionTables) {
        RuleSourceLoader loader = new RuleSourceLoader();
        List<RuleFile> files = new ArrayList<>(loader.load(rules.toString(), "rules"));
        files.addAll(loader.load(decisionTables.toString(), "decision-tables"));
        return new RulesetCompiler().compile("wenzhou", files);
    }
}
