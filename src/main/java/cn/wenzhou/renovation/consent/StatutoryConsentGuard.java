package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.RulesetCheck;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The statutory guard: refuses a ruleset that, for some vote date and round, asks less than the law
 * (民法典第二百七十八条; 物权法第七十六条 before 2021). The floors are the rules in
 * {@code rules/statute/}; this class chooses the probe votes and words the findings.
 *
 * <p>Two probes on every date probed, both rounds:
 * <ol>
 * <li>the requirements in force, against the floors ({@code STATUTE-GUARD-REQUIREMENTS-IN-FORCE}): names
 * the table row that asks too little;</li>
 * <li>a vote one household (or 0.01 m²) short of each floor, every other share near everyone, through
 * the whole consent decision: it must be found insufficient. This catches what no row shows, such as a
 * county's own DRL that counts the absent as agreeing.</li>
 * </ol>
 * Dates probed: each floor's first and last day, 1 January of every year in between (open-ended
 * floors up to {@value #LAST_PROBED_YEAR}), and the day before, of and after every date the
 * legal-basis rows ask about, so a window a county's table opens inside a year is probed too.
 */
@Component
class StatutoryConsentGuard implements RulesetCheck {

    static final int LAST_PROBED_YEAR = 2050;
    private static final String FLOOR_RULE_PREFIX = "STATUTE-";
    private static final String FLOOR_RULE_SUFFIX = "-FLOOR";

    @Override
    public boolean statutory() {
        return true;
    }

    @Override
    public List<RuleProblem> check(CompiledRuleset ruleset) {
        List<StatutoryFloor> floors = ruleset.answer(
                ConsentService.CAPABILITY,
                List.of(new StatutoryProbe()),
                answers -> answers.all("statutory floors", StatutoryFloor.class));
        Set<String> missing = ruleset.clauses().keySet().stream()
                .filter(id -> id.startsWith(FLOOR_RULE_PREFIX) && id.endsWith(FLOOR_RULE_SUFFIX))
                .filter(id -> floors.stream().noneMatch(f -> f.ruleId().equals(id)))
                .collect(Collectors.toCollection(TreeSet::new));
        if (floors.isEmpty() || !missing.isEmpty()) {
            return List.of(RuleProblem.inFile(
                    "rules/statute/consent-floors.drl",
                    "低于法律规定: 法律底线规则没有给出底线" + (missing.isEmpty() ? "" : "（" + String.join("、", missing) + "）")
                            + "，可能被本辖区的规则撤回；无法确认表决规则不低于法律规定"));
        }
        Map<String, RuleProblem> findings = new LinkedHashMap<>();
        for (LocalDate date : probeDates(ruleset, floors)) {
            for (VoteRound round : VoteRound.values()) {
                Set<String> breached = new TreeSet<>();
                for (StatutoryBreach breach : ruleset.answer(
                        ConsentService.CAPABILITY,
                        List.of(new StatutoryProbe(), FloorProbeVote.unanimous(date, round)),
                        answers -> answers.all("statutory breaches", StatutoryBreach.class))) {
                    breached.add(floorKey(breach.floor()));
                    describe(ruleset, breach).forEach(findings::putIfAbsent);
                }
                for (StatutoryFloor floor : floors) {
                    if (floor.appliesOn(date) && !breached.contains(floorKey(floor))) {
                        decide(ruleset, floor, date, round)
                                .ifPresent(p -> findings.putIfAbsent(floorKey(floor) + "|vote", p));
                    }
                }
            }
        }
        return new ArrayList<>(findings.values());
    }

    /** Puts a vote just short of the floor to the whole consent decision; a lawful ruleset refuses it. */
    private static java.util.Optional<RuleProblem> decide(
            CompiledRuleset ruleset, StatutoryFloor floor, LocalDate date, VoteRound round) {
        FloorProbeVote vote = FloorProbeVote.justBelow(floor, date, round);
        List<ConsentDecision> decisions = ruleset.answer(
                ConsentService.CAPABILITY,
                List.of(vote),
                answers -> answers.all("consent decision", ConsentDecision.class));
        String when = "表决日 " + date + " 起的" + roundLabel(round);
        String law = floor.statute() + "要求" + floor.measure().label() + "不低于 "
                + floor.minimum().fraction() + "（规则 " + floor.ruleId() + "）";
        if (decisions.size() != 1) {
            return java.util.Optional.of(RuleProblem.inFile(
                    consentTable(ruleset),
                    "低于法律规定: " + when + "，"
                            + floor.measure().label() + "仅为 " + vote.share(floor.measure()) + " 的表决得到 "
                            + decisions.size()
                            + " 个判定（应恰好一个且为不同意），而" + law));
        }
        ConsentDecision decision = decisions.get(0);
        if (!decision.sufficient()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(ruleset.originOf(decision.ruleId())
                .problem("低于法律规定: " + when + "，"
                        + floor.measure().label() + "仅为 " + vote.share(floor.measure()) + "、其余比例接近全体的表决，被规则 "
                        + decision.ruleId() + " 判定为同意充分，而" + law));
    }

    private static Map<String, RuleProblem> describe(CompiledRuleset ruleset, StatutoryBreach breach) {
        StatutoryFloor floor = breach.floor();
        String law = floor.statute() + "要求" + floor.measure().label() + "不低于 "
                + floor.minimum().fraction() + "（规则 " + floor.ruleId() + "）";
        String when = "表决日 " + breach.probe().getVoteDate() + " 起的"
                + roundLabel(breach.probe().getRound());
        Map<String, RuleProblem> found = new LinkedHashMap<>();
        if (breach.weaker().isEmpty()) {
            found.put(
                    floorKey(floor) + "|none",
                    RuleProblem.inFile(
                            consentTable(ruleset),
                            "低于法律规定: " + when + "没有任何施行中的规则要求" + floor.measure().label() + "（或更严的比例），而" + law
                                    + "。请检查工作表 适用依据 与 表决通过标准 中被删除、清空或改期的行（差异中可见）"));
            return found;
        }
        for (ConsentRequirement weaker : breach.weaker()) {
            found.put(
                    floorKey(floor) + "|" + weaker.ruleId(),
                    ruleset.originOf(weaker.ruleId())
                            .problemAt(
                                    weaker.measure().templateKey(),
                                    "低于法律规定: 规则 "
                                            + weaker.ruleId() + " 要求"
                                            + weaker.measure().label() + "不低于 "
                                            + weaker.minimum().fraction()
                                            + "，适用于" + when + "，而" + law));
        }
        return found;
    }

    private static String floorKey(StatutoryFloor floor) {
        return floor.ruleId() + "|" + floor.measure();
    }

    private static Set<LocalDate> probeDates(CompiledRuleset ruleset, List<StatutoryFloor> floors) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (StatutoryFloor floor : floors) {
            // The statute rules date every floor; an open end is probed up to a horizon, an open start only at its end.
            LocalDate last = floor.to() != null ? floor.to() : LocalDate.of(LAST_PROBED_YEAR, 12, 31);
            LocalDate first = floor.from() != null ? floor.from() : last;
            dates.add(first);
            dates.add(last);
            for (int year = first.getYear() + 1; year <= last.getYear(); year++) {
                dates.add(LocalDate.of(year, 1, 1));
            }
        }
        TreeSet<LocalDate> asked = new TreeSet<>();
        for (LocalDate date : dates) {
            FloorProbeVote vote = FloorProbeVote.unanimous(date, VoteRound.FIRST_CONSENT);
            // The probe records each date a rule asked about while the rules fired.
            asked.addAll(ruleset.answer(ConsentService.CAPABILITY, List.of(vote), answers -> vote.datesAsked()));
        }
        for (LocalDate date : asked) {
            dates.add(date.minusDays(1));
            dates.add(date);
            dates.add(date.plusDays(1));
        }
        return dates;
    }

    private static String roundLabel(VoteRound round) {
        return round == VoteRound.FIRST_CONSENT ? "征求意见表决" : "改造设计方案表决";
    }

    private static String consentTable(CompiledRuleset ruleset) {
        return ruleset.files().stream()
                .filter(f -> f.endsWith("consent/consent-thresholds.xlsx"))
                .findFirst()
                .orElse("(ruleset)");
    }
}
