package cn.wenzhou.renovation.ruleset.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.eligibility.Community;
import cn.wenzhou.renovation.eligibility.Eligibility;
import cn.wenzhou.renovation.eligibility.EligibilityService;
import cn.wenzhou.renovation.eligibility.HousingKind;
import cn.wenzhou.renovation.ruleset.RulesetDefect;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compiling edited copies of the real rule files: what an editor's change does, and how mistakes are reported. */
@CompilesEditedRules
class RulesetCompilerTest {

    private static final String DECISION_TABLE = RuleFolderCopy.ELIGIBILITY_TABLE;
    private static final String SCOPE_DRL = "rules/eligibility/scope.drl";
    private static final String PARAMETER_SHEET = RuleFolderCopy.PARAMETER_SHEET;

    @TempDir
    Path root;

    @BeforeEach
    void copyRepositoryRules() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
    }

    // --- an editor's change to a parameter cell ----------------------------------------------

    @Test
    void movingTheCutoffTo2005PrioritisesACommunityBuiltIn2003() throws IOException {
        CompiledRuleset original = CopiedRules.compile(root);
        RuleFolderCopy.editCutoffCell(root, cell -> cell.setCellValue(2005));
        CompiledRuleset modified = CopiedRules.compile(root);

        assertThat(decideFor2003CommunityWithoutDeficiencies(original)).isEqualTo(Eligibility.NOT_ELIGIBLE);
        assertThat(decideFor2003CommunityWithoutDeficiencies(modified)).isEqualTo(Eligibility.PRIORITY_RENOVATION);
        assertThat(modified.version()).isNotEqualTo(original.version());
    }

    // --- mistakes, each reported where a person can find it ----------------------------------

    @Test
    void aTableCopiedIntoAnotherCapabilitysFolderIsOneFindingNamingTheFolderItBelongsIn() throws IOException {
        Path misplaced = root.resolve("decision-tables/funding/" + RuleFolderCopy.ELIGIBILITY_TABLE_NAME);
        Files.copy(root.resolve(DECISION_TABLE), misplaced);

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("decision-tables/funding/" + RuleFolderCopy.ELIGIBILITY_TABLE_NAME);
            assertThat(problem.message())
                    .contains("放错了文件夹", "「eligibility」", "应放在 decision-tables/eligibility/")
                    .doesNotContain("Duplicate");
        });
    }

    @Test
    void aDroolsSpreadsheetOfTheOldFormatIsOneFindingSayingWhatReplacedIt() throws IOException {
        Files.copy(
                Path.of("src/test/resources/legacy-tables/funding.drl.xlsx"),
                root.resolve("decision-tables/funding/funding.drl.xlsx"));

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("decision-tables/funding/funding.drl.xlsx");
            assertThat(problem.message()).contains("旧格式的决策表", "已不再使用", "表格定义（.table.yaml）");
        });
    }

    @Test
    void aSpreadsheetWithoutItsFormIsRefusedNamingTheFormItNeeds() throws IOException {
        Path table = root.resolve(DECISION_TABLE);
        Files.copy(table, table.resolveSibling("eligibility.xlsx"));

        RulesetCompilationException failure = CopiedRules.compileFailing(root);

        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("decision-tables/eligibility/eligibility.xlsx");
            assertThat(problem.message()).contains("须有表格定义 rules/eligibility/eligibility.table.yaml");
        });
    }

    @Test
    void refusesARulesetWithoutTheQueriesItsAnswerIsReadThrough() throws IOException {
        Files.delete(root.resolve("rules/eligibility/answers.drl"));

        RulesetCompilationException failure = CopiedRules.compileFailing(root);

        Capability eligibility = new Capability("eligibility");
        assertThat(eligibility.answers()).isNotEmpty();
        assertThat(failure.problems()).hasSize(eligibility.answers().size()).allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("rules/eligibility/answers.drl");
            assertThat(problem.message()).contains("缺少查询 query");
        });
        assertThat(failure.problems())
                .extracting(RuleProblem::message)
                .anySatisfy(message -> assertThat(message)
                        .contains("\"" + eligibility.answers().get(0) + "\""));
    }

    @Test
    void rejectsDrlFileWithoutRules() throws IOException {
        Files.writeString(root.resolve("rules/eligibility/empty.drl"), "package cn.wenzhou.renovation.eligibility;\n");

        RulesetCompilationException failure = CopiedRules.compileFailing(root);

        assertThat(failure.problems()).extracting(RuleProblem::file).containsExactly("rules/eligibility/empty.drl");
    }

    @Test
    void rejectsRuleFileWhosePackageBelongsToNoCapability() throws IOException {
        Files.writeString(root.resolve("rules/eligibility/elsewhere.drl"), """
                package cn.yueqing.local;
                rule "LOCAL-RULE"
                    @clause("一、改造范围") @quote("重点改造2000年前建成的")
                when
                    String()
                then
                end
                """);

        RulesetCompilationException failure = CopiedRules.compileFailing(root);

        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("rules/eligibility/elsewhere.drl");
            assertThat(problem.message()).contains("cn.yueqing.local", new Capability("eligibility").rulePackage());
        });
    }

    // --- what a request starts from -------------------------------------------------------------

    @Test
    void parameterRowsConcludeOncePerRulesetAndEachRequestSeesThemOnce() {
        CompiledRuleset ruleset = CopiedRules.compile(root);

        assertThat(ruleset.parameters(new Capability("eligibility")))
                .hasOnlyElementsOfTypes(
                        cn.wenzhou.renovation.eligibility.PriorityCutoff.class,
                        cn.wenzhou.renovation.eligibility.ExpropriationWindow.class,
                        cn.wenzhou.renovation.eligibility.DeficiencyRequirement.class,
                        cn.wenzhou.renovation.eligibility.WillingnessRequirement.class)
                .hasSize(4);
        for (int request = 0; request < 3; request++) {
            CompiledRuleset.Evaluation evaluation =
                    ruleset.evaluate(new Capability("eligibility"), List.of(community(2003)));
            // Not fired again: a parameter row firing per request would put a second cut-off beside the kept one.
            assertThat(evaluation.all(cn.wenzhou.renovation.eligibility.PriorityCutoff.class))
                    .hasSize(1);
            assertThat(evaluation.all(RulesetDefect.class)).isEmpty();
        }
        // Each capability fires its own rules only: no consent parameter in an eligibility decision.
        assertThat(ruleset.parameters(new Capability("consent")))
                .hasAtLeastOneElementOfType(cn.wenzhou.renovation.consent.BlankTieRule.class);
        assertThat(ruleset.evaluate(new Capability("eligibility"), List.of(community(2003)))
                        .all(cn.wenzhou.renovation.consent.BlankTieRule.class))
                .isEmpty();
    }

    @Test
    void setUpRulesRunWhenTheRulesetIsBuiltAndNeverOnARequest() {
        CompiledRuleset ruleset = CopiedRules.compile(root);

        Set<String> everyRule = ruleset.rules().stream()
                .map(org.kie.api.definition.rule.Rule::getName)
                .collect(Collectors.toSet());
        Set<String> setUp = new java.util.HashSet<>();
        for (Capability capability : ruleset.kieBases().keySet()) {
            Set<String> decision = namesOf(ruleset.kieBase(capability));
            Set<String> capabilitySetUp = namesOf(ruleset.setUpKieBase(capability));
            assertThat(decision).as("the rules a %s request runs", capability).noneMatch(capabilitySetUp::contains);
            setUp.addAll(capabilitySetUp);
        }
        assertThat(setUp).as("integrity rules and parameter rows").isNotEmpty().allSatisfy(rule -> {
            RuleOrigin origin = ruleset.originOf(rule);
            assertThat(origin.file().endsWith("/integrity.drl") || origin.sheet() != null)
                    .as("%s is an integrity rule or a table's parameter row (%s)", rule, origin)
                    .isTrue();
        });
        // Every integrity rule is set-up, and nothing is lost between the two.
        assertThat(everyRule)
                .filteredOn(rule -> ruleset.originOf(rule).file().endsWith("/integrity.drl"))
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(setUp).contains(rule));
        assertThat(everyRule)
                .hasSize(ruleset.kieBases().values().stream()
                                .mapToInt(kieBase -> namesOf(kieBase).size())
                                .sum()
                        + setUp.size());
    }

    // --- what an edit rebuilds ---------------------------------------------------------------------

    /** The copied rules compiled before and after an officer moves the priority cut-off to 2005. */
    private record CutoffEdit(CompiledRuleset original, CompiledRuleset edited) {}

    private CutoffEdit compiledBeforeAndAfterMovingTheCutoff() throws IOException {
        CompiledRuleset original = CopiedRules.compile(root);
        RuleFolderCopy.editCutoffCell(root, cell -> cell.setCellValue(2005));
        return new CutoffEdit(original, CopiedRules.compile(root));
    }

    @Test
    void anEditedParameterCellRebuildsItsCapabilitysSetUpRulesOnly() throws IOException {
        CutoffEdit cutoff = compiledBeforeAndAfterMovingTheCutoff();

        Capability eligibility = new Capability("eligibility");
        assertThat(cutoff.edited().setUpKieBase(eligibility))
                .isNotSameAs(cutoff.original().setUpKieBase(eligibility));
        for (Capability capability : cutoff.original().kieBases().keySet()) {
            assertThat(cutoff.edited().kieBase(capability))
                    .as("the decision rules of %s", capability)
                    .isSameAs(cutoff.original().kieBase(capability));
            if (!capability.equals(eligibility)) {
                assertThat(cutoff.edited().setUpKieBase(capability))
                        .as("the set-up rules of %s", capability)
                        .isSameAs(cutoff.original().setUpKieBase(capability));
            }
        }
        assertThat(cutoff.edited().parameters(eligibility))
                .isNotEqualTo(cutoff.original().parameters(eligibility));
    }

    @Test
    void anEditedRuleFileRebuildsItsCapabilityOnly() throws IOException {
        CompiledRuleset original = CopiedRules.compile(root);
        Files.writeString(root.resolve(SCOPE_DRL), "\n// edited\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        CompiledRuleset edited = CopiedRules.compile(root);

        Capability eligibility = new Capability("eligibility");
        assertThat(edited.kieBase(eligibility)).isNotSameAs(original.kieBase(eligibility));
        assertThat(edited.kieBases().keySet()).isEqualTo(original.kieBases().keySet());
        original.kieBases().keySet().stream()
                .filter(capability -> !capability.equals(eligibility))
                .forEach(capability -> assertThat(edited.kieBase(capability))
                        .as("the decision rules of %s", capability)
                        .isSameAs(original.kieBase(capability)));
    }

    @Test
    void aSharedKieBaseKeepsNoSessionOfTheRulesetsBuiltOverIt() throws IOException {
        CutoffEdit cutoff = compiledBeforeAndAfterMovingTheCutoff();
        Capability funding = new Capability("funding");
        org.kie.api.KieBase shared = cutoff.edited().kieBase(funding);
        assertThat(shared).isSameAs(cutoff.original().kieBase(funding));

        // Sessions open at once, as concurrent requests hold them: each pool grows to three.
        for (CompiledRuleset ruleset : List.of(cutoff.original(), cutoff.edited())) {
            ruleset.answer(
                    funding,
                    List.of(),
                    outer -> ruleset.answer(
                            funding, List.of(), middle -> ruleset.answer(funding, List.of(), inner -> inner)));
        }

        // The KieBase outlives either ruleset; what it registers would stay as long as it does.
        assertThat(shared.getKieSessions()).isEmpty();
    }

    @Test
    void aCountySharesTheBasesRulesOfEveryCapabilityItLeavesAsItIs() {
        RulesetSources base = cn.wenzhou.renovation.testing.RepositoryRuleset.packaged("wenzhou");
        RulesetSources county = cn.wenzhou.renovation.testing.RepositoryRuleset.packaged("yueqing");
        RulesetCompiler compiler = new RulesetCompiler();
        CompiledRuleset baseRules = compiler.compile("wenzhou", base.files());
        CompiledRuleset countyRules = compiler.compile("yueqing", county.files());

        // A county file keeps the county's path: rules/counties/<code>/<capability>/..., decision-tables/counties/...
        Set<Capability> changedByTheCounty = county.files().stream()
                .map(RuleFile::path)
                .filter(path -> path.contains("/counties/yueqing/"))
                .map(path -> path.split("/"))
                .filter(parts -> parts.length > 4)
                .map(parts -> new Capability(parts[3]))
                .collect(Collectors.toSet());
        assertThat(changedByTheCounty).isNotEmpty();
        for (Capability capability : baseRules.kieBases().keySet()) {
            if (changedByTheCounty.contains(capability)) {
                assertThat(countyRules.kieBase(capability)).isNotSameAs(baseRules.kieBase(capability));
            } else {
                assertThat(countyRules.kieBase(capability))
                        .as("the county's decision rules of %s", capability)
                        .isSameAs(baseRules.kieBase(capability));
                assertThat(countyRules.setUpKieBase(capability)).isSameAs(baseRules.setUpKieBase(capability));
            }
        }
    }

    private static Set<String> namesOf(org.kie.api.KieBase kieBase) {
        return kieBase.getKiePackages().stream()
                .flatMap(p -> CompiledRuleset.rulesOf(p).stream())
                .map(org.kie.api.definition.rule.Rule::getName)
                .collect(Collectors.toSet());
    }

    @Test
    void rejectsParameterCellThatIsNotANumber() throws IOException {
        RuleFolderCopy.editCutoffCell(root, cell -> cell.setCellValue("二千"));

        RulesetCompilationException failure = CopiedRules.compileFailing(root);

        assertThat(failure.problems())
                .anySatisfy(problem -> assertThat(problem.message()).contains("二千"));
    }

    @Test
    void locatesBrokenParameterCellBySheetAndCell() throws IOException {
        String brokenCell = RuleFolderCopy.editCutoffCell(root, cell -> cell.setCellValue("二千"));

        RulesetCompilationException failure = CopiedRules.compileFailing(root);

        assertThat(failure.problems()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(DECISION_TABLE);
            assertThat(problem.sheet()).isEqualTo(PARAMETER_SHEET);
            assertThat(problem.cell()).isEqualTo(brokenCell);
        });
    }

    @Test
    void reportsDrlSyntaxErrorWithFileAndLine() throws IOException {
        Path scope = root.resolve(SCOPE_DRL);
        String intact = "$c : Community(completionYear <= $last)";
        String broken = "$c : Community(completionYear <= )";
        String source = Files.readString(scope, StandardCharsets.UTF_8);
        assertThat(source).contains(intact);
        Files.writeString(scope, source.replace(intact, broken), StandardCharsets.UTF_8);
        int brokenLine = lineOf(Files.readString(scope, StandardCharsets.UTF_8), broken);

        RulesetCompilationException failure = CopiedRules.compileFailing(root);

        assertThat(failure.problems()).extracting(RuleProblem::file).containsOnly(SCOPE_DRL);
        assertThat(failure.problems())
                .anySatisfy(problem -> assertThat(problem.line()).isEqualTo(brokenLine));
        // Said in Chinese; the parser's own words only in the technical detail.
        assertThat(failure.problems()).allSatisfy(problem -> {
            assertThat(problem.message()).startsWith("规则文件").doesNotContainPattern("[a-z]{3,}");
            assertThat(problem.technicalDetail()).isNotBlank();
        });
    }

    @Test
    void aMisspeltPackageLineIsReportedAtItsLineRatherThanItsRulesDropped() throws IOException {
        Path readiness = root.resolve("rules/funding/readiness.drl");
        String source = Files.readString(readiness, StandardCharsets.UTF_8);
        String intact = "package cn.wenzhou.renovation.funding;";
        assertThat(source).contains(intact);
        Files.writeString(
                readiness, source.replace(intact, "pakage cn.wenzhou.renovation.funding;"), StandardCharsets.UTF_8);

        RulesetCompilationException failure = CopiedRules.compileFailing(root);

        assertThat(failure.problems()).extracting(RuleProblem::file).containsOnly("rules/funding/readiness.drl");
        assertThat(failure.problems())
                .anySatisfy(problem -> assertThat(problem.line()).isEqualTo(lineOf(source, intact)));
    }

    @ParameterizedTest(name = "rule carrying only @{0}")
    @ValueSource(strings = {"quote", "clause"})
    void rejectsRuleThatDoesNotCiteAClause(String onlyMetadata) throws IOException {
        Files.writeString(
                root.resolve("rules/eligibility/uncited.drl"), """
                package cn.wenzhou.renovation.eligibility;

                rule "TEST-UNCITED"
                    @%s("重点改造2000年前建成的")
                when
                    Community(completionYear < 0)
                then
                end
                """.formatted(onlyMetadata), StandardCharsets.UTF_8);

        RulesetCompilationException failure = CopiedRules.compileFailing(root);

        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("rules/eligibility/uncited.drl");
            assertThat(problem.message()).contains("TEST-UNCITED");
        });
    }

    // --- the version is a content hash ------------------------------------------------------

    @Test
    void sameFilesGiveTheSameVersionWhateverTheirOrder() {
        List<RuleFile> files = CopiedRules.load(root);
        List<RuleFile> reversed = new ArrayList<>(CopiedRules.load(root));
        Collections.reverse(reversed);

        String first = new RulesetCompiler().compile("wenzhou", files).version();
        String second = new RulesetCompiler().compile("wenzhou", reversed).version();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void oneChangedByteGivesAnotherVersion() {
        List<RuleFile> files = CopiedRules.load(root);
        List<RuleFile> changed = files.stream()
                .map(f -> f.path().equals(SCOPE_DRL) ? withOneByteChanged(f) : f)
                .toList();

        String before = new RulesetCompiler().compile("wenzhou", files).version();
        String after = new RulesetCompiler().compile("wenzhou", changed).version();

        assertThat(after).isNotEqualTo(before);
    }

    // --- helpers -----------------------------------------------------------------------------

    private static Eligibility decideFor2003CommunityWithoutDeficiencies(CompiledRuleset ruleset) {
        return EligibilityService.decide(ruleset, community(2003)).decision().eligibility();
    }

    private static Community community(int completionYear) {
        Community community = new Community();
        community.setCompletionYear(completionYear);
        community.setHousingKind(HousingKind.ORDINARY_RESIDENTIAL_COMMUNITY);
        community.setEvaluationDate(LocalDate.of(2024, 6, 1));
        return community;
    }

    private static RuleFile withOneByteChanged(RuleFile file) {
        byte[] content = file.content().clone();
        // The first line is a comment: flipping a letter's case leaves the rules as they were.
        assertThat(new String(content, 0, 4, StandardCharsets.UTF_8)).isEqualTo("// G");
        content[3] = 'g';
        return new RuleFile(file.path(), content);
    }

    private static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("'" + fragment + "' not found");
    }
}
