package cn.wenzhou.renovation.jurisdiction;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.wenzhou.renovation.api.JurisdictionsApi;
import cn.wenzhou.renovation.api.model.JurisdictionInfo;
import cn.wenzhou.renovation.api.model.JurisdictionListing;
import cn.wenzhou.renovation.ruleset.RulesetRegistry;

/** Lists the jurisdictions the registry serves, each with the ruleset version it answers with. */
@RestController
class JurisdictionController implements JurisdictionsApi {

    private final RulesetRegistry registry;

    JurisdictionController(RulesetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ResponseEntity<JurisdictionListing> listJurisdictions() {
        return ResponseEntity.ok(new JurisdictionListing(registry.jurisdictions().stream().map(sources -> {
            var descriptor = sources.jurisdiction();
            return new JurisdictionInfo(descriptor.code(), descriptor.name(), descriptor.demonstration(),
                    registry.active(descriptor.code()).version(), List.copyOf(sources.overridden()),
                    List.copyOf(sources.added()))
                    .parent(descriptor.parent())
                    .source(descriptor.source());
        }).toList()));
    }
}
