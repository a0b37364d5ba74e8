package cn.wenzhou.renovation.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.RuleSourceLoader;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompilationException;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import cn.wenzhou.renovation.ruleset.versions.RulesetProperties;
import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.Registries;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guide §2 (改造内容) and annex 1: the real catalogue table checked against the guide's own text (never
 * against values written here), and an editor's rows compiled from a copy of the rules (whatever repository item
 * an edit collides with or leaves out is taken from the compiled table). Particular names and
 * plans are pinned once, in the golden cases ({@code decision-tables/catalogue/catalogue.cases.xlsx}); what
 * holds whatever the table lists (decorated names, order, suggestions, the plan check), in
 * {@link CatalogueNameProperties}.
 */
class CatalogueRulesTest {

    private static final Path GUIDE = Path.of("docs/policy/wenzhou-renovation-guide-2020.txt");

    /** The table's code prefix of each §2 category (a naming convention of the table, not guide text). */
    private static final Map<Category, String> CODE_PREFIX = Map.of(
            Category.BUILDING,
            "BLD",
            Category.ROADS_AND_PARKING,
            "TRF",
            Category.PIPES_AND_COMMUNICATIONS,
            "NET",
            Category.LANDSCAPE_AND_GREENING,
            "GRN",
            Category.ELDERLY_AND_CHILDCARE,
            "ELD",
            Category.GOVERNANCE_AND_SERVICES,
            "GOV");

    private static Catalogued service;
    private static Catalogue catalogue;

    @BeforeAll
    static void loadRepositoryRules() {
        // The registry as the application builds it, with the catalogue's own check, minus Spring.
        service = new Catalogued(
                registry(Path.of("rules"), Path.of("decision-tables")).defaultRuleset());
        catalogue = service.current().catalogue();
    }

    // --- the 48 items of §2 ------------------------------------------------------------------

    @Test
    void catalogueHasExactlyTheItemsOfGuideSection2() throws IOException {
        List<GuideItem> guide = guideSection2();

        assertThat(catalogue.items().stream().map(GuideItem::of).toList()).containsExactlyInAnyOrderElementsOf(guide);
    }

    @Test
    void guideSection2Has48ItemsInSixCategoriesAndThreeTiers() throws IOException {
        // Guards the parser above: a heading it failed to read would shrink the expected list.
        List<GuideItem> guide = guideSection2();

        assertThat(guide).hasSize(48);
        assertThat(guide.stream().map(GuideItem::category).distinct()).containsExactly(Category.values());
        assertThat(guide)
                .allSatisfy(i -> assertThat(i.number()).startsWith((i.tier().ordinal() + 1) + "."));
    }

    @Test
    void catalogueListsItemsInTheGuidesOrder() throws IOException {
        assertThat(catalogue.items().stream().map(GuideItem::of).toList()).containsExactlyElementsOf(guideSection2());
    }

    // --- names as written --------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("guideItems")
    void everyOfficialNameOfSection2ResolvesToItsItem(GuideItem item) {
        CatalogueService.NameResult result = classify(item.name());

        assertThat(result.classification().ruleId()).isEqualTo("CAT-CLASSIFY-OFFICIAL-NAME");
        assertThat(result.item()).get().extracting(CatalogueItem::getCode).isEqualTo(item.code());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("annexItems")
    void everyAnnex1NameResolvesToTheItemAtTheSamePlaceInSection2(AnnexItem item) {
        CatalogueService.NameResult result = classify(item.name());

        assertThat(result.item())
                .as(item.name())
                .get()
                .extracting(CatalogueItem::getCode)
                .isEqualTo(item.code());
    }

    @Test
    void annex1SpellsExactlyTwoItemsDifferentlyFromSection2() throws IOException {
        Map<String, String> section2NameByCode = new LinkedHashMap<>();
        guideSection2().forEach(i -> section2NameByCode.put(i.code(), i.name()));

        List<String> differing = annex1().stream()
                .filter(a -> !a.name().equals(section2NameByCode.get(a.code())))
                .map(a -> a.code() + " " + a.name())
                .toList();

        assertThat(differing).containsExactlyInAnyOrder("BLD-1.2 外墙渗透维修", "TRF-3.1 建立智能停车位管理系统");
    }

    // --- a county's own rows and mistakes in the table ----------------------------------------

    @Nested
    @CompilesEditedRules
    class EditedTable {

        @TempDir
        Path root;

        @BeforeEach
        void copyRepositoryRules() throws IOException {
            RuleFolderCopy.copyRepositoryRules(root);
        }

        @Test
        void aRowAddedForACountysLocalItemJoinsTheCatalogue() throws IOException {
            addRow("LOCAL-1", "GOVERNANCE_AND_SERVICES", "ENHANCEMENT", "3.9", "", "智慧社区服务平台");

            Catalogue edited = editedService().current().catalogue();

            assertThat(edited.items()).hasSize(catalogue.items().size() + 1);
            assertThat(edited.byCode("LOCAL-1")).get().satisfies(item -> {
                assertThat(item.getCategory()).isEqualTo(Category.GOVERNANCE_AND_SERVICES);
                assertThat(item.getTier()).isEqualTo(Tier.ENHANCEMENT);
                assertThat(item.getOfficialName()).isEqualTo("智慧社区服务平台");
            });
        }

        @Test
        void aRowAddedForACountysLocalItemClassifiesItsName() throws IOException {
            addRow("LOCAL-1", "GOVERNANCE_AND_SERVICES", "ENHANCEMENT", "3.9", "", "智慧社区服务平台");

            CatalogueService.NameResult result =
                    editedService().classify(lookups("智慧社区服务平台")).names().get(0);

            assertThat(result.classification().ruleId()).isEqualTo("CAT-CLASSIFY-OFFICIAL-NAME");
            assertThat(result.item()).get().extracting(CatalogueItem::getCode).isEqualTo("LOCAL-1");
        }

        @Test
        void aLocalItemsAliasesAreSeparatedBySemicolons() throws IOException {
            addRow("LOCAL-1", "GOVERNANCE_AND_SERVICES", "ENHANCEMENT", "3.9", "智慧社区平台；社区智慧服务平台", "智慧社区服务平台");

            Catalogued service = editedService();

            assertThat(service.current().catalogue().byCode("LOCAL-1"))
                    .get()
                    .extracting(CatalogueItem::getAliases)
                    .asList()
                    .containsExactly("智慧社区平台", "社区智慧服务平台");
            assertThat(service.classify(lookups("社区智慧服务平台")).names().get(0).classification())
                    .extracting(Classification::ruleId, Classification::itemCode)
                    .containsExactly("CAT-CLASSIFY-ALIAS", "LOCAL-1");
        }

        @Test
        void aLocalEnhancementItemTakesPartInThePlanCheck() throws IOException {
            addRow("LOCAL-1", "GOVERNANCE_AND_SERVICES", "ENHANCEMENT", "3.9", "", "智慧社区服务平台");
            CatalogueItem basic = catalogue.items().stream()
                    .filter(i -> i.getCategory() == Category.GOVERNANCE_AND_SERVICES && i.getTier() == Tier.BASIC)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no basic item of 社区治理和服务 in the table"));

            CatalogueService.Classified plan = editedService()
                    .classify(List.of(
                            new ItemName("智慧社区服务平台", ItemName.Role.PLANNED),
                            new ItemName(basic.getOfficialName(), ItemName.Role.REQUESTED)));

            assertThat(plan.warnings())
                    .extracting(PlanWarning::missingBasicCode, PlanWarning::enhancementCode)
                    .containsExactly(tuple(basic.getCode(), "LOCAL-1"));
        }

        @Test
        void anAliasThatIsAnotherItemsNameRefusesTheRuleset() throws IOException {
            // Another item's official name given to a local row as an alias makes the name ambiguous.
            CatalogueItem other = anItemWithAnAlias();
            addRow("LOCAL-1", "BUILDING", "IMPROVEMENT", "2.9", other.getOfficialName(), "外墙翻新");

            RulesetCompilationException refused = catchThrowableOfType(
                    RulesetCompilationException.class,
                    () -> registry(root.resolve("rules"), root.resolve("decision-tables")));

            assertThat(refused)
                    .as("the catalogue check should refuse the ruleset")
                    .isNotNull();
            assertThat(refused.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.file()).isEqualTo(RuleFolderCopy.CATALOGUE_TABLE);
                assertThat(problem.message()).contains(other.getOfficialName(), other.getCode(), "LOCAL-1");
            });
        }

        @Test
        void anAliasThatIsAnotherItemsAliasIsReportedByTheCatalogueCheck() throws IOException {
            CatalogueItem other = anItemWithAnAlias();
            String alias = other.getAliases().get(0);
            addRow("LOCAL-1", "BUILDING", "IMPROVEMENT", "2.9", alias, "外墙翻新");
            CompiledRuleset compiled = compile(root.resolve("rules"), root.resolve("decision-tables"));

            List<RuleProblem> problems = new CatalogueService.Check().check(compiled);

            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.file()).isEqualTo(RuleFolderCopy.CATALOGUE_TABLE);
                assertThat(problem.message()).contains(alias, other.getCode(), "LOCAL-1");
            });
        }

        @Test
        void twoLocalItemsDifferingOnlyInALeadingDigitAreBothAccepted() throws IOException {
            addRow("LOCAL-1", "PIPES_AND_COMMUNICATIONS", "ENHANCEMENT", "3.3", "", "5G基站建设");
            addRow("LOCAL-2", "PIPES_AND_COMMUNICATIONS", "ENHANCEMENT", "3.4", "", "4G基站建设");

            Catalogued service = editedService();

            assertThat(service.classify(lookups("5G基站建设", "4G基站建设")).names())
                    .extracting(r -> r.classification().itemCode())
                    .containsExactly("LOCAL-1", "LOCAL-2");
        }

        @Test
        void aNameMissingTheLeadingDigitOfALocalItemIsNotMatched() throws IOException {
            addRow("LOCAL-1", "PIPES_AND_COMMUNICATIONS", "ENHANCEMENT", "3.3", "", "5G基站建设");

            CatalogueService.NameResult result =
                    editedService().classify(lookups("G基站建设")).names().get(0);

            assertThat(result.classification().ruleId()).isEqualTo("CAT-CLASSIFY-NOT-IN-CATALOGUE");
        }

        private void addRow(String code, String category, String tier, String number, String aliases, String name)
                throws IOException {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("规则编号", code);
            row.put("类别", category);
            row.put("层级", tier);
            row.put("指南编号", number);
            if (!aliases.isEmpty()) {
                row.put("别名（以“；”分隔）", aliases);
            }
            row.put("名称", name);
            row.put("条款", "（县级）本地改造项目");
            row.put("原文", name);
            RuleFolderCopy.appendRow(root.resolve(RuleFolderCopy.CATALOGUE_TABLE), RuleFolderCopy.CATALOGUE_SHEET, row);
        }

        /** An item of the repository's table with an alias, whichever it is. */
        private static CatalogueItem anItemWithAnAlias() {
            return catalogue.items().stream()
                    .filter(i -> !i.getAliases().isEmpty())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no item with an alias in the table"));
        }

        private Catalogued editedService() {
            return new Catalogued(registry(root.resolve("rules"), root.resolve("decision-tables"))
                    .defaultRuleset());
        }
    }

    // --- the guide's text --------------------------------------------------------------------

    /** One item as §2 prints it, with the code the table gives it. */
    record GuideItem(String code, Category category, Tier tier, String number, String name) {

        static GuideItem of(CatalogueItem item) {
            return new GuideItem(
                    item.getCode(), item.getCategory(), item.getTier(), item.getNumber(), item.getOfficialName());
        }

        @Override
        public String toString() {
            return code + " " + name;
        }
    }

    /** One name of annex 1's questionnaire, at its place: category, tier and (n) within the tier. */
    record AnnexItem(String code, String name) {

        @Override
        public String toString() {
            return code + " " + name;
        }
    }

    private static final Pattern CATEGORY_HEADING = Pattern.compile("^（[一二三四五六七八九十]+）(.+)$");
    private static final Pattern TIER_HEADING = Pattern.compile("^([0-9])\\.(基础类|完善类|提升类)$");
    private static final Pattern ITEM_LINE = Pattern.compile("^([0-9])\\.([0-9]+)\\s*(.+)$");
    private static final Pattern ANNEX_ITEM = Pattern.compile("^（([0-9]+)）(.+)$");

    static List<GuideItem> guideSection2() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
        int start = lines.indexOf("二、改造内容");
        int end = lines.indexOf("三、建设程序");
        assertThat(start).as("§2 heading").isNotNegative();
        assertThat(end).as("§3 heading").isGreaterThan(start);
        List<GuideItem> items = new ArrayList<>();
        Category category = null;
        Tier tier = null;
        for (String raw : lines.subList(start + 1, end)) {
            String line = raw.strip();
            Matcher heading = CATEGORY_HEADING.matcher(line);
            Matcher tierHeading = TIER_HEADING.matcher(line);
            Matcher item = ITEM_LINE.matcher(line);
            if (heading.matches()) {
                category = categoryLabelled(heading.group(1));
                tier = null;
            } else if (tierHeading.matches()) {
                tier = tierLabelled(tierHeading.group(2));
                assertThat(tierHeading.group(1)).as(line).isEqualTo(String.valueOf(tier.ordinal() + 1));
            } else if (item.matches()) {
                assertThat(category).as("category of " + line).isNotNull();
                assertThat(tier).as("tier of " + line).isNotNull();
                String number = item.group(1) + "." + item.group(2);
                items.add(new GuideItem(
                        CODE_PREFIX.get(category) + "-" + number,
                        category,
                        tier,
                        number,
                        item.group(3).strip()));
            }
        }
        return items;
    }

    /**
     * Annex 1's questionnaire table: a category line, then per tier a first line indented with a tab
     * and the tier's further items on unindented lines, each numbered (1), (2), ...
     */
    static List<AnnexItem> annex1() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
        int start = indexOfStripped(lines, "附件1", 0);
        int end = indexOfStripped(lines, "附件2", start);
        List<AnnexItem> items = new ArrayList<>();
        Category category = null;
        int tierIndex = 0;
        for (String raw : lines.subList(start + 1, end)) {
            String line = raw.strip();
            Category labelled = Arrays.stream(Category.values())
                    .filter(c -> c.label().equals(line))
                    .findFirst()
                    .orElse(null);
            Matcher item = ANNEX_ITEM.matcher(line);
            if (labelled != null) {
                category = labelled;
                tierIndex = 0;
            } else if (category != null && item.matches()) {
                if (raw.startsWith("\t")) {
                    tierIndex++;
                }
                items.add(new AnnexItem(
                        CODE_PREFIX.get(category) + "-" + tierIndex + "." + item.group(1),
                        item.group(2).strip()));
            } else if (category != null && !line.isEmpty()) {
                category = null; // the table has ended
            }
        }
        return items;
    }

    static Stream<GuideItem> guideItems() throws IOException {
        return guideSection2().stream();
    }

    static Stream<AnnexItem> annexItems() throws IOException {
        List<AnnexItem> items = annex1();
        assertThat(items).as("annex 1 lists the same 48 items").hasSize(48);
        return items.stream();
    }

    private static int indexOfStripped(List<String> lines, String wanted, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(wanted)) {
                return i;
            }
        }
        throw new AssertionError("no line reading " + wanted);
    }

    private static Category categoryLabelled(String label) {
        return Arrays.stream(Category.values())
                .filter(c -> c.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("§2 category heading not known to Category: " + label));
    }

    private static Tier tierLabelled(String label) {
        return Arrays.stream(Tier.values())
                .filter(t -> t.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("§2 tier heading not known to Tier: " + label));
    }

    // --- helpers -----------------------------------------------------------------------------

    static CompiledRuleset compile(Path rules, Path decisionTables) {
        RuleSourceLoader loader = new RuleSourceLoader();
        List<RuleFile> files = new ArrayList<>(loader.load(rules.toString(), "rules"));
        files.addAll(loader.load(decisionTables.toString(), "decision-tables"));
        return new RulesetCompiler().compile("wenzhou", files);
    }

    static RulesetRegistry registry(Path rules, Path decisionTables) {
        return Registries.checkedBy(
                new RulesetProperties(rules.toString(), decisionTables.toString(), "wenzhou", null),
                List.of(new CatalogueService.Check()));
    }

    private static List<ItemName> lookups(String... names) {
        return Arrays.stream(names)
                .map(n -> new ItemName(n, ItemName.Role.LOOKUP))
                .toList();
    }

    private static CatalogueService.NameResult classify(String name) {
        return service.classify(lookups(name)).names().get(0);
    }

    /** The catalogue service over one compiled ruleset, as a request uses it. */
    private record Catalogued(cn.wenzhou.renovation.ruleset.engine.CompiledRuleset ruleset) {

        CatalogueService.CatalogueView current() {
            return new CatalogueService().view(ruleset);
        }

        CatalogueService.Classified classify(List<ItemName> names) {
            return new CatalogueService().classify(ruleset, names);
        }
    }
}
