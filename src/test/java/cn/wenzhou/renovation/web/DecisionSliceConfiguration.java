package cn.wenzhou.renovation.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The web conventions a decision controller answers under, as the application configures them: a slice
 * does not scan configuration classes or {@code @ConfigurationProperties}, so they are named here.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, LoginLimitProperties.class, CorsProperties.class})
@Import({
    StrictJsonConfiguration.class,
    NullElementsConfiguration.class,
    FreeTextMaskingConfiguration.class,
    SecurityConfiguration.class,
    PortalCorsConfiguration.class
})
class DecisionSliceConfiguration {}
