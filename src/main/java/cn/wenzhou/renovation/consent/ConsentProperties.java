package cn.wenzhou.renovation.consent;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Input checks of a vote (data quality, not policy).
 *
 * @param areaRoundingPerEntry how far the sum of the listed areas may exceed the declared total,
 *                             per listed entry: each area rounded to 0.01 m² may be off by 0.005
 * @param maxRosterEntries     the largest roster one request may carry
 */
@ConfigurationProperties("renovation.consent")
record ConsentProperties(
        @DefaultValue("0.005") BigDecimal areaRoundingPerEntry,
        @DefaultValue("5000") int maxRosterEntries) {}
