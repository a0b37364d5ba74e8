package cn.wenzhou.renovation.decision;

import cn.wenzhou.renovation.api.model.Reason;
import java.util.List;
import java.util.function.Function;

/**
 * How a part of the whole-project assessment appears in the districts' Excel inventory: the columns a
 * district fills in for it, and what is written back beside them (a conclusion under its own heading, and
 * the reasons, whose texts and clauses go into the shared reason and clause columns).
 *
 * @param <A> the part's answer
 */
public record InventoryPart<A>(
        List<InventoryColumn> columns,
        String conclusionHeading,
        Function<A, String> conclusion,
        Function<A, List<Reason>> reasons) {

    public InventoryPart {
        columns = List.copyOf(columns);
    }

    /** The conclusion of an answer the assessment holds as its part's answer type. */
    @SuppressWarnings("unchecked")
    public String conclusionOf(Object answer) {
        return conclusion.apply((A) answer);
    }

    @SuppressWarnings("unchecked")
    public List<Reason> reasonsOf(Object answer) {
        return reasons.apply((A) answer);
    }
}
