package cn.wenzhou.renovation.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.calendar.OfficialCalendar;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import cn.wenzhou.renovation.testing.Calendars;
import cn.wenzhou.renovation.testing.RepositoryRuleset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Guide §3 (建设程序): what holds whatever the decision table says (the working-day periods, the documents
 * each step needs) and whatever the holiday calendar holds. Which blocker each step reports, the table's
 * periods and the answers around them are pinned once, in {@code scenarios/wenzhou/procedure/*.scesim};
 * the periods and documents used here are read from the compiled ruleset.
 */
class ProcedureProperties {

    private static final String SECTION = "三、建设程序";
    private static final int STEPS = ProcedureStep.values().length;

    private static CompiledRuleset ruleset;
    private static OfficialCalendar calendar;
    private static List<RequiredDocument> table;
    private static WorkingDayPeriod publicityMinimum;
    private static WorkingDayPeriod departmentReply;

    @BeforeContainer
    static void compileRepositoryRules() {
        ruleset = RepositoryRuleset.compile();
        calendar = Calendars.packaged();
        List<Object> parameters = ruleset.parameters(ProcedureService.CAPABILITY);
        table = parameters.stream()
                .filter(RequiredDocument.class::isInstance)
                .map(RequiredDocument.class::cast)
                .toList();
        publicityMinimum = period(parameters, WorkingDayPeriod.PUBLICITY_MINIMUM);
        departmentReply = period(parameters, WorkingDayPeriod.DEPARTMENT_REPLY);
    }

    private static WorkingDayPeriod period(List<Object> parameters, String code) {
        return parameters.stream()
                .filter(WorkingDayPeriod.class::isInstance)
                .map(WorkingDayPeriod.class::cast)
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    // --- one place in the procedure ------------------------------------------------------------------

    @Property(tries = 300)
    void theCompleteStepsRunFromStep1WithoutAGapAndTheFirstIncompleteIsCurrent(@ForAll("projects") Project p) {
        ProcedureStatus status = p.status();
        int complete = status.completeSteps().size();

        assertThat(status.completeSteps()).as(p.toString()).isEqualTo(steps(1, complete));
        assertThat(status.currentStep())
                .isEqualTo(complete == STEPS ? Optional.empty() : Optional.of(ProcedureStep.numbered(complete + 1)));
        assertThat(status.nextStep())
                .isEqualTo(complete + 2 > STEPS ? Optional.empty() : Optional.of(ProcedureStep.numbered(complete + 2)));
    }

    /** The rules themselves raise blockers only for the current step, and never leave it without one. */
    @Property(tries = 300)
    void everyBlockerIsOfTheCurrentStepAndAnIncompleteProjectAlwaysSaysWhy(@ForAll("projects") Project p) {
        ProcedureStatus status = p.status();
        List<StepBlocker> raised = p.evaluation().all(StepBlocker.class);

        assertThat(raised)
                .as(p.toString())
                .allSatisfy(b -> assertThat(status.currentStep()).contains(ProcedureStep.numbered(b.step())));
        assertThat(raised.isEmpty())
                .as(p.toString())
                .isEqualTo(status.currentStep().isEmpty());
        assertThat(status.blockers()).containsExactlyInAnyOrderElementsOf(raised);
        assertThat(raised).allSatisfy(b -> assertThat(b.message()).isNotBlank());
    }

    @Property(tries = 300)
    void aStepIsCompleteOnlyWithItsMilestoneAndEveryDocumentTheTableListsForIt(@ForAll("projects") Project p) {
        ProcedureStatus status = p.status();

        for (int step : status.completeSteps()) {
            assertThat(status.milestones())
                    .as(p + ", step " + step)
                    .anySatisfy(m -> assertThat(m.step()).isEqualTo(step));
            assertThat(table)
                    .filteredOn(d -> d.step() == step)
                    .allSatisfy(d -> assertThat(p.progress().has(d.code()))
                            .as(p + ", " + d.code())
                            .isTrue());
        }
    }

    @Property(tries = 300)
    void milestonesAreListedInStepOrderAtMostOncePerStep(@ForAll("projects") Project p) {
        List<Integer> steps =
                p.status().milestones().stream().map(MilestoneReached::step).toList();

        assertThat(steps).isSorted().doesNotHaveDuplicates();
        assertThat(steps).allSatisfy(step -> assertThat(step).isBetween(1, STEPS));
    }

    // --- documents, as the table lists them ---------------------------------------------------------

    @Property(tries = 300)
    void theMissingDocumentsAreThoseTheTableListsUpToTheCurrentStepThatAreNotInHand(@ForAll("projects") Project p) {
        ProcedureStatus status = p.status();
        int current = status.currentStep().map(ProcedureStep::number).orElse(STEPS);
        Set<RequiredDocument> expected = table.stream()
                .filter(d -> d.step() <= current && !p.progress().has(d.code()))
                .collect(Collectors.toSet());

        List<RequiredDocument> missing = status.missingDocuments().stream()
                .map(MissingDocument::document)
                .toList();
        assertThat(missing).as(p.toString()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(missing)
                .isSortedAccordingTo(Comparator.comparingInt(RequiredDocument::step)
                        .thenComparingInt(d -> d.annex() == 0 ? Integer.MAX_VALUE : d.annex())
                        .thenComparing(RequiredDocument::code));
    }

    @Property(tries = 300)
    void aStepLackingDocumentsSaysSoNamingEachOfThem(@ForAll("projects") Project p) {
        ProcedureStatus status = p.status();
        List<RequiredDocument> lackingAtCurrentStep = status.missingDocuments().stream()
                .map(MissingDocument::document)
                .filter(d -> status.currentStep().map(ProcedureStep::number).orElse(0) == d.step())
                .toList();
        List<StepBlocker> documentBlockers = status.blockers().stream()
                .filter(b -> b.ruleId().equals("PROCEDURE-STEP-DOCUMENTS-INCOMPLETE"))
                .toList();

        assertThat(documentBlockers).as(p.toString()).hasSize(lackingAtCurrentStep.isEmpty() ? 0 : 1);
        documentBlockers.forEach(b -> assertThat(b.message())
                .startsWith("第" + b.step() + "步所需材料不齐，缺少")
                .contains(lackingAtCurrentStep.stream()
                        .map(d -> "《" + d.name() + "》" + (d.annex() == 0 ? "" : "（" + d.annexLabel() + "）"))
                        .toList()));
    }

    /** Each row of 各步骤所需材料 cites the clause of its own step, and the clause names its annex. */
    @Example
    void everyDocumentRowCitesTheClauseOfItsStepAndThatClauseNamesItsAnnex() {
        assertThat(table)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(ruleset.clauseOf(d.ruleId()))
                        .as(d.ruleId())
                        .hasValueSatisfying(c -> {
                            assertThat(c.section()).startsWith(SECTION + " " + d.step() + ".");
                            if (d.annex() > 0) {
                                assertThat(c.quote()).contains(d.annexLabel());
                            }
                        }));
    }

    // --- every answer cites the guide ---------------------------------------------------------------

    @Property(tries = 300)
    void everyBlockerMilestoneDocumentAndPublicityFindingCitesAClauseOfSection3(@ForAll("projects") Project p) {
        ProcedureStatus status = p.status();

        status.blockers().forEach(b -> assertCitesSection3(b.ruleId()));
        status.milestones().forEach(m -> assertCitesSection3(m.ruleId()));
        status.missingDocuments().forEach(m -> assertCitesSection3(m.document().ruleId()));
        status.publicity().ifPresent(f -> assertCitesSection3(f.ruleId()));
        status.uncountedPeriods().forEach(u -> assertCitesSection3(u.ruleId()));
    }

    // --- more done is never less far -----------------------------------------------------------------

    @Property(tries = 300)
    void reportingOneMoreThingDoneNeverCompletesFewerSteps(
            @ForAll("projects") Project p, @ForAll @IntRange(min = 0, max = 1000) int pick) {
        List<Project> better = p.eachOneStepFurther();
        Project improved = better.get(pick % better.size());

        assertThat(improved.status().completeSteps())
                .as(p + " → " + improved)
                .containsAll(p.status().completeSteps());
    }

    @Property(tries = 300)
    void aLaterEvaluationDateNeverCompletesFewerSteps(
            @ForAll("projects") Project p, @ForAll @IntRange(min = 1, max = 60) int daysLater) {
        Project later = p.evaluatedOn(p.progress().getEvaluationDate().plusDays(daysLater));

        assertThat(later.status().completeSteps())
                .as(p.toString())
                .containsAll(p.status().completeSteps());
    }

    /** Kept up longer and over by the evaluation date, within the years the calendar holds. */
    @Property(tries = 300)
    void aPublicityKeptUpLongerNeverCompletesFewerSteps(
            @ForAll("projects") Project p, @ForAll @IntRange(min = 1, max = 15) int daysLonger) {
        Assume.that(p.publicity().isPresent());
        PublicityPeriod shorter = p.publicity().get();
        PublicityPeriod longer =
                new PublicityPeriod(shorter.postedOn(), shorter.lastDay().plusDays(daysLonger));
        Assume.that(calendar.covers(longer.postedOn(), longer.lastDay()));
        LocalDate evaluated =
                later(p.progress().getEvaluationDate(), longer.lastDay().plusDays(1));

        Project before = p.evaluatedOn(evaluated);
        Project after = before.withPublicity(longer);

        assertThat(after.status().completeSteps())
                .as(p.toString())
                .containsAll(before.status().completeSteps());
    }

    // --- the working-day periods, whatever the table sets ------------------------------------------

    /** A period given is judged once: long enough or not, or not countable until its year's notice is loaded. */
    @Property(tries = 300)
    void aPublicityIsJudgedExactlyOnceAgainstTheTablesMinimum(@ForAll("projects") Project p) {
        ProcedureStatus status = p.status();
        List<UncountedPeriod> uncountedPublicity = status.uncountedPeriods().stream()
                .filter(u -> u.needs() != UncountedPeriod.ProjectDate.SITE_SURVEY_ON)
                .toList();

        if (p.publicity().isEmpty()) {
            assertThat(status.publicity()).isEmpty();
            assertThat(uncountedPublicity).isEmpty();
            return;
        }
        PublicityPeriod period = p.publicity().get();
        if (!calendar.covers(period.postedOn(), period.lastDay())) {
            assertThat(status.publicity()).isEmpty();
            assertThat(uncountedPublicity)
                    .singleElement()
                    .satisfies(u -> assertThat(u.ruleId()).isEqualTo("PUBLICITY-NOT-COUNTABLE"));
            return;
        }
        int counted = calendar.countPeriod(period.postedOn(), period.lastDay(), publicityMinimum.startDayCounted());
        assertThat(uncountedPublicity).isEmpty();
        assertThat(p.evaluation().all(PublicityFinding.class)).hasSize(1);
        assertThat(status.publicity()).hasValueSatisfying(f -> {
            assertThat(f.countedWorkingDays()).isEqualTo(counted);
            assertThat(f.minimumWorkingDays()).isEqualTo(publicityMinimum.workingDays());
            assertThat(f.startDayCounted()).isEqualTo(publicityMinimum.startDayCounted());
            assertThat(f.longEnough()).isEqualTo(counted >= publicityMinimum.workingDays());
        });
    }

    /**
     * The earliest enough last day a short publicity names is the first day that would have been long enough.
     * Only about one generated project in eight has a too-short publicity: more discards are allowed than jqwik's
     * default five per try, which some seeds exceeded.
     */
    @Property(tries = 300, maxDiscardRatio = 20)
    void aTooShortPublicityNamesTheFirstLastDayThatWouldHaveBeenLongEnough(@ForAll("projects") Project p) {
        Optional<PublicityFinding> tooShort =
                p.status().publicity().filter(f -> !f.longEnough() && f.earliestLastDay() != null);
        Assume.that(tooShort.isPresent());
        PublicityFinding finding = tooShort.get();
        LocalDate posted = finding.period().postedOn();
        LocalDate earliest = finding.earliestLastDay();
        boolean startCounted = publicityMinimum.startDayCounted();

        assertThat(calendar.countPeriod(posted, earliest, startCounted)).isEqualTo(publicityMinimum.workingDays());
        assertThat(calendar.countPeriod(posted, earliest.minusDays(1), startCounted))
                .isLessThan(publicityMinimum.workingDays());
        assertThat(finding.message()).contains(earliest + "（含）");
    }

    @Property(tries = 300)
    void outstandingRepliesAreDueOnTheTablesLastWorkingDayAndOverdueOnlyAfterIt(@ForAll("awaitingReplies") Project p) {
        Optional<StepBlocker> outstanding = p.status().blockers().stream()
                .filter(b -> b.ruleId().equals("PROCEDURE-3-REPLIES-OUTSTANDING"))
                .findFirst();
        assertThat(outstanding).as(p.toString()).isPresent();
        LocalDate survey = p.progress().getSiteSurveyOn();
        Optional<LocalDate> due =
                calendar.periodEndIfCovered(survey, departmentReply.workingDays(), departmentReply.startDayCounted());
        String message = outstanding.get().message();

        assertThat(message).contains(survey + " 踏勘后应在 " + departmentReply.workingDays() + " 个工作日内");
        if (due.isPresent()) {
            assertThat(message).contains("即 " + due.get() + "（含）前反馈");
            assertThat(message.contains("已逾期"))
                    .as(message)
                    .isEqualTo(p.progress().getEvaluationDate().isAfter(due.get()));
        } else {
            assertThat(message).doesNotContain("逾期");
            assertThat(p.status().uncountedPeriods())
                    .anySatisfy(u -> assertThat(u.needs()).isEqualTo(UncountedPeriod.ProjectDate.SITE_SURVEY_ON));
        }
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static void assertCitesSection3(String ruleId) {
        Optional<RuleClause> clause = ruleset.clauseOf(ruleId);
        assertThat(clause).as(ruleId).hasValueSatisfying(c -> {
            assertThat(c.section()).startsWith(SECTION);
            assertThat(c.quote()).isNotBlank();
        });
    }

    private static Set<Integer> steps(int first, int last) {
        return IntStream.rangeClosed(first, last).boxed().collect(Collectors.toSet());
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The milestones a portal reports as done, in step order (the survey date and objections apart). */
    private enum Done {
        INTENT_CONSENT,
        PLANNING_SCHEME,
        DEPARTMENT_REPLIES,
        DESIGN_VOTE,
        STREET_REVIEW,
        FUNDS,
        APPROVAL,
        CONSTRUCTION,
        COMPLETION_ACCEPTANCE,
        HANDOVER,
        POST_EVALUATION
    }

    /** A project's progress and the publicity it reports; the status is what the real rules answer. */
    record Project(
            LocalDate evaluationDate,
            Set<Done> done,
            LocalDate siteSurveyOn,
            Boolean publicityObjections,
            Set<String> documents,
            Optional<PublicityPeriod> publicity) {

        ProjectProgress progress() {
            return new ProjectProgress(
                    evaluationDate,
                    done.contains(Done.INTENT_CONSENT),
                    done.contains(Done.PLANNING_SCHEME),
                    siteSurveyOn,
                    done.contains(Done.DEPARTMENT_REPLIES),
                    done.contains(Done.DESIGN_VOTE),
                    publicityObjections,
                    done.contains(Done.STREET_REVIEW),
                    done.contains(Done.FUNDS),
                    done.contains(Done.APPROVAL),
                    done.contains(Done.CONSTRUCTION),
                    done.contains(Done.COMPLETION_ACCEPTANCE),
                    done.contains(Done.HANDOVER),
                    done.contains(Done.POST_EVALUATION),
                    documents);
        }

        ProcedureStatus status() {
            return ProcedureStatus.of(ruleset, calendar, progress(), publicity);
        }

        /** Every conclusion the rules drew, before the status keeps only the current step's blockers. */
        CompiledRuleset.Evaluation evaluation() {
            List<Object> facts = new ArrayList<>(List.of(calendar, progress()));
            publicity.ifPresent(facts::add);
            return ruleset.evaluate(ProcedureService.CAPABILITY, facts);
        }

        Project evaluatedOn(LocalDate date) {
            return new Project(date, done, siteSurveyOn, publicityObjections, documents, publicity);
        }

        Project withPublicity(PublicityPeriod period) {
            return new Project(evaluationDate, done, siteSurveyOn, publicityObjections, documents, Optional.of(period));
        }

        /** This project with one more thing reported done: a milestone, a document, the survey, no objections. */
        List<Project> eachOneStepFurther() {
            List<Project> further = new ArrayList<>();
            for (Done d : Done.values()) {
                if (!done.contains(d)) {
                    Set<Done> more = new HashSet<>(done);
                    more.add(d);
                    further.add(new Project(
                            evaluationDate, Set.copyOf(more), siteSurveyOn, publicityObjections, documents, publicity));
                }
            }
            table.stream().map(RequiredDocument::code).distinct().forEach(code -> {
                if (!documents.contains(code)) {
                    Set<String> more = new HashSet<>(documents);
                    more.add(code);
                    further.add(new Project(
                            evaluationDate, done, siteSurveyOn, publicityObjections, Set.copyOf(more), publicity));
                }
            });
            if (siteSurveyOn == null) {
                further.add(new Project(
                        evaluationDate, done, evaluationDate.minusDays(30), publicityObjections, documents, publicity));
            }
            if (!Boolean.FALSE.equals(publicityObjections)) {
                further.add(new Project(evaluationDate, done, siteSurveyOn, false, documents, publicity));
            }
            return further.isEmpty() ? List.of(this) : further;
        }
    }

    /** Projects mostly far along (so that every step is reached), dated across the years the calendar holds and beyond. */
    @Provide
    Arbitrary<Project> projects() {
        Arbitrary<LocalDate> evaluationDates = Arbitraries.frequencyOf(
                Tuple.of(
                        5,
                        Arbitraries.integers()
                                .between(0, 700)
                                .map(days -> LocalDate.of(2025, 1, 1).plusDays(days))),
                Tuple.of(
                        1,
                        Arbitraries.integers()
                                .between(0, 150)
                                .map(days -> LocalDate.of(2026, 11, 15).plusDays(days))));
        Arbitrary<Set<Done>> done = Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.of(Done.class).set().ofMaxSize(1)),
                        Tuple.of(1, Arbitraries.of(Done.class).set().ofMaxSize(3)),
                        Tuple.of(1, Arbitraries.of(Done.class).set()))
                .map(missing -> Set.copyOf(java.util.EnumSet.complementOf(enumSet(missing))));
        Arbitrary<Set<String>> documents = Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.of(documentCodes()).set().ofMaxSize(1)),
                        Tuple.of(1, Arbitraries.of(documentCodes()).set()))
                .map(missing -> {
                    Set<String> held = new HashSet<>(documentCodes());
                    held.removeAll(missing);
                    return Set.copyOf(held);
                });
        Arbitrary<Integer> surveyDaysBefore =
                Arbitraries.integers().between(0, 40).injectNull(0.1);
        Arbitrary<Boolean> objections = Arbitraries.frequency(Tuple.of(6, Boolean.FALSE), Tuple.of(1, Boolean.TRUE))
                .injectNull(0.15);
        // Days posted before the evaluation date, and days up: mostly a publicity long over, sometimes anything.
        Arbitrary<Optional<Tuple.Tuple2<Integer, Integer>>> publicity = Arbitraries.frequencyOf(
                        Tuple.of(
                                3,
                                Combinators.combine(
                                                Arbitraries.integers().between(20, 90),
                                                Arbitraries.integers().between(6, 15))
                                        .as(Tuple::of)),
                        Tuple.of(
                                2,
                                Combinators.combine(
                                                Arbitraries.integers().between(-5, 40),
                                                Arbitraries.integers().between(0, 20))
                                        .as(Tuple::of)))
                .optional(0.9);
        return Combinators.combine(evaluationDates, done, surveyDaysBefore, objections, documents, publicity)
                .as((evaluated, d, surveyBefore, objected, held, posting) -> new Project(
                        evaluated,
                        d,
                        surveyBefore == null ? null : evaluated.minusDays(surveyBefore),
                        objected,
                        held,
                        posting.map(t -> {
                            LocalDate posted = evaluated.minusDays(t.get1());
                            return new PublicityPeriod(posted, posted.plusDays(t.get2()));
                        })))
                // Edge cases would be mostly "the first milestone missing" and "no publicity": the weights above
                // already reach each step.
                .withoutEdgeCases();
    }

    /** Steps 1 and 2 complete with their documents, surveyed, the departments' replies not all in. */
    @Provide
    Arbitrary<Project> awaitingReplies() {
        Set<String> firstTwoSteps = table.stream()
                .filter(d -> d.step() <= 2)
                .map(RequiredDocument::code)
                .collect(Collectors.toSet());
        return projects().map(p -> {
            Set<Done> done = new HashSet<>(p.done());
            done.addAll(Set.of(Done.INTENT_CONSENT, Done.PLANNING_SCHEME));
            done.remove(Done.DEPARTMENT_REPLIES);
            Set<String> documents = new HashSet<>(p.documents());
            documents.addAll(firstTwoSteps);
            LocalDate survey = p.siteSurveyOn() == null ? p.evaluationDate().minusDays(10) : p.siteSurveyOn();
            return new Project(
                    p.evaluationDate(),
                    Set.copyOf(done),
                    survey,
                    p.publicityObjections(),
                    Set.copyOf(documents),
                    p.publicity());
        });
    }

    private static java.util.EnumSet<Done> enumSet(Set<Done> set) {
        return set.isEmpty() ? java.util.EnumSet.noneOf(Done.class) : java.util.EnumSet.copyOf(set);
    }

    private static List<String> documentCodes() {
        return table.stream().map(RequiredDocument::code).distinct().sorted().toList();
    }
}
