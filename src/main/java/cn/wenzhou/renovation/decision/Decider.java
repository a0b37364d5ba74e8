package cn.wenzhou.renovation.decision;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.util.Optional;

/**
 * A decision the service makes with the ruleset its caller took: what it reads, how it decides, and the
 * endpoint path it answers (from the spec). Every decider is a Spring bean, and whatever serves all
 * decisions (receipts and their replay) finds them as such, so a new decider needs no list.
 *
 * @param <Q> the request, as the spec defines it
 * @param <A> the answer
 */
public interface Decider<Q, A> {

    /** The endpoint this decision answers, as the spec names it, e.g. {@code /api/v1/eligibility}. */
    String path();

    Class<Q> requestType();

    /**
     * The property this decision answers under in a whole-project assessment, as the spec names it
     * ({@code eligibility}, {@code approvals}…), if it is one of its parts.
     */
    default Optional<String> assessmentPart() {
        return Optional.empty();
    }

    /** The columns a district fills in for this part in the Excel inventory, and the conclusion written back. */
    default Optional<InventoryPart<A>> inventoryPart() {
        return Optional.empty();
    }

    /** Decides under {@code ruleset} only; throws a {@code kernel.ProblemException} for a request it refuses. */
    A decide(CompiledRuleset ruleset, Q request);

    /** Decides a request read elsewhere (a stored receipt), checked against {@link #requestType()}. */
    default A decideRead(CompiledRuleset ruleset, Object request) {
        return decide(ruleset, requestType().cast(request));
    }
}
