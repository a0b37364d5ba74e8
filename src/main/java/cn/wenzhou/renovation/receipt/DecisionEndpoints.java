package cn.wenzhou.renovation.receipt;

import cn.wenzhou.renovation.decision.Decider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The decisions a receipt can be kept for and replayed through: every {@link Decider} bean, by the path
 * it answers, so a replay goes through exactly the code a request does, with the ruleset it is replayed
 * under passed in, and a new decider is kept and replayed without being listed here.
 */
@Component
class DecisionEndpoints {

    private final Map<String, Decider<?, ?>> byPath;

    DecisionEndpoints(List<Decider<?, ?>> deciders) {
        // Two deciders for one path would make a receipt's replay ambiguous: refused at startup.
        this.byPath = deciders.stream().collect(Collectors.toUnmodifiableMap(Decider::path, Function.identity()));
    }

    Optional<Decider<?, ?>> at(String path) {
        return Optional.ofNullable(byPath.get(path));
    }
}
