package cn.wenzhou.renovation.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import cn.wenzhou.renovation.calendar.OfficialCalendar;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompilationException;
import cn.wenzhou.renovation.testing.Calendars;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RepositoryRuleset;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guide §3 (建设程序), the ten steps, as the real rules, the real decision table (sheets 工作日期限 and
 * 各步骤所需材料) and the real State Council calendar answer it. No Spring.
 *
 * <p>Which blocker each step reports and the table's working-day periods are pinned once, in
 * {@code scenarios/wenzhou/procedure/*.scesim}; what holds whatever the table says is in
 * {@link ProcedureProperties}. What stays here: the document list checked against the guide's text, the years
 * whose holiday notice is not loaded (the scenarios run on whatever calendar is packaged), and edited copies of
 * the table.
 */
class ProcedureRulesTest {

    static final String TABLE = "decision-tables/procedure/working-day-periods.xlsx";
    static final String PERIODS_SHEET = "工作日期限";
    static final String PUBLICITY_ROW = "PROCEDURE-PARAM-PUBLICITY-MINIMUM";
    static final String REPLY_ROW = "PROCEDURE-PARAM-DEPARTMENT-REPLY";
    static final String DAYS_COLUMN = "工作日数";
    static final String START_COUNTED_COLUMN = "起算日计入（是/否）";

    static final String ANNEX_1 = "ANNEX_1_CONSULTATION_FORM";
    static final String PLANNING_SCHEME = "PLANNING_SCHEME";
    static final String DESIGN_SCHEME = "DESIGN_SCHEME";
    static final String ANNEX_2_SHEET = "ANNEX_2_SIGNATURE_SHEET";
    static final String ANNEX_2_SCHEDULE = "ANNEX_2_ROOM_SCHEDULE";
    static final String ANNEX_3 = "ANNEX_3_PUBLICITY_NOTICE";
    static final String ANNEX_4 = "ANNEX_4_APPLICATION_FORM";
    static final String ANNEX_5 = "ANNEX_5_RESIDENT_COMMITMENT";
    static final String ANNEX_6 = "ANNEX_6_LONG_TERM_MANAGEMENT_PLAN";
    static final String ANNEX_7 = "ANNEX_7_SATISFACTION_SURVEY";
    static final Set<String> ALL_DOCUMENTS = Set.of(
            ANNEX_1,
            PLANNING_SCHEME,
            DESIGN_SCHEME,
            ANNEX_2_SHEET,
            ANNEX_2_SCHEDULE,
            ANNEX_3,
            ANNEX_4,
            ANNEX_5,
            ANNEX_6,
            ANNEX_7);

    /** Posted Monday 2025-09-22, down after Monday 09-29: 6 working days (Sunday 09-28 is a make-up day). */
    static final PublicityPeriod LONG_ENOUGH = new PublicityPeriod(d("2025-09-22"), d("2025-09-29"));

    private static CompiledRuleset ruleset;
    private static OfficialCalendar calendar;

    @BeforeAll
    static void compileTheRepositoryRulesAndReadTheCalendar() throws IOException {
        ruleset = RepositoryRuleset.compile();
        // The notices through 2026: the tests of a year without its notice mean 2027, whatever is packaged later.
        calendar = Calendars.packagedThrough(2026);
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** A project that has done all ten steps with every document, evaluated on Monday 2026-03-02. */
    static ProjectProgress allTenStepsDone() {
        ProjectProgress progress = new ProjectProgress();
        progress.setEvaluationDate(d("2026-03-02"));
        progress.setIntentConsentReached(true);
        progress.setPlanningSchemeDrafted(true);
        progress.setSiteSurveyOn(d("2025-08-04"));
        progress.setDepartmentRepliesReceived(true);
        progress.setDesignVotePassed(true);
        progress.setPublicityObjections(false);
        progress.setStreetReviewPassed(true);
        progress.setFundsReady(true);
        progress.setProjectApproved(true);
        progress.setConstructionCompleted(true);
        progress.setCompletionAccepted(true);
        progress.setHandedOver(true);
        progress.setPostEvaluationDone(true);
        progress.setDocuments(ALL_DOCUMENTS);
        return progress;
    }

    /** Steps 1 to 4 done with their documents; nothing of step 5 onwards, evaluated on Monday 2025-10-20. */
    static ProjectProgress designConfirmed() {
        ProjectProgress progress = new ProjectProgress();
        progress.setEvaluationDate(d("2025-10-20"));
        progress.setIntentConsentReached(true);
        progress.setPlanningSchemeDrafted(true);
        progress.setSiteSurveyOn(d("2025-08-04"));
        progress.setDepartmentRepliesReceived(true);
        progress.setDesignVotePassed(true);
        progress.setDocuments(
                Set.of(ANNEX_1, PLANNING_SCHEME, DESIGN_SCHEME, ANNEX_2_SHEET, ANNEX_2_SCHEDULE, ANNEX_3));
        return progress;
    }

    static Set<String> without(Set<String> documents, String... removed) {
        Set<String> left = new HashSet<>(documents);
        List.of(removed).forEach(left::remove);
        return Set.copyOf(left);
    }

    static ProcedureStatus status(ProjectProgress progress) {
        return status(ruleset, progress, Optional.of(LONG_ENOUGH));
    }

    static ProcedureStatus status(ProjectProgress progress, PublicityPeriod publicity) {
        return status(ruleset, progress, Optional.of(publicity));
    }

    static ProcedureStatus status(
            CompiledRuleset rules, ProjectProgress progress, Optional<PublicityPeriod> publicity) {
        return ProcedureStatus.of(rules, calendar, progress, publicity);
    }

    static List<String> blockerIds(ProcedureStatus status) {
        return status.blockers().stream().map(StepBlocker::ruleId).toList();
    }

    static Set<Integer> steps(int firstInclusive, int lastInclusive) {
        Set<Integer> steps = new HashSet<>();
        IntStream.rangeClosed(firstInclusive, lastInclusive).forEach(steps::add);
        return steps;
    }

    /** The current step, the steps complete before it, and exactly these blockers. */
    static void assertStoppedAt(ProcedureStatus status, ProcedureStep step, String... blockers) {
        assertThat(status.currentStep()).contains(step);
        assertThat(status.completeSteps()).isEqualTo(steps(1, step.number() - 1));
        assertThat(blockerIds(status)).containsExactlyInAnyOrder(blockers);
        assertThat(status.blockers()).allSatisfy(b -> assertThat(b.step()).isEqualTo(step.number()));
    }

    // --- the table itself -----------------------------------------------------------------------------

    @Test
    void theTableListsTheDocumentsOfEachStepAsTheGuideNamesThem() {
        List<RequiredDocument> rows =
                ruleset.evaluate(ProcedureService.CAPABILITY, List.of()).all(RequiredDocument.class);

        assertThat(rows)
                .extracting(RequiredDocument::step, RequiredDocument::code, RequiredDocument::annex)
                .containsExactlyInAnyOrder(
                        tuple(1, ANNEX_1, 1),
                        tuple(2, PLANNING_SCHEME, 0),
                        tuple(4, DESIGN_SCHEME, 0),
                        tuple(4, ANNEX_2_SHEET, 2),
                        tuple(4, ANNEX_2_SCHEDULE, 2),
                        tuple(4, ANNEX_3, 3),
                        tuple(5, ANNEX_4, 4),
                        tuple(5, DESIGN_SCHEME, 0),
                        tuple(5, ANNEX_3, 3),
                        tuple(5, ANNEX_5, 5),
                        tuple(5, ANNEX_6, 6),
                        tuple(10, ANNEX_7, 7));
    }

    /** Whatever documents the table lists: each one missing alone stops the first step that needs it. */
    @Nested
    class Documents {

        @Test
        void eachDocumentMissingAloneStopsTheFirstStepThatNeedsItAndIsNamedWithItsAnnex() {
            Map<String, RequiredDocument> firstNeed = new TreeMap<>();
            ruleset.evaluate(ProcedureService.CAPABILITY, List.of()).all(RequiredDocument.class).stream()
                    .sorted(Comparator.comparingInt(RequiredDocument::step))
                    .forEach(document -> firstNeed.putIfAbsent(document.code(), document));
            assertThat(firstNeed.keySet()).as("the documents the table lists").isEqualTo(new TreeSet<>(ALL_DOCUMENTS));

            firstNeed.forEach((code, document) -> {
                ProjectProgress progress = allTenStepsDone();
                progress.setDocuments(without(ALL_DOCUMENTS, code));

                ProcedureStatus status = status(progress);

                assertStoppedAt(status, ProcedureStep.numbered(document.step()), "PROCEDURE-STEP-DOCUMENTS-INCOMPLETE");
                assertThat(status.missingDocuments())
                        .as(code)
                        .singleElement()
                        .satisfies(missing -> assertThat(missing.document()).isEqualTo(document));
                assertThat(status.blockers())
                        .singleElement()
                        .satisfies(b -> assertThat(b.message())
                                .isEqualTo("第" + document.step() + "步所需材料不齐，缺少《" + document.name() + "》"
                                        + (document.annex() == 0 ? "" : "（" + document.annexLabel() + "）")));
            });
        }
    }

    // --- §3.4 publicity in a year whose holiday notice is not loaded ------------------------------------

    @Nested
    class Publicity {

        @Test
        void aTooShortPublicityWhoseEarliestLastDayFallsIn2027IsStillTooShortWithoutGuessingThatDay() {
            // Posted Mon 2026-12-28, down Thu 12-31: 3 working days; the 5th would be in 2027.
            ProjectProgress progress = designConfirmed();
            progress.setEvaluationDate(d("2027-01-15"));
            ProcedureStatus status = status(progress, new PublicityPeriod(d("2026-12-28"), d("2026-12-31")));

            assertThat(status.publicity()).hasValueSatisfying(p -> {
                assertThat(p.longEnough()).isFalse();
                assertThat(p.countedWorkingDays()).isEqualTo(3);
                assertThat(p.earliestLastDay()).isNull();
                assertThat(p.message()).contains("2027 年放假通知").contains("尚未载入");
            });
            assertThat(status.uncountedPeriods()).isEmpty();
            assertStoppedAt(status, ProcedureStep.DESIGN_CONFIRMATION, "PROCEDURE-4-PUBLICITY-TOO-SHORT");
        }

        @Test
        void aPublicityEndingIn2027IsNotCountedAndSaysWhichDateAndYearItNeeds() {
            ProjectProgress progress = designConfirmed();
            progress.setEvaluationDate(d("2027-01-15"));
            ProcedureStatus status = status(progress, new PublicityPeriod(d("2026-12-28"), d("2027-01-08")));

            assertThat(status.publicity()).isEmpty();
            assertThat(status.uncountedPeriods()).singleElement().satisfies(uncounted -> {
                assertThat(uncounted.ruleId()).isEqualTo("PUBLICITY-NOT-COUNTABLE");
                assertThat(uncounted.needs()).isEqualTo(UncountedPeriod.ProjectDate.PUBLICITY_LAST_DAY);
                assertThat(uncounted.date()).isEqualTo(d("2027-01-08"));
                assertThat(uncounted.missingYear()).isEqualTo(2027);
            });
            // Step 4 waits for the count; the steps before it stand as they are.
            assertStoppedAt(status, ProcedureStep.DESIGN_CONFIRMATION, "PROCEDURE-4-PUBLICITY-NOT-COUNTABLE");
            assertThat(status.completeSteps()).containsExactlyInAnyOrder(1, 2, 3);
        }

        @Test
        void aPublicityPostedBeforeTheFirstCoveredYearNamesThePostingDay() {
            int before = calendar.coveredYears().first() - 1;
            ProcedureStatus status = status(
                    designConfirmed(),
                    new PublicityPeriod(LocalDate.of(before, 12, 20), LocalDate.of(before + 1, 1, 10)));

            assertThat(status.uncountedPeriods()).singleElement().satisfies(uncounted -> {
                assertThat(uncounted.needs()).isEqualTo(UncountedPeriod.ProjectDate.PUBLICITY_POSTED_ON);
                assertThat(uncounted.missingYear()).isEqualTo(before);
            });
        }
    }

    // --- §3.3 department replies in a year whose holiday notice is not loaded ---------------------------

    @Nested
    class DepartmentReplies {

        @Test
        void aDueDateThatWouldFallIn2027IsNotGuessedButTheRepliesStillBlockStep3() {
            // Wed 2026-12-30: Thu 12-31 (1); the 2nd working day would be in 2027.
            ProjectProgress progress = designConfirmed();
            progress.setSiteSurveyOn(d("2026-12-30"));
            progress.setDepartmentRepliesReceived(false);
            progress.setEvaluationDate(d("2027-01-15"));

            ProcedureStatus status = status(progress);

            assertStoppedAt(status, ProcedureStep.SITE_SURVEY, "PROCEDURE-3-REPLIES-OUTSTANDING");
            assertThat(status.blockers().get(0).message()).doesNotContain("逾期").contains("2027 年放假通知");
            assertThat(status.uncountedPeriods()).singleElement().satisfies(uncounted -> {
                assertThat(uncounted.ruleId()).isEqualTo("PROCEDURE-3-REPLY-DEADLINE-NOT-COUNTABLE");
                assertThat(uncounted.needs()).isEqualTo(UncountedPeriod.ProjectDate.SITE_SURVEY_ON);
                assertThat(uncounted.date()).isEqualTo(d("2026-12-30"));
                assertThat(uncounted.missingYear()).isEqualTo(2027);
            });
            assertThat(status.publicity())
                    .hasValueSatisfying(p -> assertThat(p.longEnough()).isTrue());
        }

        @Test
        void anEvaluationDateIn2027NeedsNoCountOfItsOwn() {
            ProjectProgress progress = designConfirmed();
            progress.setEvaluationDate(d("2027-01-15"));

            ProcedureStatus status = status(progress);

            assertThat(status.uncountedPeriods()).isEmpty();
            assertThat(status.completeSteps()).contains(4);
        }

        @Test
        void aSurveyOn30December2026WithRepliesReceivedNeedsNoDueDate() {
            ProjectProgress progress = designConfirmed();
            progress.setSiteSurveyOn(d("2026-12-30"));
            progress.setEvaluationDate(d("2026-12-31"));

            assertThat(status(progress).completeSteps()).contains(3);
        }
    }

    // --- an edited copy of the table -------------------------------------------------------------------

    @Nested
    @CompilesEditedRules
    class EditedWorkingDayTable {

        @TempDir
        Path root;

        @BeforeEach
        void copyRepositoryRules() throws IOException {
            RuleFolderCopy.copyRepositoryRules(root);
        }

        private CompiledRuleset edited(String row, String column, String value) throws IOException {
            RuleFolderCopy.editCell(root.resolve(TABLE), PERIODS_SHEET, row, column, cell -> cell.setCellValue(value));
            return RepositoryRuleset.compile(root.resolve("rules"), root.resolve("decision-tables"));
        }

        @Test
        void countingThePostingDayMakesMondayToFridayFiveWorkingDays() throws IOException {
            CompiledRuleset countsPostingDay = edited(PUBLICITY_ROW, START_COUNTED_COLUMN, "是");
            PublicityPeriod mondayToFriday = new PublicityPeriod(d("2025-09-22"), d("2025-09-26"));

            ProcedureStatus status = status(countsPostingDay, designConfirmed(), Optional.of(mondayToFriday));

            assertThat(status.publicity()).hasValueSatisfying(p -> {
                assertThat(p.longEnough()).isTrue();
                assertThat(p.countedWorkingDays()).isEqualTo(5);
                assertThat(p.startDayCounted()).isTrue();
                assertThat(p.earliestLastDay()).isEqualTo(d("2025-09-26"));
                assertThat(p.message()).contains("含张贴当日计 5 个工作日");
                // The interpretation is the edited table's, not the repository's.
                assertThat(p.interpretation()).contains("张贴当日计入，自张贴当日起").doesNotContain("张贴当日不计入");
            });
            assertThat(status.completeSteps()).contains(4);
            assertThat(countsPostingDay.version()).isNotEqualTo(ruleset.version());
        }

        @Test
        void countingThePostingDayAddsNothingWhenItWasPostedOnASaturday() throws IOException {
            // Sat 09-27 counted but rests: Sun 09-28 (1), Mon (2), Tue 09-30 (3), Thu 10-09 (4) = 4 to Thursday.
            CompiledRuleset countsPostingDay = edited(PUBLICITY_ROW, START_COUNTED_COLUMN, "是");

            ProcedureStatus status = status(
                    countsPostingDay,
                    designConfirmed(),
                    Optional.of(new PublicityPeriod(d("2025-09-27"), d("2025-10-09"))));

            assertThat(status.publicity()).hasValueSatisfying(p -> {
                assertThat(p.countedWorkingDays()).isEqualTo(4);
                assertThat(p.earliestLastDay()).isEqualTo(d("2025-10-10"));
            });
        }

        @Test
        void aMinimumOfSevenMakesSixWorkingDaysTooShort() throws IOException {
            CompiledRuleset sevenDays = edited(PUBLICITY_ROW, DAYS_COLUMN, "7");

            // The default example: Tue 09-23 .. Fri 09-26 (4), Sun 09-28 (5), Mon 09-29 (6).
            ProcedureStatus status = status(sevenDays, designConfirmed(), Optional.of(LONG_ENOUGH));

            assertThat(status.publicity()).hasValueSatisfying(p -> {
                assertThat(p.longEnough()).isFalse();
                assertThat(p.countedWorkingDays()).isEqualTo(6);
                assertThat(p.minimumWorkingDays()).isEqualTo(7);
                // ... Mon 09-29 (6), Tue 09-30 (7).
                assertThat(p.earliestLastDay()).isEqualTo(d("2025-09-30"));
                assertThat(p.message()).contains("少于 7 个工作日");
                assertThat(p.interpretation()).startsWith("公示时间不少于 7 个工作日（含本数）");
            });
            assertStoppedAt(status, ProcedureStep.DESIGN_CONFIRMATION, "PROCEDURE-4-PUBLICITY-TOO-SHORT");
        }

        @Test
        void aMinimumOfSevenIsMetBySevenWorkingDays() throws IOException {
            CompiledRuleset sevenDays = edited(PUBLICITY_ROW, DAYS_COLUMN, "7");

            ProcedureStatus status = status(
                    sevenDays, designConfirmed(), Optional.of(new PublicityPeriod(d("2025-09-22"), d("2025-09-30"))));

            assertThat(status.publicity())
                    .hasValueSatisfying(p -> assertThat(p.longEnough()).isTrue());
            assertThat(status.completeSteps()).contains(4);
        }

        @Test
        void countingTheSurveyDayBringsTheRepliesDueDateForward() throws IOException {
            CompiledRuleset countsSurveyDay = edited(REPLY_ROW, START_COUNTED_COLUMN, "是");
            ProjectProgress progress = designConfirmed();
            progress.setSiteSurveyOn(d("2025-09-25"));
            progress.setDepartmentRepliesReceived(false);
            progress.setEvaluationDate(d("2025-10-01"));

            // Thu 09-25 (1), Fri 09-26 (2), Sun 09-28 (3), Mon 09-29 (4), Tue 09-30 (5).
            ProcedureStatus status = status(countsSurveyDay, progress, Optional.of(LONG_ENOUGH));

            assertThat(status.blockers()).singleElement().satisfies(b -> {
                assertThat(b.message()).contains("即 2025-09-30（含）前反馈，已逾期");
                assertThat(b.interpretation()).isEqualTo("“5个工作日内”含第5个工作日；踏勘当日计入");
            });
        }

        @Test
        void aStartDayCellThatIsNeitherYesNorNoIsRefusedNamingTheCell() throws IOException {
            String cell = RuleFolderCopy.editCell(
                    root.resolve(TABLE),
                    PERIODS_SHEET,
                    PUBLICITY_ROW,
                    START_COUNTED_COLUMN,
                    c -> c.setCellValue("不计入"));

            assertRefusedAt(cell);
        }

        /** The edited copy does not compile, and the problem names the table, the sheet and the edited cell. */
        private void assertRefusedAt(String cell) {
            RulesetCompilationException failure = catchThrowableOfType(
                    RulesetCompilationException.class,
                    () -> RepositoryRuleset.compile(root.resolve("rules"), root.resolve("decision-tables")));

            assertThat(failure).isNotNull();
            assertThat(failure.problems()).anySatisfy(problem -> {
                assertThat(problem.file()).isEqualTo(TABLE);
                assertThat(problem.sheet()).isEqualTo(PERIODS_SHEET);
                assertThat(problem.cell()).isEqualTo(cell);
            });
        }

        @Test
        void aMinimumOfZeroWorkingDaysIsRefusedNamingTheCell() throws IOException {
            String cell = RuleFolderCopy.editCell(
                    root.resolve(TABLE), PERIODS_SHEET, PUBLICITY_ROW, DAYS_COLUMN, c -> c.setCellValue("0"));

            assertRefusedAt(cell);
        }

        @Test
        void aMinimumWrittenInWordsIsRefusedNamingTheCell() throws IOException {
            String cell = RuleFolderCopy.editCell(
                    root.resolve(TABLE), PERIODS_SHEET, PUBLICITY_ROW, DAYS_COLUMN, c -> c.setCellValue("五"));

            assertRefusedAt(cell);
        }
    }
}
