package cn.wenzhou.renovation.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code GET /api/v1/catalog}, {@code POST /api/v1/catalog/classify} and {@code POST /api/v1/plans/check}
 * through the real Spring context, real JSON and the real catalogue table and rules.
 */
@DeployedService
class CatalogueHttpTest {

    private static final String CATALOG = "/api/v1/catalog";
    private static final String CLASSIFY = "/api/v1/catalog/classify";
    private static final String PLAN_CHECK = "/api/v1/plans/check";
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    private MockMvc mvc;

    private final ObjectMapper json = new ObjectMapper();

    private ResultActions postJson(String url, Object body) throws Exception {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(text));
    }

    private static ResultActions ok(ResultActions result) throws Exception {
        return result.andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.jurisdiction").value("wenzhou"))
                .andExpect(jsonPath("$.rulesetVersion", matchesPattern("[0-9a-f]{16}")));
    }

    private static ResultActions rejected(ResultActions result, String field) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
                .andExpect(jsonPath("$.detail", containsString(field)))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> classify(String... names) {
        return Map.of("names", List.of(names));
    }

    private static Map<String, Object> plan(List<String> planned, List<String> requested) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("communityName", "鹿城区翠微小区");
        body.put("plannedItems", planned);
        body.put("requestedItems", requested);
        return body;
    }

    @Nested
    class Catalog {

        @Test
        void listsThe48ItemsOfGuideSection2() throws Exception {
            ok(mvc.perform(get(CATALOG)))
                    .andExpect(jsonPath("$.total").value(48))
                    .andExpect(jsonPath("$.items", hasSize(48)));
        }

        @Test
        void countsEveryCategoryAndTierAsTheGuideDoes() throws Exception {
            Map<String, Integer> guide = new HashMap<>();
            CatalogueRulesTest.guideSection2()
                    .forEach(i -> guide.merge(i.category() + "/" + i.tier(), 1, Integer::sum));

            JsonNode counts = body(ok(mvc.perform(get(CATALOG)))).get("counts");

            Map<String, Integer> served = new HashMap<>();
            counts.forEach(c -> served.put(
                    c.get("category").asText() + "/" + c.get("tier").asText(),
                    c.get("count").asInt()));
            assertThat(counts).hasSize(18);
            assertThat(served).isEqualTo(guide);
            assertThat(served.values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(48);
        }

        @Test
        void eachItemCitesItsPlaceInSection2() throws Exception {
            ok(mvc.perform(get(CATALOG)))
                    .andExpect(jsonPath("$.items[?(@.code=='BLD-1.2')].officialName", contains("外墙渗漏维修")))
                    .andExpect(jsonPath("$.items[?(@.code=='BLD-1.2')].categoryLabel", contains("建筑")))
                    .andExpect(jsonPath("$.items[?(@.code=='BLD-1.2')].tierLabel", contains("基础类")))
                    .andExpect(jsonPath("$.items[?(@.code=='BLD-1.2')].number", contains("1.2")))
                    .andExpect(jsonPath("$.items[?(@.code=='BLD-1.2')].aliases[*]", contains("外墙渗透维修")))
                    .andExpect(
                            jsonPath("$.items[?(@.code=='BLD-1.2')].clause.section", contains("二、改造内容 （一）建筑 1.基础类")));
        }

        @Test
        void filtersByCategory() throws Exception {
            ok(mvc.perform(get(CATALOG).param("category", "ROADS_AND_PARKING")))
                    .andExpect(jsonPath("$.total").value(8))
                    .andExpect(jsonPath("$.items[*].category", everyItem(is("ROADS_AND_PARKING"))))
                    .andExpect(jsonPath("$.counts", hasSize(3)))
                    .andExpect(jsonPath("$.counts[*].category", everyItem(is("ROADS_AND_PARKING"))))
                    .andExpect(jsonPath("$.counts[*].count", contains(4, 2, 2)));
        }

        @Test
        void filtersByTier() throws Exception {
            ok(mvc.perform(get(CATALOG).param("tier", "ENHANCEMENT")))
                    .andExpect(jsonPath("$.total").value(12))
                    .andExpect(jsonPath("$.items[*].tier", everyItem(is("ENHANCEMENT"))))
                    .andExpect(jsonPath("$.counts", hasSize(6)))
                    .andExpect(jsonPath("$.counts[*].count", contains(2, 2, 2, 3, 2, 1)));
        }

        @Test
        void filtersByCategoryAndTier() throws Exception {
            ok(mvc.perform(get(CATALOG)
                            .param("category", "ELDERLY_AND_CHILDCARE")
                            .param("tier", "ENHANCEMENT")))
                    .andExpect(jsonPath("$.total").value(2))
                    .andExpect(jsonPath("$.items[*].code", contains("ELD-3.1", "ELD-3.2")))
                    .andExpect(jsonPath("$.counts", hasSize(1)))
                    .andExpect(jsonPath("$.counts[0].count").value(2))
                    .andExpect(jsonPath("$.counts[0].categoryLabel").value("养老托育设施"))
                    .andExpect(jsonPath("$.counts[0].tierLabel").value("提升类"));
        }

        @ParameterizedTest(name = "category={0}")
        @ValueSource(strings = {"PARKING", "building", "建筑"})
        void unknownCategoryIsAProblemNamingTheParameter(String category) throws Exception {
            rejected(mvc.perform(get(CATALOG).param("category", category)), "category");
        }

        @ParameterizedTest(name = "tier={0}")
        @ValueSource(strings = {"ADVANCED", "basic", "1"})
        void unknownTierIsAProblemNamingTheParameter(String tier) throws Exception {
            rejected(mvc.perform(get(CATALOG).param("tier", tier)), "tier");
        }
    }

    @Nested
    class Classify {

        @Test
        void officialNameIsMatchedByOfficialName() throws Exception {
            ok(postJson(CLASSIFY, classify("加装电梯")))
                    .andExpect(jsonPath("$.results", hasSize(1)))
                    .andExpect(jsonPath("$.results[0].input").value("加装电梯"))
                    .andExpect(jsonPath("$.results[0].matched").value(true))
                    .andExpect(jsonPath("$.results[0].matchedBy").value("OFFICIAL_NAME"))
                    .andExpect(jsonPath("$.results[0].item.code").value("ELD-3.2"))
                    .andExpect(jsonPath("$.results[0].item.category").value("ELDERLY_AND_CHILDCARE"))
                    .andExpect(jsonPath("$.results[0].suggestions").isEmpty());
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"外墙渗透维修, BLD-1.2, 外墙渗漏维修", "建立智能停车位管理系统, TRF-3.1, 建立智能停车管理系统"})
        void annex1SpellingIsMatchedByAlias(String written, String code, String officialName) throws Exception {
            ok(postJson(CLASSIFY, classify(written)))
                    .andExpect(jsonPath("$.results[0].input").value(written))
                    .andExpect(jsonPath("$.results[0].matched").value(true))
                    .andExpect(jsonPath("$.results[0].matchedBy").value("ALIAS"))
                    .andExpect(jsonPath("$.results[0].item.code").value(code))
                    .andExpect(jsonPath("$.results[0].item.officialName").value(officialName))
                    .andExpect(jsonPath("$.results[0].item.aliases", hasItem(written)));
        }

        @Test
        void decoratedNameIsMatchedAndEchoedAsWritten() throws Exception {
            ok(postJson(CLASSIFY, classify(" （2）外墙渗漏维修。 ")))
                    .andExpect(jsonPath("$.results[0].input").value(" （2）外墙渗漏维修。 "))
                    .andExpect(jsonPath("$.results[0].matchedBy").value("OFFICIAL_NAME"))
                    .andExpect(jsonPath("$.results[0].item.code").value("BLD-1.2"));
        }

        @Test
        void unknownNameIsNotMatchedAndGetsUpToThreeSuggestionsMostAlikeFirst() throws Exception {
            JsonNode result = body(ok(postJson(CLASSIFY, classify("外墙维修"))))
                    .get("results")
                    .get(0);

            assertThat(result.get("matched").asBoolean()).isFalse();
            assertThat(result.has("matchedBy")).isFalse();
            assertThat(result.has("item")).isFalse();
            JsonNode suggestions = result.get("suggestions");
            assertThat(suggestions.size()).isBetween(1, 3);
            assertThat(suggestions.get(0).get("code").asText()).isEqualTo("BLD-1.2");
            List<Double> similarities = new ArrayList<>();
            suggestions.forEach(s -> similarities.add(s.get("similarity").asDouble()));
            assertThat(similarities)
                    .allSatisfy(s -> assertThat(s).isBetween(0.5, 1.0))
                    .isSortedAccordingTo(Collections.reverseOrder());
        }

        @Test
        void aNameLikeNoItemGetsNoSuggestions() throws Exception {
            // 安装路灯 shares one character in place with 加装电梯 (0.25): below the minimum of 0.5, so nothing is offered.
            ok(postJson(CLASSIFY, classify("安装路灯")))
                    .andExpect(jsonPath("$.results[0].matched").value(false))
                    .andExpect(jsonPath("$.results[0].suggestions").isEmpty());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"疏散通道，安全出口整改", "疏散通道；安全出口整改", "疏散通道,安全出口整改", "疏散通道、、安全出口整改", "（3）疏散通道 ， 安全出口整改；"})
        void fullWidthAndHalfWidthSeparatorsInsideANameReadAsTheGuidesEnumerationComma(String written)
                throws Exception {
            ok(postJson(CLASSIFY, classify(written)))
                    .andExpect(jsonPath("$.results[0].matched").value(true))
                    .andExpect(jsonPath("$.results[0].matchedBy").value("OFFICIAL_NAME"))
                    .andExpect(jsonPath("$.results[0].item.code").value("BLD-1.6"));
        }

        @Test
        void resultsComeInTheOrderGiven() throws Exception {
            ok(postJson(CLASSIFY, classify("外墙渗透维修", " （2）外墙渗漏维修 ", "建立智能停车位管理系统", "加装电梯。", "安装路灯")))
                    .andExpect(jsonPath(
                            "$.results[*].input", contains("外墙渗透维修", " （2）外墙渗漏维修 ", "建立智能停车位管理系统", "加装电梯。", "安装路灯")))
                    .andExpect(jsonPath("$.results[*].matched", contains(true, true, true, true, false)))
                    .andExpect(
                            jsonPath("$.results[0:4].item.code", contains("BLD-1.2", "BLD-1.2", "TRF-3.1", "ELD-3.2")));
        }

        @Test
        void emptyListIsAProblemNamingNames() throws Exception {
            rejected(postJson(CLASSIFY, Map.of("names", List.of())), "names");
        }

        @Test
        void missingNamesIsAProblemNamingNames() throws Exception {
            rejected(postJson(CLASSIFY, Map.of()), "names");
        }

        @Test
        void a1001NameListIsAProblemNamingNames() throws Exception {
            rejected(postJson(CLASSIFY, Map.of("names", Collections.nCopies(1001, "加装电梯"))), "names");
        }

        @Test
        void a1000NameListIsClassified() throws Exception {
            ok(postJson(CLASSIFY, Map.of("names", Collections.nCopies(1000, "加装电梯"))))
                    .andExpect(jsonPath("$.results", hasSize(1000)))
                    .andExpect(jsonPath("$.results[999].item.code").value("ELD-3.2"));
        }

        @Test
        void nameLongerThan200CharactersIsAProblemNamingItsIndex() throws Exception {
            rejected(postJson(CLASSIFY, classify("加装电梯", "长".repeat(201))), "names[1]")
                    .andExpect(content().string(not(containsString("长长长"))));
        }

        @Test
        void unknownFieldIsAProblemRatherThanIgnored() throws Exception {
            rejected(postJson(CLASSIFY, Map.of("names", List.of("加装电梯"), "name", "加装电梯")), "name");
        }

        @Test
        void nullNameIsAProblemNamingItsIndex() throws Exception {
            rejected(postJson(CLASSIFY, "{\"names\":[\"加装电梯\", null]}"), "names[1]");
        }
    }

    @Nested
    class PlanCheck {

        @Test
        void enhancementBeforeRequestedBasicsIsWarnedInEachCategory() throws Exception {
            // The spec's example: parking spaces and barrier-free access asked for, smart parking and a lift planned.
            ok(postJson(
                            PLAN_CHECK,
                            plan(
                                    List.of("屋面防漏维修", "建立智能停车位管理系统", "加装电梯"),
                                    List.of("屋面防漏维修", "地面停车位增设", "加装电梯", "无障碍设施建设"))))
                    .andExpect(jsonPath("$.communityName").value("鹿城区翠微小区"))
                    .andExpect(jsonPath("$.warnings", hasSize(2)))
                    .andExpect(
                            jsonPath("$.warnings[*].ruleId", everyItem(is("PLAN-ENHANCEMENT-BEFORE-REQUESTED-BASIC"))))
                    .andExpect(
                            jsonPath("$.warnings[*].category", contains("ROADS_AND_PARKING", "ELDERLY_AND_CHILDCARE")))
                    .andExpect(jsonPath("$.warnings[*].missingBasicCode", contains("TRF-1.3", "ELD-1.1")))
                    .andExpect(jsonPath("$.warnings[*].enhancementCode", contains("TRF-3.1", "ELD-3.2")));
        }

        @Test
        void warningNamesBothItemsAndCitesTheClause() throws Exception {
            ok(postJson(PLAN_CHECK, plan(List.of("建立智能停车管理系统"), List.of("地面停车位增设"))))
                    .andExpect(jsonPath("$.warnings", hasSize(1)))
                    .andExpect(jsonPath("$.warnings[0].missingBasicCode").value("TRF-1.3"))
                    .andExpect(jsonPath("$.warnings[0].missingBasicName").value("地面停车位增设"))
                    .andExpect(jsonPath("$.warnings[0].enhancementCode").value("TRF-3.1"))
                    .andExpect(jsonPath("$.warnings[0].enhancementName").value("建立智能停车管理系统"))
                    .andExpect(jsonPath("$.warnings[0].message", containsString("地面停车位增设")))
                    .andExpect(jsonPath("$.warnings[0].clause.section").value("二、改造内容"))
                    .andExpect(jsonPath("$.warnings[0].clause.quote", containsString("从保基本开始")))
                    .andExpect(jsonPath("$.warnings[0].interpretation", containsString("不否决方案")));
        }

        @Test
        void coverageListsTheTiersPlannedInEachCategoryInTheGuidesOrder() throws Exception {
            ok(postJson(PLAN_CHECK, plan(List.of("加装电梯", "屋面防漏维修", "节能改造", "外立面形象改造"), List.of())))
                    .andExpect(jsonPath("$.coverage[*].category", contains("BUILDING", "ELDERLY_AND_CHILDCARE")))
                    .andExpect(jsonPath("$.coverage[0].categoryLabel").value("建筑"))
                    .andExpect(jsonPath("$.coverage[0].tiers", contains("BASIC", "IMPROVEMENT", "ENHANCEMENT")))
                    .andExpect(jsonPath("$.coverage[0].itemCodes", contains("BLD-1.1", "BLD-3.1", "BLD-2.1")))
                    .andExpect(jsonPath("$.coverage[1].tiers", contains("ENHANCEMENT")))
                    .andExpect(jsonPath("$.coverage[1].itemCodes", contains("ELD-3.2")));
        }

        @Test
        void noWarningWhenTheRequestedBasicIsPlanned() throws Exception {
            ok(postJson(PLAN_CHECK, plan(List.of("建立智能停车管理系统", "地面停车位增设"), List.of("地面停车位增设"))))
                    .andExpect(jsonPath("$.warnings").isEmpty())
                    .andExpect(jsonPath("$.coverage[0].tiers", contains("BASIC", "ENHANCEMENT")));
        }

        @Test
        void noWarningWhenTheMissingBasicIsInAnotherCategory() throws Exception {
            ok(postJson(PLAN_CHECK, plan(List.of("建立智能停车管理系统"), List.of("屋面防漏维修"))))
                    .andExpect(jsonPath("$.warnings").isEmpty());
        }

        @Test
        void unknownPlannedItemIsReportedUnmatchedAndLeftOutOfCoverage() throws Exception {
            ok(postJson(PLAN_CHECK, plan(List.of("加装电梯", "外墙维修"), List.of())))
                    .andExpect(jsonPath("$.plannedItems[*].input", contains("加装电梯", "外墙维修")))
                    .andExpect(jsonPath("$.plannedItems[1].matched").value(false))
                    .andExpect(jsonPath("$.plannedItems[1].suggestions", not(hasSize(0))))
                    .andExpect(jsonPath("$.coverage[*].itemCodes[*]", contains("ELD-3.2")));
        }

        @Test
        void requestedItemsAreClassifiedToo() throws Exception {
            ok(postJson(PLAN_CHECK, plan(List.of("加装电梯"), List.of("外墙渗透维修", "安装路灯"))))
                    .andExpect(jsonPath("$.requestedItems[0].matchedBy").value("ALIAS"))
                    .andExpect(jsonPath("$.requestedItems[0].item.code").value("BLD-1.2"))
                    .andExpect(jsonPath("$.requestedItems[1].matched").value(false));
        }

        @Test
        void omittedRequestedItemsMeansNothingWasRequested() throws Exception {
            ok(postJson(PLAN_CHECK, Map.of("plannedItems", List.of("建立智能停车管理系统"))))
                    .andExpect(jsonPath("$.requestedItems").isEmpty())
                    .andExpect(jsonPath("$.warnings").isEmpty());
        }

        @Test
        void explicitNullRequestedItemsIsNotAServerError() throws Exception {
            postJson(PLAN_CHECK, "{\"plannedItems\":[\"加装电梯\"],\"requestedItems\":null}")
                    .andExpect(status().is(oneOf(200, 400)));
        }

        @Test
        void emptyPlanIsAProblemNamingPlannedItems() throws Exception {
            rejected(postJson(PLAN_CHECK, plan(List.of(), List.of("地面停车位增设"))), "plannedItems");
        }

        @Test
        void missingPlanIsAProblemNamingPlannedItems() throws Exception {
            rejected(postJson(PLAN_CHECK, Map.of("requestedItems", List.of("地面停车位增设"))), "plannedItems");
        }

        @Test
        void moreThan500RequestedItemsIsAProblemNamingRequestedItems() throws Exception {
            rejected(
                    postJson(PLAN_CHECK, plan(List.of("加装电梯"), Collections.nCopies(501, "地面停车位增设"))), "requestedItems");
        }

        @Test
        void malformedJsonIsAProblemNamingTheBody() throws Exception {
            postJson(PLAN_CHECK, "{\"plannedItems\": [\"加装电梯\"],")
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("body")));
        }
    }

    @Nested
    class Problems {

        @Test
        void wrongMethodIsAProblem() throws Exception {
            mvc.perform(post(CATALOG).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isMethodNotAllowed())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
        }

        @Test
        void wrongContentTypeIsAProblem() throws Exception {
            mvc.perform(post(CLASSIFY).contentType(MediaType.TEXT_PLAIN).content("加装电梯"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
        }
    }
}
