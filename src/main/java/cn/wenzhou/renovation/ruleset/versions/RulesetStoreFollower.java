package cn.wenzhou.renovation.ruleset.versions;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes this instance serve what another instance activated or rolled back: every
 * {@code renovation.ruleset-follow-interval} (2 s by default) it compares the store's active versions
 * with its own. Cheap when nothing changed: one small query (or file read) per jurisdiction.
 */
@Component
class RulesetStoreFollower {

    private final RulesetRegistry registry;

    RulesetStoreFollower(RulesetRegistry registry) {
        this.registry = registry;
    }

    @Scheduled(
            fixedDelayString = "${renovation.ruleset-follow-interval:2s}",
            initialDelayString = "${renovation.ruleset-follow-interval:2s}")
    void follow() {
        registry.followStore();
    }
}
