package cn.wenzhou.renovation.consent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import cn.wenzhou.renovation.ruleset.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.RuleProblem;
import cn.wenzhou.renovation.ruleset.RulesetCheck;

/**
 * The statutory guard: refuses a ruleset whose consent requirements, on some vote date, ask for less
 * than the law (民法典第二百七十八条; 物权法第七十六条 before 2021). The floors and the comparison are
 * the rules in {@code rules/statute/}; this class only chooses the probe votes and words the finding,
 * naming the table row that goes below the floor.
 *
 * <p>Probes: both rounds, on each floor's first and last day and on 1 January of every year in
 * between (open-ended floors up to {@value #LAST_PROBED_YEAR}). A county table that lowers a share for
 * a few months inside one year would slip between probes; the tables in this repository change rules
 * only at the start of a year.
 */
@Component
public class StatutoryConsentGuard implements RulesetCheck {

    static final int LAST_PROBED_YEAR = 2050;

    @Override
    public boolean statutory() {
        return true;
    }

    @Override
    public List<RuleProblem> check(CompiledRuleset ruleset) {
        List<StatutoryFloor> floors = ruleset.evaluate(List.of(new StatutoryProbe())).all(StatutoryFloor.class);
        TreeSet<LocalDate> dates = new TreeSet<>();
        floors.forEach(floor -> dates.addAll(probeDates(floor)));
        // One finding per broken floor and offending row, with the first vote date it affects.
        Map<String, RuleProblem> findings = new LinkedHashMap<>();
        for (LocalDate date : dates) {
            for (VoteRound round : VoteRound.values()) {
                for (StatutoryBreach breach : ruleset.evaluate(List.of(new StatutoryProbe(), probeVote(date, round)))
                        .all(StatutoryBreach.class)) {
                    describe(ruleset, breach).forEach(findings::putIfAbsent);
                }
            }
        }
        return new ArrayList<>(findings.values());
    }

    private static Map<String, RuleProblem> describe(CompiledRuleset ruleset, StatutoryBreach breach) {
        StatutoryFloor floor = breach.floor();
        String law = floor.statute() + "要求" + floor.measure().label() + "不低于 " + floor.minimum().fraction()
                + "（规则 " + floor.ruleId() + "）";
        String when = "表决日 " + breach.probe().getVoteDate() + " 起的" + roundLabel(breach.probe().getRound());
        Map<String, RuleProblem> found = new LinkedHashMap<>();
        if (breach.weaker().isEmpty()) {
            String key = floor.ruleId() + "|" + floor.measure() + "|none";
            found.put(key, RuleProblem.inFile(consentTable(ruleset),
                    "低于法律规定: " + when + "没有任何施行中的规则要求" + floor.measure().label() + "，而" + law
                            + "。请检查工作表 适用依据 与 表决通过标准"));
            return found;
        }
        for (ConsentRequirement weaker : breach.weaker()) {
            String key = floor.ruleId() + "|" + floor.measure() + "|" + weaker.ruleId();
            found.put(key, ruleset.originOf(weaker.ruleId()).problem("低于法律规定: 规则 " + weaker.ruleId() + " 要求"
                    + weaker.measure().label() + "不低于 " + weaker.minimum().fraction() + "，适用于" + when + "，而" + law));
        }
        return found;
    }

    private static List<LocalDate> probeDates(StatutoryFloor floor) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate first = floor.from() != null ? floor.from() : LocalDate.of(2000, 1, 1);
        LocalDate last = floor.to() != null ? floor.to() : LocalDate.of(LAST_PROBED_YEAR, 12, 31);
        dates.add(first);
        for (int year = first.getYear() + 1; year <= last.getYear(); year++) {
            dates.add(LocalDate.of(year, 1, 1));
        }
        dates.add(last);
        return dates;
    }

    /** One household of one square metre voting yes: every share is defined, so every consent rule can run. */
    private static ConsentTally probeVote(LocalDate date, VoteRound round) {
        ConsentTally vote = new ConsentTally();
        vote.setVoteDate(date);
        vote.setRound(round);
        vote.setTotalArea(BigDecimal.ONE);
        vote.setTotalHouseholds(1);
        vote.setAgreeingArea(BigDecimal.ONE);
        vote.setAgreeingHouseholds(1);
        return vote;
    }

    private static String roundLabel(VoteRound round) {
        return round == VoteRound.FIRST_CONSENT ? "征求意见表决" : "改造设计方案表决";
    }

    private static String consentTable(CompiledRuleset ruleset) {
        return ruleset.files().stream().filter(f -> f.endsWith("consent/consent.drl.xlsx")).findFirst().orElse("(ruleset)");
    }
}
