package cn.wenzhou.renovation.decision;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.versions.JurisdictionRefusedException;
import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import cn.wenzhou.renovation.ruleset.versions.ServedRuleset;
import cn.wenzhou.renovation.ruleset.versions.UnknownJurisdictionException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where an HTTP request takes its ruleset, once, and records which one in the request's
 * {@link DecisionContext}. Controllers call this and hand the ruleset to their decider.
 */
@Component
public class RequestRulesets {

    private final RulesetRegistry registry;
    private final HttpServletRequest request;

    /**
     * {@code requests} gives Spring's proxy to the request being served on the calling thread; a
     * context without a web server (the command line) has none, and its controllers are never called.
     */
    RequestRulesets(RulesetRegistry registry, ObjectProvider<HttpServletRequest> requests) {
        this.registry = registry;
        this.request = requests.getIfAvailable();
    }

    /** The ruleset serving {@code jurisdiction} (the default when null), recorded as this request's. */
    public CompiledRuleset take(String jurisdiction) {
        try {
            ServedRuleset served = registry.serving(jurisdiction);
            CompiledRuleset ruleset = served.ruleset();
            record(new DecisionContext(ruleset.jurisdiction(), ruleset.version(), served.versionNumber()));
            return ruleset;
        } catch (UnknownJurisdictionException e) {
            record(new DecisionContext(DecisionContext.UNKNOWN, null, null));
            throw e;
        } catch (JurisdictionRefusedException e) {
            record(new DecisionContext(e.jurisdiction(), null, null));
            throw e;
        }
    }

    private void record(DecisionContext context) {
        if (request != null) {
            context.attachTo(request);
        }
    }
}
