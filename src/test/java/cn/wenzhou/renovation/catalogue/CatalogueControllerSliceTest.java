package cn.wenzhou.renovation.catalogue;

import static cn.wenzhou.renovation.testing.ProblemExpectations.invalidFieldExactly;
import static cn.wenzhou.renovation.testing.ProblemExpectations.unknownJurisdiction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.api.model.ItemSuggestion;
import cn.wenzhou.renovation.decision.RequestRulesets;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import cn.wenzhou.renovation.ruleset.versions.UnknownJurisdictionException;
import cn.wenzhou.renovation.testing.SliceContexts;
import cn.wenzhou.renovation.testing.SpecExamples;
import cn.wenzhou.renovation.web.DecisionControllerSlice;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code GET /api/v1/catalog}, {@code POST /catalog/classify} and {@code /plans/check}: how the controller
 * and its plan-check decider turn a catalogue and classified names into answers, and what they refuse, with the
 * catalogue service, suggestions and rulesets mocked. The two items are made up for the test, not the guide's.
 */
@DecisionControllerSlice(CatalogueController.class)
@Import(PlanCheckDecider.class)
class CatalogueControllerSliceTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private RequestRulesets rulesets;

    @MockitoBean
    private CatalogueService service;

    @MockitoBean
    private ItemSuggestions suggestions;

    private final CompiledRuleset ruleset = mock(CompiledRuleset.class);
    private final CatalogueItem roof = item("T-ROOF", Category.BUILDING, Tier.BASIC, "屋面防漏维修", "屋顶补漏");
    private final CatalogueItem parking = item("T-PARK", Category.ROADS_AND_PARKING, Tier.ENHANCEMENT, "智能停车系统", "");
    private final Catalogue catalogue = Catalogue.of(List.of(roof, parking), new ArrayList<>(), "test");
    private final CatalogueService.CatalogueView view = new CatalogueService.CatalogueView(ruleset, catalogue);

    private static CatalogueItem item(String code, Category category, Tier tier, String name, String aliases) {
        CatalogueItem item = new CatalogueItem(code, category);
        item.setTier(tier);
        item.setOfficialName(name);
        item.setAliases(aliases);
        return item;
    }

    @BeforeEach
    void aRuleset() {
        when(ruleset.jurisdiction()).thenReturn("wenzhou");
        when(ruleset.version()).thenReturn("0123456789abcdef");
        when(ruleset.clauseOf(anyString())).thenReturn(Optional.of(new RuleClause("二、改造内容", "摘录", null, null)));
    }

    private ResultActions send(String url, Object body) throws Exception {
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(body.toString()));
    }

    @Test
    void theCatalogueOfTheRequestsRulesetIsListedWithCountsPerCategoryAndTier() throws Exception {
        when(rulesets.take("wenzhou")).thenReturn(ruleset);
        when(service.view(same(ruleset))).thenReturn(view);

        mvc.perform(get("/api/v1/catalog"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rulesetVersion").value("0123456789abcdef"))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].code", contains("T-ROOF", "T-PARK")))
                .andExpect(jsonPath("$.items[0].aliases", contains("屋顶补漏")))
                .andExpect(jsonPath("$.items[0].clause.section").value("二、改造内容"))
                .andExpect(jsonPath("$.counts", hasSize(Category.values().length * Tier.values().length)));
    }

    @Test
    void aCategoryFilterListsThatCategorysItemsAndCounts() throws Exception {
        when(rulesets.take("yueqing")).thenReturn(ruleset);
        when(service.view(same(ruleset))).thenReturn(view);

        mvc.perform(get("/api/v1/catalog?jurisdiction=yueqing&category=BUILDING"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", contains("T-ROOF")))
                .andExpect(jsonPath("$.counts", hasSize(Tier.values().length)))
                .andExpect(jsonPath("$.counts[*].category", everyItem(org.hamcrest.Matchers.is("BUILDING"))))
                .andExpect(jsonPath("$.counts[0].count").value(1));
    }

    /** The spec's ProblemUnknownTier. */
    @Test
    void aTierOutsideTheEnumIsNamedWithTheValuesAllowed() throws Exception {
        invalidFieldExactly(mvc.perform(get("/api/v1/catalog?tier=GOLD")), "tier")
                .andExpect(jsonPath("$.errors[0].message", containsString("BASIC, IMPROVEMENT, ENHANCEMENT")));
        verifyNoInteractions(rulesets, service);
    }

    @Test
    void anUnknownJurisdictionIsTheDocumentedProblemForTheListing() throws Exception {
        when(rulesets.take("atlantis")).thenThrow(new UnknownJurisdictionException("atlantis"));

        unknownJurisdiction(mvc.perform(get("/api/v1/catalog?jurisdiction=atlantis")), "atlantis")
                .andExpect(jsonPath("$.instance").value("/api/v1/catalog"));
        verifyNoInteractions(service);
    }

    @Test
    void namesAreClassifiedAsWrittenAndAnUnrecognisedOneGetsSuggestions() throws Exception {
        when(rulesets.take("wenzhou")).thenReturn(ruleset);
        when(service.classify(same(ruleset), any())).thenAnswer(call -> {
            List<ItemName> names = call.getArgument(1);
            return new CatalogueService.Classified(
                    view,
                    List.of(
                            new CatalogueService.NameResult(
                                    names.get(0),
                                    new Classification("CAT-ALIAS", names.get(0), "T-ROOF", true),
                                    Optional.of(roof)),
                            new CatalogueService.NameResult(
                                    names.get(1),
                                    new Classification("CAT-NONE", names.get(1), null, false),
                                    Optional.empty())),
                    List.of());
        });
        when(suggestions.of(catalogue, "停车"))
                .thenReturn(List.of(new ItemSuggestion("T-PARK", "智能停车系统", new BigDecimal("0.50"))));

        send("/api/v1/catalog/classify", "{\"names\": [\" （2）屋顶补漏 \", \"停车\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].input").value(" （2）屋顶补漏 "))
                .andExpect(jsonPath("$.results[0].matched").value(true))
                .andExpect(jsonPath("$.results[0].matchedBy").value("ALIAS"))
                .andExpect(jsonPath("$.results[0].item.code").value("T-ROOF"))
                .andExpect(jsonPath("$.results[1].matched").value(false))
                .andExpect(jsonPath("$.results[1].suggestions[0].code").value("T-PARK"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<ItemName>> names = ArgumentCaptor.forClass(List.class);
        verify(service).classify(same(ruleset), names.capture());
        assertThat(names.getValue()).extracting(ItemName::getText).containsExactly(" （2）屋顶补漏 ", "停车");
        assertThat(names.getValue()).extracting(ItemName::getRole).containsOnly(ItemName.Role.LOOKUP);
    }

    /** The spec's ClassifyRequestNoNames. */
    @Test
    void noNamesIsNamed() throws Exception {
        invalidFieldExactly(send("/api/v1/catalog/classify", SpecExamples.named("ClassifyRequestNoNames")), "names");
        verifyNoInteractions(rulesets, service);
    }

    @Test
    void aNullNameIsNamedByItsIndex() throws Exception {
        invalidFieldExactly(send("/api/v1/catalog/classify", "{\"names\": [\"加装电梯\", null]}"), "names[1]");
        verifyNoInteractions(service);
    }

    @Test
    void anUnknownJurisdictionIsTheDocumentedProblemForClassifying() throws Exception {
        when(rulesets.take("atlantis")).thenThrow(new UnknownJurisdictionException("atlantis"));

        unknownJurisdiction(
                send("/api/v1/catalog/classify?jurisdiction=atlantis", SpecExamples.named("ClassifyRequestAsWritten")),
                "atlantis");
        verifyNoInteractions(service);
    }

    @Test
    void aPlanIsClassifiedInOneCallWithPlannedThenRequestedNames() throws Exception {
        when(rulesets.take("wenzhou")).thenReturn(ruleset);
        when(service.classify(same(ruleset), any()))
                .thenReturn(new CatalogueService.Classified(view, List.of(), List.of()));

        send("/api/v1/plans/check", SpecExamples.named("PlanCheckRequestEnhancementBeforeBasics"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.communityName").value("鹿城区翠微小区"))
                .andExpect(jsonPath("$.rulesetVersion").value("0123456789abcdef"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<ItemName>> names = ArgumentCaptor.forClass(List.class);
        verify(service).classify(same(ruleset), names.capture());
        assertThat(names.getValue())
                .extracting(ItemName::getRole)
                .containsExactly(
                        ItemName.Role.PLANNED,
                        ItemName.Role.PLANNED,
                        ItemName.Role.PLANNED,
                        ItemName.Role.REQUESTED,
                        ItemName.Role.REQUESTED,
                        ItemName.Role.REQUESTED,
                        ItemName.Role.REQUESTED);
        assertThat(names.getValue().get(3).getText()).isEqualTo("屋面防漏维修");
    }

    @Test
    void aPlanWithoutPlannedItemsIsNamed() throws Exception {
        ObjectNode body = (ObjectNode) SpecExamples.named("PlanCheckRequestEnhancementBeforeBasics");
        body.remove("plannedItems");

        invalidFieldExactly(send("/api/v1/plans/check", body), "plannedItems");
        verifyNoInteractions(rulesets, service);
    }

    @Test
    void aNullRequestedItemIsNamedByItsIndex() throws Exception {
        ObjectNode body = (ObjectNode) SpecExamples.named("PlanCheckRequestEnhancementBeforeBasics");
        ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("requestedItems")).insertNull(2);

        invalidFieldExactly(send("/api/v1/plans/check", body), "requestedItems[2]");
        verifyNoInteractions(service);
    }

    @Test
    void compilesNoRules(@Autowired ApplicationContext context) {
        SliceContexts.assertNoRulesEngine(context);
    }
}
