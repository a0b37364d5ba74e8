package cn.wenzhou.renovation.web;

import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Swagger UI without springdoc's reflected spec: {@code springdoc.api-docs.enabled=false} turns the
 * reflection off, these beans keep the UI, and {@code springdoc.swagger-ui.url} points it at
 * {@code openapi/renovation-api.yaml}, the file the server interfaces are generated from
 * (springdoc FAQ, "use provided spec.yml").
 */
@Configuration(proxyBeanMethods = false)
class SwaggerUiConfiguration {

    @Bean
    SpringDocConfiguration springDocConfiguration() {
        return new SpringDocConfiguration();
    }

    @Bean
    SpringDocConfigProperties springDocConfigProperties() {
        return new SpringDocConfigProperties();
    }

    @Bean
    ObjectMapperProvider objectMapperProvider(SpringDocConfigProperties springDocConfigProperties) {
        return new ObjectMapperProvider(springDocConfigProperties);
    }
}
