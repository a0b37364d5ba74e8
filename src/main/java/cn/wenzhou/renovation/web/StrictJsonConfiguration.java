package cn.wenzhou.renovation.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A request body means exactly what it says, for every endpoint at once:
 * <ul>
 * <li>a string where a number, flag or date belongs is refused whatever it holds. {@code allow-coercion-of-scalars:
 * false} refuses {@code "2029"} and {@code ""}, but Jackson asks a separate question for a blank string
 * ({@code " "}, a tab, a NUL: everything at or below U+0020) and by default reads it as absent, so a planned
 * expropriation year of {@code " "} silently became "no expropriation planned";</li>
 * <li>a key given twice is refused rather than the last one winning;</li>
 * <li>anything after the closing brace is refused rather than ignored.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder.featuresToEnable(
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .postConfigurer(mapper -> {
                    mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false);
                    for (LogicalType scalar : new LogicalType[] {
                        LogicalType.Integer,
                        LogicalType.Float,
                        LogicalType.Boolean,
                        LogicalType.DateTime,
                        LogicalType.Enum
                    }) {
                        mapper.coercionConfigFor(scalar)
                                .setAcceptBlankAsEmpty(false)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                    }
                });
    }
}
