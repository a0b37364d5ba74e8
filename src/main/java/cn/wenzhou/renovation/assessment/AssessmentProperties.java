package cn.wenzhou.renovation.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Limits of the batch endpoints: a city's whole inventory fits, a runaway upload does not. */
@ConfigurationProperties("renovation.assessment")
public record AssessmentProperties(
        @DefaultValue("10000") int maxBatchItems,
        @DefaultValue("20971520") long maxWorkbookBytes) {
}
