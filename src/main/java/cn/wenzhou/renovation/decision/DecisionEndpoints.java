package cn.wenzhou.renovation.decision;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every decision the service makes, by the endpoint path it answers: every {@link Decider} bean, so a receipt's
 * replay and a golden case go through exactly the code a request does, with the ruleset passed in, and a new decider
 * is found without being listed here.
 */
@Component
public class DecisionEndpoints {

    private final Map<String, Decider<?, ?>> byPath;

    DecisionEndpoints(List<Decider<?, ?>> deciders) {
        // Two deciders for one path would make a receipt's replay ambiguous: refused at startup.
        this.byPath = deciders.stream().collect(Collectors.toUnmodifiableMap(Decider::path, Function.identity()));
    }

    public Optional<Decider<?, ?>> at(String path) {
        return Optional.ofNullable(byPath.get(path));
    }
}
