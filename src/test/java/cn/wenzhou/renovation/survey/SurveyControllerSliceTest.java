package cn.wenzhou.renovation.survey;

import static cn.wenzhou.renovation.testing.ProblemExpectations.invalidFieldExactly;
import static cn.wenzhou.renovation.testing.ProblemExpectations.unknownJurisdiction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.api.model.Ballot;
import cn.wenzhou.renovation.api.model.ConsentTallyRequest;
import cn.wenzhou.renovation.api.model.ConsentTallyResponse;
import cn.wenzhou.renovation.catalogue.Catalogue;
import cn.wenzhou.renovation.catalogue.CatalogueItem;
import cn.wenzhou.renovation.catalogue.CatalogueService;
import cn.wenzhou.renovation.catalogue.Category;
import cn.wenzhou.renovation.catalogue.Classification;
import cn.wenzhou.renovation.catalogue.ItemName;
import cn.wenzhou.renovation.catalogue.ItemSuggestions;
import cn.wenzhou.renovation.catalogue.Tier;
import cn.wenzhou.renovation.consent.ConsentTallies;
import cn.wenzhou.renovation.decision.RequestRulesets;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import cn.wenzhou.renovation.ruleset.versions.UnknownJurisdictionException;
import cn.wenzhou.renovation.testing.SliceContexts;
import cn.wenzhou.renovation.testing.SpecExamples;
import cn.wenzhou.renovation.web.DecisionControllerSlice;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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
 * {@code POST /api/v1/surveys/satisfaction} and {@code /surveys/consultation}: how forms are read, counted and
 * answered (the satisfaction survey by its decider), and what is refused, with the rulesets, the satisfaction
 * definition, the consent tally, the catalogue and its suggestions mocked.
 */
@DecisionControllerSlice(SurveyController.class)
@Import(SatisfactionSurveyDecider.class)
class SurveyControllerSliceTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private RequestRulesets rulesets;

    @MockitoBean
    private SatisfactionService satisfaction;

    @MockitoBean
    private ConsentTallies tallies;

    @MockitoBean
    private CatalogueService catalogue;

    @MockitoBean
    private ItemSuggestions suggestions;

    private final CompiledRuleset ruleset = mock(CompiledRuleset.class);

    @BeforeEach
    void aRuleset() {
        when(ruleset.jurisdiction()).thenReturn("wenzhou");
        when(ruleset.version()).thenReturn("0123456789abcdef");
        when(ruleset.clauseOf(anyString())).thenReturn(Optional.of(new RuleClause("附件7", "摘录", null, null)));
    }

    private ResultActions send(String url, Object body) throws Exception {
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(body.toString()));
    }

    @Nested
    class Satisfaction {

        private static final String URL = "/api/v1/surveys/satisfaction";

        private static ObjectNode forms() {
            return (ObjectNode) SpecExamples.named("SatisfactionRequestFourForms");
        }

        @Test
        void answeredFormsAreCountedAgainstTheRulesetsDefinitionOfSatisfied() throws Exception {
            when(rulesets.take("wenzhou")).thenReturn(ruleset);
            // Which answers count as satisfied is the ruleset's; here it is whatever the mock says.
            when(satisfaction.of(same(ruleset)))
                    .thenReturn(new SatisfactionService.Definition(
                            ruleset,
                            new SatisfiedAnswers(Set.of(SatisfactionAnswer.VERY_SATISFIED, SatisfactionAnswer.NEUTRAL)),
                            "SURVEY-TEST"));

            send(URL, forms())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.responses").value(4))
                    .andExpect(jsonPath("$.rulesetVersion").value("0123456789abcdef"))
                    .andExpect(jsonPath("$.satisfactionRate.answered").value(3))
                    .andExpect(jsonPath("$.satisfactionRate.satisfied").value(2))
                    .andExpect(jsonPath("$.satisfactionRate.satisfiedAnswers", contains("VERY_SATISFIED", "NEUTRAL")))
                    .andExpect(jsonPath("$.comments", contains("希望增加停车位")))
                    // Names and phones are read from the form but never answered.
                    .andExpect(content().string(not(containsString("13900000002"))))
                    .andExpect(content().string(not(containsString("李四"))));
            verify(satisfaction).of(same(ruleset));
        }

        @Test
        void aFormSendingNullForTheAspectsIsCountedAsOneLeavingThemOut() throws Exception {
            when(rulesets.take("wenzhou")).thenReturn(ruleset);
            when(satisfaction.of(same(ruleset)))
                    .thenReturn(new SatisfactionService.Definition(
                            ruleset, new SatisfiedAnswers(Set.of(SatisfactionAnswer.VERY_SATISFIED)), "SURVEY-TEST"));
            ObjectNode leftOut = forms();
            ((ObjectNode) leftOut.get("responses").get(0)).remove("renovatedAspects");
            ObjectNode sentNull = forms();
            ((ObjectNode) sentNull.get("responses").get(0)).putNull("renovatedAspects");

            String expected = send(URL, leftOut)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            send(URL, sentNull).andExpect(status().isOk()).andExpect(content().json(expected, true));
        }

        @Test
        void theJurisdictionAskedForChoosesTheRuleset() throws Exception {
            when(rulesets.take("yueqing")).thenReturn(ruleset);
            when(satisfaction.of(same(ruleset)))
                    .thenReturn(new SatisfactionService.Definition(
                            ruleset, new SatisfiedAnswers(Set.of(SatisfactionAnswer.VERY_SATISFIED)), "SURVEY-TEST"));

            send(URL + "?jurisdiction=yueqing", forms()).andExpect(status().isOk());

            verify(satisfaction).of(same(ruleset));
        }

        @Test
        void noFormsAreNamed() throws Exception {
            invalidFieldExactly(send(URL, "{\"responses\": []}"), "responses");
            verifyNoInteractions(rulesets, satisfaction);
        }

        @Test
        void anAnswerOutsideTheQuestionsChoicesIsNamedByItsForm() throws Exception {
            ObjectNode body = forms();
            ((ObjectNode) body.get("responses").get(1)).put("satisfaction", "ECSTATIC");

            invalidFieldExactly(send(URL, body), "responses[1].satisfaction");
            verifyNoInteractions(rulesets, satisfaction);
        }

        @Test
        void anUnknownJurisdictionIsTheDocumentedProblem() throws Exception {
            when(rulesets.take("atlantis")).thenThrow(new UnknownJurisdictionException("atlantis"));

            unknownJurisdiction(send(URL + "?jurisdiction=atlantis", forms()), "atlantis")
                    .andExpect(jsonPath("$.instance").value(URL));
            verifyNoInteractions(satisfaction);
        }
    }

    @Nested
    class Consultation {

        private static final String URL = "/api/v1/surveys/consultation";

        private final CatalogueItem lift = item("T-LIFT", Category.BUILDING, Tier.IMPROVEMENT, "加装电梯");

        private static CatalogueItem item(String code, Category category, Tier tier, String name) {
            CatalogueItem item = new CatalogueItem(code, category);
            item.setTier(tier);
            item.setOfficialName(name);
            item.setAliases("");
            return item;
        }

        private static ObjectNode forms() {
            return (ObjectNode) SpecExamples.named("ConsultationRequestSmallBuilding");
        }

        private Catalogue knowingOnlyTheLift() {
            Catalogue known = mock(Catalogue.class);
            when(known.items()).thenReturn(List.of(lift));
            return known;
        }

        /** The catalogue knows only 加装电梯: every other spelling is unrecognised. */
        private void classifiedByTheMockCatalogue() {
            var view = new CatalogueService.CatalogueView(ruleset, knowingOnlyTheLift());
            when(catalogue.classify(same(ruleset), any())).thenAnswer(call -> {
                List<ItemName> names = call.getArgument(1);
                return new CatalogueService.Classified(
                        view,
                        names.stream()
                                .map(n -> n.getText().equals("加装电梯")
                                        ? new CatalogueService.NameResult(
                                                n, new Classification("CAT-T", n, "T-LIFT", false), Optional.of(lift))
                                        : new CatalogueService.NameResult(
                                                n,
                                                new Classification("CAT-T", n, null, false),
                                                Optional.<CatalogueItem>empty()))
                                .toList(),
                        List.of());
            });
        }

        @Test
        void theVoteAndTheItemsAreDecidedByOneRulesetTakenOnce() throws Exception {
            when(rulesets.take("wenzhou")).thenReturn(ruleset);
            when(tallies.tally(same(ruleset), any(), eq(""), eq("responses")))
                    .thenReturn(new ConsentTallyResponse().sufficient(false));
            classifiedByTheMockCatalogue();

            send(URL, forms())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.responses").value(5))
                    .andExpect(jsonPath("$.consent.sufficient").value(false))
                    .andExpect(jsonPath("$.ranking[0].code").value("T-LIFT"))
                    .andExpect(jsonPath("$.ranking[0].households").value(3))
                    .andExpect(jsonPath("$.ranking[0].rank").value(1))
                    .andExpect(content().string(not(containsString("张三"))))
                    .andExpect(content().string(not(containsString("13800000001"))));

            verify(rulesets, times(1)).take("wenzhou");
            ArgumentCaptor<ConsentTallyRequest> vote = ArgumentCaptor.forClass(ConsentTallyRequest.class);
            verify(tallies).tally(same(ruleset), vote.capture(), eq(""), eq("responses"));
            assertThat(vote.getValue().getTotalHouseholds()).isEqualTo(6);
            assertThat(vote.getValue().getRoster()).hasSize(5);
            assertThat(vote.getValue().getRoster().get(3).getRoomNumber()).isEqualTo("3-202");
            assertThat(vote.getValue().getRoster().get(3).getBallot()).isEqualTo(Ballot.SIGNED_BLANK);

            @SuppressWarnings("unchecked")
            ArgumentCaptor<List<ItemName>> names = ArgumentCaptor.forClass(List.class);
            verify(catalogue).classify(same(ruleset), names.capture());
            // Each spelling once, however many forms tick it.
            assertThat(names.getValue())
                    .extracting(ItemName::getText)
                    .doesNotHaveDuplicates()
                    .contains("加装电梯", "安装路灯");
            assertThat(names.getValue()).extracting(ItemName::getRole).containsOnly(ItemName.Role.REQUESTED);
        }

        @Test
        void aMissingVoteDateIsNamed() throws Exception {
            ObjectNode body = forms();
            body.remove("voteDate");

            invalidFieldExactly(send(URL, body), "voteDate");
            verifyNoInteractions(rulesets, tallies, catalogue);
        }

        @Test
        void aConsentOutsideItsChoicesIsNamedByItsForm() throws Exception {
            ObjectNode body = forms();
            ((ObjectNode) body.get("responses").get(2)).put("consent", "MAYBE");

            invalidFieldExactly(send(URL, body), "responses[2].consent");
            verifyNoInteractions(rulesets, tallies, catalogue);
        }

        @Test
        void aFormWithoutItsAreaIsNamed() throws Exception {
            ObjectNode body = forms();
            ((ObjectNode) body.get("responses").get(0)).remove("exclusiveArea");

            invalidFieldExactly(send(URL, body), "responses[0].exclusiveArea");
            verifyNoInteractions(rulesets, tallies, catalogue);
        }

        @Test
        void aNullTickedItemIsNamedByItsIndex() throws Exception {
            ObjectNode body = forms();
            ((ArrayNode) body.get("responses").get(1).get("tickedItems")).addNull();

            invalidFieldExactly(send(URL, body), "responses[1].tickedItems[2]");
            verifyNoInteractions(rulesets, tallies, catalogue);
        }

        @Test
        void anUnknownJurisdictionIsTheDocumentedProblem() throws Exception {
            when(rulesets.take("atlantis")).thenThrow(new UnknownJurisdictionException("atlantis"));

            unknownJurisdiction(send(URL + "?jurisdiction=atlantis", forms()), "atlantis")
                    .andExpect(jsonPath("$.instance").value(URL));
            verifyNoInteractions(tallies, catalogue);
        }
    }

    @Test
    void compilesNoRules(@Autowired ApplicationContext context) {
        SliceContexts.assertNoRulesEngine(context);
    }
}
