package cn.wenzhou.renovation.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No list in this API may hold {@code null}: a {@code [null]} element is refused while the body is read,
 * as a 400 naming the element, instead of reaching the code as a null it never expects.
 */
@Configuration(proxyBeanMethods = false)
class NullElementsConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer nullElementsRefused() {
        return builder -> builder.postConfigurer(mapper -> {
            for (Class<?> container : List.of(List.class, Set.class, Collection.class)) {
                mapper.configOverride(container).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
            }
        });
    }
}
