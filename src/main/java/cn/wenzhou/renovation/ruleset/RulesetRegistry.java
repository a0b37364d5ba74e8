package cn.wenzhou.renovation.ruleset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The active ruleset of each jurisdiction, validated once at startup; a request takes its ruleset
 * once and uses only that one.
 *
 * <p>The Wenzhou base must be valid or the service does not start: there would be nothing to serve.
 * A county variant that fails validation (a broken cell, rules below the law) is refused on its own,
 * logged and listed with its findings, and the base and the other counties go on serving: one county's
 * bad edit does not take the others down.
 */
@Component
public class RulesetRegistry {

    private static final Logger log = LoggerFactory.getLogger(RulesetRegistry.class);

    private final AtomicReference<Map<String, CompiledRuleset>> active;
    private final Map<String, RulesetValidation> validations;
    private final String defaultJurisdiction;

    public RulesetRegistry(RulesetProperties properties, List<RulesetCheck> checks) {
        RulesetValidator validator = new RulesetValidator(checks);
        Map<String, CompiledRuleset> served = new LinkedHashMap<>();
        Map<String, RulesetValidation> byCode = new LinkedHashMap<>();
        for (RulesetSources jurisdiction : RulesetSources.load(properties.rulesDir(), properties.decisionTablesDir())) {
            RulesetValidation validation = validator.validate(jurisdiction);
            String code = validation.jurisdiction();
            if (validation.valid()) {
                served.put(code, validation.ruleset());
            } else if (JurisdictionDescriptor.BASE.equals(code)) {
                throw validation.failure();
            } else {
                log.error("County variant '{}' is refused and not served:\n{}", code, validation.failure().getMessage());
            }
            byCode.put(code, validation);
        }
        this.defaultJurisdiction = properties.jurisdiction();
        this.validations = Collections.unmodifiableMap(byCode);
        this.active = new AtomicReference<>(Collections.unmodifiableMap(served));
        active(defaultJurisdiction);
    }

    /** Every jurisdiction found, served or refused, the base first, with what its validation found. */
    public List<RulesetValidation> jurisdictions() {
        return List.copyOf(validations.values());
    }

    /** What validating a jurisdiction found; empty for a code with no folder. */
    public Optional<RulesetValidation> validation(String jurisdiction) {
        return Optional.ofNullable(validations.get(jurisdiction));
    }

    /** The ruleset currently serving the given jurisdiction. */
    public CompiledRuleset active(String jurisdiction) {
        CompiledRuleset ruleset = active.get().get(jurisdiction);
        if (ruleset != null) {
            return ruleset;
        }
        RulesetValidation refused = validations.get(jurisdiction);
        if (refused != null) {
            throw new JurisdictionRefusedException(jurisdiction, refused.findings());
        }
        throw new UnknownJurisdictionException(jurisdiction);
    }

    /** Whether the jurisdiction is served now (found and valid). */
    public boolean isServed(String jurisdiction) {
        return active.get().containsKey(jurisdiction);
    }

    /** The ruleset a request asked for with {@code ?jurisdiction=}, or the default when it named none. */
    public CompiledRuleset forRequest(String jurisdiction) {
        return jurisdiction == null ? defaultRuleset() : active(jurisdiction);
    }

    public CompiledRuleset defaultRuleset() {
        return active(defaultJurisdiction);
    }
}
