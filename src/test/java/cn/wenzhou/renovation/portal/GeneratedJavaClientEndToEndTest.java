package cn.wenzhou.renovation.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.wenzhou.renovation.client.ApiClient;
import cn.wenzhou.renovation.client.ApiException;
import cn.wenzhou.renovation.client.ApiResponse;
import cn.wenzhou.renovation.client.api.ApprovalsApi;
import cn.wenzhou.renovation.client.api.AssessmentBatchApi;
import cn.wenzhou.renovation.client.api.AssessmentsApi;
import cn.wenzhou.renovation.client.api.CalendarAdminApi;
import cn.wenzhou.renovation.client.api.CalendarApi;
import cn.wenzhou.renovation.client.api.CatalogueApi;
import cn.wenzhou.renovation.client.api.ConsentApi;
import cn.wenzhou.renovation.client.api.EligibilityApi;
import cn.wenzhou.renovation.client.api.FundingApi;
import cn.wenzhou.renovation.client.api.JurisdictionsApi;
import cn.wenzhou.renovation.client.api.ProcedureApi;
import cn.wenzhou.renovation.client.api.ReceiptsApi;
import cn.wenzhou.renovation.client.api.RulesetAdminApi;
import cn.wenzhou.renovation.client.api.RulesetReviewApi;
import cn.wenzhou.renovation.client.api.SurveysApi;
import cn.wenzhou.renovation.client.model.ApprovalPlanRequest;
import cn.wenzhou.renovation.client.model.ApprovalPlanResponse;
import cn.wenzhou.renovation.client.model.ApprovalStepResult;
import cn.wenzhou.renovation.client.model.AssessmentBatchRequest;
import cn.wenzhou.renovation.client.model.AssessmentBatchResponse;
import cn.wenzhou.renovation.client.model.AssessmentRequest;
import cn.wenzhou.renovation.client.model.AssessmentResponse;
import cn.wenzhou.renovation.client.model.CalendarListing;
import cn.wenzhou.renovation.client.model.CalendarNoticeReport;
import cn.wenzhou.renovation.client.model.CatalogueResponse;
import cn.wenzhou.renovation.client.model.CategoryTierCount;
import cn.wenzhou.renovation.client.model.ClassifyRequest;
import cn.wenzhou.renovation.client.model.ClassifyResponse;
import cn.wenzhou.renovation.client.model.ClassifyResult;
import cn.wenzhou.renovation.client.model.ConsentCounts;
import cn.wenzhou.renovation.client.model.ConsentNoticeRequest;
import cn.wenzhou.renovation.client.model.ConsentTallyRequest;
import cn.wenzhou.renovation.client.model.ConsentTallyResponse;
import cn.wenzhou.renovation.client.model.ConsultationSurveyRequest;
import cn.wenzhou.renovation.client.model.ConsultationSurveyResponse;
import cn.wenzhou.renovation.client.model.DecisionReceipt;
import cn.wenzhou.renovation.client.model.Deficiencies;
import cn.wenzhou.renovation.client.model.EligibilityDecision;
import cn.wenzhou.renovation.client.model.EligibilityRequest;
import cn.wenzhou.renovation.client.model.EligibilityResponse;
import cn.wenzhou.renovation.client.model.FundsReadinessDecision;
import cn.wenzhou.renovation.client.model.FundsReadinessRequest;
import cn.wenzhou.renovation.client.model.FundsReadinessResponse;
import cn.wenzhou.renovation.client.model.HousingKind;
import cn.wenzhou.renovation.client.model.InventoryInfo;
import cn.wenzhou.renovation.client.model.JurisdictionDiff;
import cn.wenzhou.renovation.client.model.JurisdictionInfo;
import cn.wenzhou.renovation.client.model.JurisdictionListing;
import cn.wenzhou.renovation.client.model.PlanCheckRequest;
import cn.wenzhou.renovation.client.model.PlanCheckResponse;
import cn.wenzhou.renovation.client.model.ProcedureStatusRequest;
import cn.wenzhou.renovation.client.model.ProcedureStatusResponse;
import cn.wenzhou.renovation.client.model.ReceiptReplay;
import cn.wenzhou.renovation.client.model.RulesetReport;
import cn.wenzhou.renovation.client.model.RulesetReturn;
import cn.wenzhou.renovation.client.model.RulesetReviewDecision;
import cn.wenzhou.renovation.client.model.RulesetSubmissionInfo;
import cn.wenzhou.renovation.client.model.RulesetSubmissionReview;
import cn.wenzhou.renovation.client.model.RulesetTableInfo;
import cn.wenzhou.renovation.client.model.RulesetVersionListing;
import cn.wenzhou.renovation.client.model.SatisfactionSurveyRequest;
import cn.wenzhou.renovation.client.model.SatisfactionSurveyResponse;
import cn.wenzhou.renovation.client.model.StepTreatment;
import cn.wenzhou.renovation.client.model.TablePreview;
import cn.wenzhou.renovation.client.model.TablePreviewCell;
import cn.wenzhou.renovation.client.model.TablePreviewRow;
import cn.wenzhou.renovation.client.model.VoteRound;
import cn.wenzhou.renovation.client.model.WorkingDaysRequest;
import cn.wenzhou.renovation.client.model.WorkingDaysResponse;
import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.SpecExamples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A portal's view: the Java client generated from the spec by {@code mvn verify} calls every operation of
 * the service, started on a random port, and reads typed answers. Requests are built as a portal team
 * would, with the client's builders, or taken from the spec's own examples through the client's mapper.
 */
@DeployedService
class GeneratedJavaClientEndToEndTest {

    private static final String PUBLISHER = DeployedService.PUBLISHER;
    private static final String PASSWORD = DeployedService.PASSWORD;
    private static final LocalDate EVALUATION_DATE = LocalDate.of(2026, 3, 1);

    @LocalServerPort
    private int port;

    private ApiClient portal;
    private ApiClient staff;

    /** Every request the clients sent, as "METHOD /path", to show at the end that each operation was called. */
    private static final Set<String> SENT = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void clients() {
        portal = new ApiClient();
        portal.updateBaseUri("http://localhost:" + port);
        portal.setResponseInterceptor(GeneratedJavaClientEndToEndTest::record);
        staff = signedInAs(PUBLISHER);
    }

    /** A client signed in as that member of staff (all share the test password). */
    private ApiClient signedInAs(String user) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + basic));
        client.setResponseInterceptor(GeneratedJavaClientEndToEndTest::record);
        return client;
    }

    private static void record(HttpResponse<InputStream> response) {
        SENT.add(response.request().method() + " " + response.request().uri().getPath());
    }

    /** Runs after every nested class: an operation added to the spec fails here until this test calls it. */
    @AfterAll
    static void everyOperationOfTheSpecWasCalled() throws IOException {
        JsonNode paths = new ObjectMapper(new YAMLFactory())
                .readTree(new File("openapi/renovation-api.yaml"))
                .path("paths");
        List<String> notCalled = new ArrayList<>();
        paths.fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    Pattern template = Pattern.compile(method.toUpperCase(Locale.ROOT) + " "
                            + path.getKey().replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\."));
                    if (SENT.stream().noneMatch(sent -> template.matcher(sent).matches())) {
                        notCalled.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        assertThat(notCalled).as("operations the generated client never called").isEmpty();
    }

    /** A spec example read into the client's model, as a portal would deserialize its own stored request. */
    private <T> T example(String name, Class<T> type) throws IOException {
        ObjectMapper clientMapper = portal.getObjectMapper();
        return clientMapper.treeToValue(SpecExamples.named(name), type);
    }

    private static EligibilityRequest builtIn(int year) {
        return new EligibilityRequest()
                .communityName("鹿城区五马街道墨池小区")
                .completionYear(year)
                .housingKind(HousingKind.ORDINARY_RESIDENTIAL_COMMUNITY)
                .listedInShantyRenovationPlan(false)
                .deficiencies(new Deficiencies()
                        .functionsIncomplete(true)
                        .facilitiesIncomplete(true)
                        .propertyManagementInadequate(false))
                .strongRenovationWillingness(true)
                .evaluationDate(EVALUATION_DATE);
    }

    @Nested
    class Decisions {

        @Test
        void twoDeficienciesMakeA2000CommunityAPriorityButNotA2001One() throws ApiException {
            EligibilityApi eligibility = new EligibilityApi(portal);

            EligibilityResponse built2000 = eligibility.decideEligibility(builtIn(2000), null);
            EligibilityResponse built2001 = eligibility.decideEligibility(builtIn(2001), "wenzhou");

            // "2000年前建成" includes 2000; after it, all three deficiencies are required.
            assertThat(built2000.getDecision()).isEqualTo(EligibilityDecision.PRIORITY_RENOVATION);
            assertThat(built2000.getReasons())
                    .allSatisfy(
                            reason -> assertThat(reason.getClause().getQuote()).isNotBlank());
            assertThat(built2001.getDecision()).isEqualTo(EligibilityDecision.NOT_ELIGIBLE);
            assertThat(built2001.getWhyNot()).isNotEmpty();
            assertThat(built2001.getJurisdiction()).isEqualTo("wenzhou");
        }

        @Test
        void exactlyTwoThirdsOfAreaAndHouseholdsIsConsentBeforeTheCivilCode() throws ApiException {
            ConsentTallyRequest vote = new ConsentTallyRequest()
                    .communityName("鹿城区翠微小区")
                    .round(VoteRound.FIRST_CONSENT)
                    .voteDate(LocalDate.of(2020, 10, 15))
                    .totalExclusiveArea(new BigDecimal("300.00"))
                    .totalHouseholds(3)
                    .counts(new ConsentCounts()
                            .agreeingHouseholds(2)
                            .agreeingArea(new BigDecimal("200.00"))
                            .disagreeingHouseholds(1)
                            .disagreeingArea(new BigDecimal("100.00"))
                            .blankHouseholds(0)
                            .blankArea(BigDecimal.ZERO));

            ConsentTallyResponse tally = new ConsentApi(portal).tallyConsent(vote, null);

            assertThat(tally.getSufficient()).isTrue();
            assertThat(tally.getCriteria())
                    .isNotEmpty()
                    .allSatisfy(criterion -> assertThat(criterion.getPassed()).isTrue());
        }

        @Test
        void fundsExactlyNinetyPercentInPlaceAreReadyAndOneCentLessIsNot() throws ApiException {
            FundingApi funding = new FundingApi(portal);
            FundsReadinessRequest ninetyPercent = new FundsReadinessRequest()
                    .projectName("鹿城区翠微小区改造项目")
                    .targetAmount(new BigDecimal("1000000.00"))
                    .amountInPlace(new BigDecimal("900000.00"))
                    .remainderCommitted(true);

            FundsReadinessResponse ready = funding.assessFundingReadiness(ninetyPercent, null);
            FundsReadinessResponse oneCentShort =
                    funding.assessFundingReadiness(ninetyPercent.amountInPlace(new BigDecimal("899999.99")), null);

            assertThat(ready.getDecision()).isEqualTo(FundsReadinessDecision.READY);
            assertThat(oneCentShort.getDecision()).isEqualTo(FundsReadinessDecision.NOT_READY);
            assertThat(oneCentShort.getWhyNot()).isNotEmpty();
        }

        @Test
        void aSmallGovernmentInvestedProjectHasApprovalStepsMergedOrWaived() throws Exception {
            ApprovalPlanRequest project = example("ApprovalRequestExactlyTenMillion", ApprovalPlanRequest.class);
            assertThat(project.getTotalInvestment()).isEqualByComparingTo("10000000");

            ApprovalPlanResponse plan = new ApprovalsApi(portal).planApprovals(project, null);

            assertThat(plan.getOptimizedScope()).isTrue();
            assertThat(plan.getSteps())
                    .extracting(ApprovalStepResult::getTreatment)
                    .contains(StepTreatment.MERGED);
        }

        @Test
        void theProcedureNamesTheCurrentStepAndWhatIsMissing() throws Exception {
            ProcedureStatusResponse status = new ProcedureApi(portal)
                    .assessProcedureStatus(
                            example("ProcedureRequestApplicationWithoutManagementPlan", ProcedureStatusRequest.class),
                            null);

            assertThat(status.getAllStepsComplete()).isFalse();
            assertThat(status.getCurrentStep().getNumber()).isEqualTo(5);
            assertThat(status.getMissingDocuments()).isNotEmpty();
        }

        @Test
        void workingDaysSkipTheNationalDayHolidayAndCountTheMakeUpWorkday() throws Exception {
            WorkingDaysResponse days = new CalendarApi(portal)
                    .computeWorkingDays(example("WorkingDaysRequestNationalDay", WorkingDaysRequest.class), null);

            // 2025-09-26 .. 2025-10-12: 17 days; 1–8 October off, 28 September and 11 October worked.
            assertThat(days.getRange().getCalendarDays()).isEqualTo(17);
            assertThat(days.getRange().getWorkingDays()).isEqualTo(7);
        }

        @Test
        void oneAssessmentAnswersEveryPartOfAProject() throws Exception {
            AssessmentResponse assessment = new AssessmentsApi(portal)
                    .assessProject(example("AssessmentRequestWholeProject", AssessmentRequest.class), null);

            assertThat(assessment.getEligibility().getDecision()).isNotNull();
            assertThat(assessment.getConsent().getSufficient()).isNotNull();
            assertThat(assessment.getFunding().getDecision()).isNotNull();
            assertThat(assessment.getApprovals().getSteps()).isNotEmpty();
            assertThat(assessment.getProcedure().getCurrentStep()).isNotNull();
        }

        @Test
        void aBatchAnswersEachItemInOrder() throws Exception {
            AssessmentBatchRequest batch =
                    example("AssessmentBatchRequestTwoCommunities", AssessmentBatchRequest.class);

            AssessmentBatchResponse results = new AssessmentBatchApi(portal).assessBatch(batch, null);

            assertThat(results.getItemCount()).isEqualTo(batch.getItems().size());
            assertThat(results.getResults()).hasSize(batch.getItems().size());
        }
    }

    @Nested
    class CatalogueAndSurveys {

        @Test
        void theCatalogueHasSixCategoriesInThreeTiers() throws ApiException {
            CatalogueResponse catalogue = new CatalogueApi(portal).listCatalogue(null, null, null);

            assertThat(catalogue.getItems()).hasSize(catalogue.getTotal());
            assertThat(catalogue.getCounts())
                    .extracting(CategoryTierCount::getCategory)
                    .doesNotContainNull()
                    .hasSizeGreaterThanOrEqualTo(6);
            assertThat(catalogue.getCounts().stream()
                            .map(CategoryTierCount::getCategory)
                            .distinct())
                    .hasSize(6);
            assertThat(catalogue.getCounts().stream()
                            .map(CategoryTierCount::getTier)
                            .distinct())
                    .hasSize(3);
        }

        @Test
        void itemsAsResidentsWriteThemAreMatchedToTheCatalogue() throws Exception {
            ClassifyResponse classified = new CatalogueApi(portal)
                    .classifyItems(example("ClassifyRequestAsWritten", ClassifyRequest.class), null);

            assertThat(classified.getResults())
                    .extracting(ClassifyResult::getMatched)
                    .contains(true);
        }

        @Test
        void aPlanWithEnhancementsBeforeBasicsIsWarned() throws Exception {
            PlanCheckResponse check = new CatalogueApi(portal)
                    .checkPlan(example("PlanCheckRequestEnhancementBeforeBasics", PlanCheckRequest.class), null);

            assertThat(check.getWarnings()).isNotEmpty();
        }

        @Test
        void questionnairesAreAggregated() throws Exception {
            SurveysApi surveys = new SurveysApi(portal);
            ConsultationSurveyRequest consultation =
                    example("ConsultationRequestSmallBuilding", ConsultationSurveyRequest.class);
            SatisfactionSurveyRequest satisfaction =
                    example("SatisfactionRequestFourForms", SatisfactionSurveyRequest.class);

            ConsultationSurveyResponse demand = surveys.aggregateConsultation(consultation, null);
            SatisfactionSurveyResponse rating = surveys.aggregateSatisfaction(satisfaction, null);

            assertThat(demand.getResponses())
                    .isEqualTo(consultation.getResponses().size());
            assertThat(demand.getRanking()).isNotEmpty();
            assertThat(rating.getResponses())
                    .isEqualTo(satisfaction.getResponses().size());
            assertThat(rating.getSatisfactionRate()).isNotNull();
        }
    }

    @Nested
    class Documents {

        @Test
        void thePublicityNoticeIsAWordDocumentNamingTheCommunity() throws Exception {
            ConsentNoticeRequest request = example("ConsentNoticeRequestPassedRosterVote", ConsentNoticeRequest.class);

            File notice = new ConsentApi(portal).renderConsentNotice(request, null);

            try (InputStream in = Files.newInputStream(notice.toPath());
                    XWPFWordExtractor text = new XWPFWordExtractor(new XWPFDocument(in))) {
                assertThat(text.getText()).contains(request.getTally().getCommunityName());
            }
        }

        @Test
        void theTemplateComesBackAssessed() throws Exception {
            AssessmentBatchApi batch = new AssessmentBatchApi(portal);

            File template = batch.downloadInventoryTemplate();
            File assessed = batch.assessWorkbook(template, null);

            try (InputStream blank = Files.newInputStream(template.toPath());
                    InputStream filled = Files.newInputStream(assessed.toPath());
                    Workbook before = WorkbookFactory.create(blank);
                    Workbook after = WorkbookFactory.create(filled)) {
                // The result holds only what the service wrote: the inventory sheet, assessed.
                assertThat(after.getSheetName(0)).isEqualTo(before.getSheetName(0));
                assertThat(after.getSheetAt(0).getRow(0).getLastCellNum())
                        .isGreaterThan(before.getSheetAt(0).getRow(0).getLastCellNum());
            }
        }
    }

    @Nested
    class JurisdictionsAndReceipts {

        @Test
        void everyCountyVariantCanBeComparedWithTheBase() throws ApiException {
            JurisdictionsApi jurisdictions = new JurisdictionsApi(portal);

            JurisdictionListing listing = jurisdictions.listJurisdictions();
            JurisdictionInfo county = listing.getJurisdictions().stream()
                    .filter(j -> "wenzhou".equals(j.getParent()))
                    .findFirst()
                    .orElseThrow();
            JurisdictionDiff diff = jurisdictions.diffJurisdiction(county.getCode());

            assertThat(listing.getJurisdictions().get(0).getCode()).isEqualTo("wenzhou");
            assertThat(diff.getBase()).isEqualTo("wenzhou");
            assertThat(diff.getSummary()).isNotEmpty();
        }

        @Test
        void aReceiptIsKeptAndReplaysUnchangedUnderTheDeployedVersion() throws ApiException {
            ApiResponse<EligibilityResponse> decided = new EligibilityApi(portal)
                    .decideEligibilityWithHttpInfo(builtIn(1995), null, Map.of("Decision-Receipt", "true"));
            UUID id =
                    UUID.fromString(decided.getHeaders().get("decision-receipt").get(0));

            DecisionReceipt receipt = new ReceiptsApi(portal).getReceipt(id);
            ReceiptReplay replay = new ReceiptsApi(staff).replayReceipt(id, 1);

            assertThat(receipt.getEndpoint()).contains("eligibility");
            assertThat(receipt.getRulesetVersion()).isEqualTo(decided.getData().getRulesetVersion());
            assertThat(replay.getChanged()).isFalse();
        }
    }

    /** Activates and rolls back: the classes after it start from the deployed rules and a fresh version list. */
    @Nested
    @DirtiesContext
    class RulesAdministration {

        @Test
        void aPublisherValidatesActivatesListsAndRollsBack(@TempDir Path folder) throws Exception {
            RulesetAdminApi admin = new RulesetAdminApi(staff);
            assertThat(admin.describeStaffSession().getMayActivate()).isTrue();
            RulesetTableInfo funding = admin.listRulesetTables("wenzhou").getTables().stream()
                    .filter(t -> t.getCapability().equals("funding"))
                    .filter(t -> t.getFileName().equals(RuleFolderCopy.FUNDING_TABLE_NAME))
                    .findFirst()
                    .orElseThrow();
            File downloaded =
                    admin.downloadRulesetTable("wenzhou", funding.getCapability(), funding.getFileName(), null);
            // Uploaded under the table's own name, the copy replaces it.
            Path fundingTable = Files.copy(downloaded.toPath(), folder.resolve(funding.getFileName()));

            RulesetReport savedAgain = admin.validateRuleset("wenzhou", List.of(fundingTable.toFile()));
            TablePreview preview = admin.previewRulesetTable("wenzhou", fundingTable.toFile());
            assertThat(Files.readAllBytes(fundingTable)).isEqualTo(Files.readAllBytes(Path.of(funding.getFile())));
            RuleFolderCopy.editCell(
                    fundingTable,
                    RuleFolderCopy.MINIMUM_ARRIVAL_RATE_ROW,
                    "解释",
                    cell -> cell.setCellValue("门户客户端端到端测试补写的解释"));
            RulesetReport validated = admin.validateRuleset("wenzhou", List.of(fundingTable.toFile()));
            RulesetReport activated =
                    admin.activateRuleset("wenzhou", List.of(fundingTable.toFile()), "门户客户端端到端测试：补写资金表的解释", false);
            RulesetReport activatedAgain =
                    admin.activateRuleset("wenzhou", List.of(fundingTable.toFile()), "门户客户端端到端测试：再次上传", false);
            RulesetVersionListing versions = admin.listRulesetVersions("wenzhou");
            RulesetReport rolledBack = admin.rollbackRuleset("wenzhou", 1);

            assertThat(savedAgain.getUnchanged()).isTrue();
            assertThat(preview.getSheets())
                    .singleElement()
                    .satisfies(sheet -> assertThat(sheet.getRows())
                            .flatExtracting(TablePreviewRow::getCells)
                            .extracting(TablePreviewCell::getText)
                            .contains(RuleFolderCopy.MINIMUM_ARRIVAL_RATE_ROW));
            assertThat(validated.getValid()).as("%s", validated.getFindings()).isTrue();
            assertThat(validated.getUnchanged()).isFalse();
            assertThat(validated.getReplacedFiles()).containsExactly(funding.getFile());
            assertThat(validated.getActivated()).isFalse();
            assertThat(activated.getActivated()).isTrue();
            assertThat(activated.getVersion().getComment())
                    .as("a multipart text field in Chinese arrives as written")
                    .isEqualTo("门户客户端端到端测试：补写资金表的解释");
            assertThat(activatedAgain.getActivated()).isFalse();
            assertThat(activatedAgain.getUnchanged()).isTrue();
            assertThat(versions.getActiveVersion())
                    .isEqualTo(activated.getVersion().getNumber());
            assertThat(versions.getVersions()).hasSize(activated.getVersion().getNumber());
            assertThat(rolledBack.getActivated()).isTrue();
            assertThat(admin.listRulesetVersions("wenzhou").getActiveVersion()).isEqualTo(1);
        }

        @Test
        void anEditorSubmitsEditsAPublisherApprovesOneAndReturnsTheOther(@TempDir Path folder) throws Exception {
            RulesetReviewApi asEditor = new RulesetReviewApi(signedInAs(DeployedService.EDITOR));
            RulesetReviewApi asPublisher = new RulesetReviewApi(staff);
            Path fundingTable = Files.copy(
                    Path.of(RuleFolderCopy.FUNDING_TABLE),
                    folder.resolve(Path.of(RuleFolderCopy.FUNDING_TABLE).getFileName()));
            RuleFolderCopy.editCell(
                    fundingTable,
                    RuleFolderCopy.MINIMUM_ARRIVAL_RATE_ROW,
                    "解释",
                    cell -> cell.setCellValue("门户客户端端到端测试：提交审核的解释"));

            RulesetSubmissionReview submitted =
                    asEditor.submitRulesetEdit("wenzhou", List.of(fundingTable.toFile()), "补写解释");
            int number = submitted.getSubmission().getNumber();
            RulesetSubmissionReview underReview = asPublisher.reviewRulesetSubmission("wenzhou", number);
            RulesetSubmissionReview approved =
                    asPublisher.approveRulesetSubmission("wenzhou", number, new RulesetReviewDecision().comment("同意"));
            File changeRecord = asPublisher.downloadChangeRecord("wenzhou", number);
            RulesetAdminApi admin = new RulesetAdminApi(staff);
            File template = new AssessmentBatchApi(portal).downloadInventoryTemplate();
            InventoryInfo kept = admin.keepInventory("wenzhou", template);
            InventoryInfo described = admin.describeInventory("wenzhou");
            RuleFolderCopy.editCell(
                    fundingTable,
                    RuleFolderCopy.MINIMUM_ARRIVAL_RATE_ROW,
                    "解释",
                    cell -> cell.setCellValue("门户客户端端到端测试：将被退回的解释"));
            int second = asEditor.submitRulesetEdit("wenzhou", List.of(fundingTable.toFile()), "再改一次")
                    .getSubmission()
                    .getNumber();
            RulesetSubmissionReview returned =
                    asPublisher.returnRulesetSubmission("wenzhou", second, new RulesetReturn().comment("不必再改"));
            List<RulesetSubmissionInfo> listed =
                    asEditor.listRulesetSubmissions("wenzhou").getSubmissions();
            new RulesetAdminApi(staff).rollbackRuleset("wenzhou", 1);

            assertThat(submitted.getSubmission().getStatus()).isEqualTo(RulesetSubmissionInfo.StatusEnum.PENDING);
            assertThat(submitted.getSubmission().getSubmittedBy()).isEqualTo(DeployedService.EDITOR);
            assertThat(underReview.getReport().getChanges().getTables()).hasSize(1);
            assertThat(approved.getSubmission().getStatus()).isEqualTo(RulesetSubmissionInfo.StatusEnum.APPROVED);
            assertThat(approved.getReport().getActivated()).isTrue();
            assertThat(approved.getReport().getVersion().getActivatedBy()).isEqualTo(PUBLISHER);
            assertThat(approved.getReport().getVersion().getComment()).contains("补写解释", DeployedService.EDITOR);
            assertThat(returned.getSubmission().getStatus()).isEqualTo(RulesetSubmissionInfo.StatusEnum.RETURNED);
            assertThat(returned.getSubmission().getDecisionComment()).isEqualTo("不必再改");
            assertThat(listed).extracting(RulesetSubmissionInfo::getNumber).contains(number, second);
            assertThat(Files.readAllBytes(changeRecord.toPath())).startsWith('P', 'K', 3, 4);
            assertThat(kept.getCommunities())
                    .as("the empty template holds no community")
                    .isZero();
            assertThat(described.getKeptBy()).isEqualTo(PUBLISHER);
        }

        @Test
        void aPublisherReloadsThisYearsHolidayNoticeFromItsDownloadedFormAndRollsBack() throws Exception {
            CalendarAdminApi calendar = new CalendarAdminApi(staff);
            CalendarListing before = calendar.listCalendarVersions();
            int lastYear = before.getCoveredYears().get(before.getCoveredYears().size() - 1);
            File form = new CalendarApi(portal).downloadHolidayNotice(lastYear + ".xlsx");

            CalendarNoticeReport checked = calendar.checkHolidayNotice(form);
            CalendarNoticeReport activated = calendar.activateHolidayNotice(form, "门户客户端端到端测试：原样重新载入本年放假安排");
            CalendarListing rolledBack = calendar.rollbackCalendar(before.getActiveVersion());

            assertThat(checked.getValid()).as("%s", checked.getFindings()).isTrue();
            assertThat(checked.getNoticeYears()).containsExactly(lastYear);
            assertThat(checked.getAdded()).isEmpty();
            assertThat(checked.getChanged()).isEmpty();
            assertThat(checked.getRemoved()).isEmpty();
            assertThat(activated.getVersion().getNumber()).isGreaterThan(before.getActiveVersion());
            assertThat(rolledBack.getActiveVersion()).isEqualTo(before.getActiveVersion());
        }
    }

    @Nested
    class AdditiveChanges {

        @Test
        void aNewFieldAndANewEnumValueInAnAnswerDoNotBreakTheClient() throws Exception {
            // An answer as a later v1 might give it: one more field, a decision this client does not know.
            ObjectNode answer = portal.getObjectMapper()
                    .valueToTree(new EligibilityApi(portal).decideEligibility(builtIn(1995), null));
            answer.put("decision", "PRIORITY_RENOVATION_NEXT_YEAR").put("fundingWindow", "2027");

            EligibilityResponse read = portal.getObjectMapper().treeToValue(answer, EligibilityResponse.class);

            assertThat(read.getDecision()).isEqualTo(EligibilityDecision.UNKNOWN_DEFAULT_OPEN_API);
            assertThat(read.getReasons()).isNotEmpty();
        }
    }

    @Nested
    class Problems {

        @Test
        void aCompletionYearAfterTheEvaluationDateIsAProblemNamingTheField() throws Exception {
            ApiException refused = catchThrowableOfType(
                    ApiException.class, () -> new EligibilityApi(portal).decideEligibility(builtIn(2027), null));

            JsonNode problem = new ObjectMapper().readTree(refused.getResponseBody());
            assertThat(refused.getCode()).isEqualTo(400);
            assertThat(problem.path("code").asText()).isEqualTo("INVALID_FIELD");
            assertThat(problem.path("errors").findValuesAsText("field")).contains("completionYear");
        }

        @Test
        void anUnknownReceiptAndAMissingLoginAreProblemsWithStableCodes() throws Exception {
            ApiException unknown = catchThrowableOfType(
                    ApiException.class, () -> new ReceiptsApi(portal).getReceipt(UUID.randomUUID()));
            ApiException anonymous = catchThrowableOfType(
                    ApiException.class, () -> new RulesetAdminApi(portal).listRulesetVersions("wenzhou"));

            assertThat(unknown.getCode()).isEqualTo(404);
            assertThat(new ObjectMapper()
                            .readTree(unknown.getResponseBody())
                            .path("code")
                            .asText())
                    .isEqualTo("UNKNOWN_RECEIPT");
            assertThat(anonymous.getCode()).isEqualTo(401);
            assertThat(new ObjectMapper()
                            .readTree(anonymous.getResponseBody())
                            .path("code")
                            .asText())
                    .isEqualTo("UNAUTHENTICATED");
        }
    }
}
