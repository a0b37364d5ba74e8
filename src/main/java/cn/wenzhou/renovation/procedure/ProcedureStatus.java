package cn.wenzhou.renovation.procedure;

import cn.wenzhou.renovation.calendar.OfficialCalendar;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a project stands in the ten steps of guide §3, as the rules concluded: the steps complete,
 * the current step (the first not complete; empty when all ten are), what blocks it and the
 * documents still missing.
 */
record ProcedureStatus(
        CompiledRuleset ruleset,
        Set<Integer> completeSteps,
        Optional<ProcedureStep> currentStep,
        List<StepBlocker> blockers,
        List<MissingDocument> missingDocuments,
        Optional<PublicityFinding> publicity,
        List<UncountedPeriod> uncountedPeriods,
        List<MilestoneReached> milestones) {

    public static ProcedureStatus of(
            CompiledRuleset ruleset,
            OfficialCalendar calendar,
            ProjectProgress progress,
            Optional<PublicityPeriod> publicityPeriod) {
        List<Object> facts = new java.util.ArrayList<>(List.of(calendar, progress));
        publicityPeriod.ifPresent(facts::add);
        return ruleset.answer(ProcedureService.CAPABILITY, facts, answers -> {
            Set<Integer> complete = answers.all("completed steps", StepComplete.class).stream()
                    .map(StepComplete::step)
                    .collect(Collectors.toUnmodifiableSet());
            Optional<ProcedureStep> current = java.util.Arrays.stream(ProcedureStep.values())
                    .filter(step -> !complete.contains(step.number()))
                    .findFirst();
            int currentNumber = current.map(ProcedureStep::number).orElse(Integer.MAX_VALUE);
            List<StepBlocker> blockers = answers.all("step blockers", StepBlocker.class).stream()
                    .filter(b -> b.step() == currentNumber)
                    .sorted(Comparator.comparing(StepBlocker::ruleId))
                    .toList();
            List<MissingDocument> missing = answers.all("missing documents", MissingDocument.class).stream()
                    .sorted(Comparator.comparing(
                                    (MissingDocument m) -> m.document().step())
                            .thenComparing(m -> m.document().annex() == 0
                                    ? Integer.MAX_VALUE
                                    : m.document().annex())
                            .thenComparing(m -> m.document().code()))
                    .toList();
            List<MilestoneReached> milestones = answers.all("milestones reached", MilestoneReached.class).stream()
                    .sorted(Comparator.comparing(MilestoneReached::step))
                    .toList();
            Optional<PublicityFinding> publicity = answers.all("publicity findings", PublicityFinding.class).stream()
                    .findFirst();
            List<UncountedPeriod> uncounted = answers.all("uncounted periods", UncountedPeriod.class).stream()
                    .sorted(Comparator.comparing(UncountedPeriod::needs))
                    .toList();
            return new ProcedureStatus(ruleset, complete, current, blockers, missing, publicity, uncounted, milestones);
        });
    }

    public Optional<ProcedureStep> nextStep() {
        return currentStep
                .filter(step -> step.number() < ProcedureStep.values().length)
                .map(step -> ProcedureStep.numbered(step.number() + 1));
    }
}
