package cn.wenzhou.renovation.toy;

import cn.wenzhou.renovation.decision.Decider;
import cn.wenzhou.renovation.decision.InventoryColumn;
import cn.wenzhou.renovation.decision.InventoryPart;
import cn.wenzhou.renovation.ruleset.engine.Capability;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;

/**
 * The toy capability's decider, written as a capability's decider is: the request mapped to facts, its
 * own KieBase run with the ruleset it is given, the conclusion mapped back. Not a component: only the
 * test that adds the capability registers it.
 */
public class ToyDecider implements Decider<ToyDecider.LiftRequest, ToyDecider.LiftResponse> {

    public static final String PATH = "/api/v1/toy/lift";
    static final Capability CAPABILITY = Capability.of(ToyDecider.class);

    public record LiftRequest(int storeys) {}

    public record LiftResponse(String jurisdiction, String rulesetVersion, boolean offerALift, String ruleId) {}

    @Override
    public String path() {
        return PATH;
    }

    /** A part of the whole-project assessment too, under this name: the batch assesses it like the others. */
    @Override
    public java.util.Optional<String> assessmentPart() {
        return java.util.Optional.of("toyLift");
    }

    /** And a part of the districts' Excel inventory: one column to fill in, one conclusion written back. */
    @Override
    public java.util.Optional<InventoryPart<LiftResponse>> inventoryPart() {
        return java.util.Optional.of(new InventoryPart<>(
                java.util.List.of(InventoryColumn.of("storeys", "楼层数", InventoryColumn.Kind.INTEGER)),
                "加装电梯建议",
                answer -> answer.offerALift() ? "建议加装电梯（" + answer.ruleId() + "）" : "不建议（" + answer.ruleId() + "）",
                answer -> java.util.List.of()));
    }

    @Override
    public Class<LiftRequest> requestType() {
        return LiftRequest.class;
    }

    @Override
    public LiftResponse decide(CompiledRuleset ruleset, LiftRequest request) {
        LiftAdvice advice = ruleset.answer(
                CAPABILITY,
                java.util.List.of(new Building(request.storeys())),
                answers -> answers.single("lift advice", LiftAdvice.class));
        return new LiftResponse(ruleset.jurisdiction(), ruleset.version(), advice.offerALift(), advice.ruleId());
    }
}
