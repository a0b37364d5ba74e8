package cn.wenzhou.renovation.benchmark;

import java.time.LocalDate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP baseline of BENCHMARKS.md: a plain controller that reads an eligibility-sized record and
 * writes it back, through the same filters, security and JSON settings, so the load test can say how
 * much of a decision's cost is the rules. Only with {@code renovation.benchmark.echo-endpoint=true};
 * not part of the API (nor of the spec), nor of the production jar: it lives with the tests, and
 * bench/load.sh adds it to the packaged jar's class path when it measures.
 */
@RestController
@ConditionalOnProperty(name = "renovation.benchmark.echo-endpoint", havingValue = "true")
class EchoBaselineController {

    record Deficiencies(
            boolean functionsIncomplete, boolean facilitiesIncomplete, boolean propertyManagementInadequate) {}

    record EchoedCommunity(
            String communityName,
            Integer completionYear,
            String housingKind,
            Boolean listedInShantyRenovationPlan,
            Deficiencies deficiencies,
            Boolean strongRenovationWillingness,
            LocalDate evaluationDate) {}

    @PostMapping(
            path = "/api/v1/benchmark/echo",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    EchoedCommunity echo(@RequestBody EchoedCommunity community) {
        return community;
    }
}
