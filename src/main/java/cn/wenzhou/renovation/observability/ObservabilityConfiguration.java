package cn.wenzhou.renovation.observability;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

import cn.wenzhou.renovation.ruleset.RulesetRegistry;
import io.micrometer.common.KeyValues;

/** Spring's own HTTP server timers ({@code http.server.requests}), tagged with the jurisdiction as well. */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    DefaultServerRequestObservationConvention jurisdictionTaggedRequests(RulesetRegistry registry,
            @Value("${renovation.jurisdiction:wenzhou}") String defaultJurisdiction) {
        return new DefaultServerRequestObservationConvention() {
            @Override
            public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
                return super.getLowCardinalityKeyValues(context).and("jurisdiction",
                        RequestJurisdiction.of(context.getCarrier(), registry, defaultJurisdiction));
            }
        };
    }
}
