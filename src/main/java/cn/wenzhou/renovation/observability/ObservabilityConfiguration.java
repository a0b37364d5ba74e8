package cn.wenzhou.renovation.observability;

import cn.wenzhou.renovation.decision.DecisionContext;
import cn.wenzhou.renovation.ruleset.engine.ContentCaches;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Spring's own HTTP server timers ({@code http.server.requests}), tagged with the jurisdiction that
 * decided the request as well ("none" for a request that took no ruleset); and the rule-content caches'
 * hits, misses and evictions ({@code cache.*}, tagged {@code cache=compiled-rulesets} and so on).
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    static final String NONE = "none";

    @Bean
    DefaultServerRequestObservationConvention jurisdictionTaggedRequests() {
        return new DefaultServerRequestObservationConvention() {
            @Override
            public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
                return super.getLowCardinalityKeyValues(context)
                        .and(
                                "jurisdiction",
                                DecisionContext.of(context.getCarrier())
                                        .map(DecisionContext::jurisdiction)
                                        .orElse(NONE));
            }
        };
    }

    @Bean
    MeterBinder ruleContentCaches() {
        return meters ->
                ContentCaches.byName().forEach((name, cache) -> CaffeineCacheMetrics.monitor(meters, cache, name));
    }
}
