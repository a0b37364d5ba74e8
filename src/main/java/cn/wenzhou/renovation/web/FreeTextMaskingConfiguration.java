package cn.wenzhou.renovation.web;

import cn.wenzhou.renovation.api.model.SatisfactionSurveyResponse;
import cn.wenzhou.renovation.kernel.PersonalDataMasking;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a caller wrote in free text comes back with ID numbers, phones and named contacts masked, in
 * every answer that echoes it ({@link PersonalDataMasking}): masking is done where the answer is
 * written, so no controller can forget it and a new answer with a community name is covered too.
 */
@Configuration(proxyBeanMethods = false)
class FreeTextMaskingConfiguration {

    /**
     * Properties of the API's models that carry the caller's own words: names of communities and
     * projects, satisfaction comments, unrecognised ticked items, names sent for classification.
     */
    static final Set<String> FREE_TEXT = Set.of("communityName", "projectName", "comments", "text", "input");

    private static final String API_MODELS = SatisfactionSurveyResponse.class.getPackageName();

    @Bean
    Module freeTextMasking() {
        SimpleModule module = new SimpleModule("free-text-masking");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(
                    SerializationConfig config, BeanDescription bean, List<BeanPropertyWriter> properties) {
                if (bean.getBeanClass().getPackageName().equals(API_MODELS)) {
                    properties.stream()
                            .filter(p -> FREE_TEXT.contains(p.getName()))
                            .forEach(FreeTextMaskingConfiguration::mask);
                }
                return properties;
            }
        });
        return module;
    }

    private static void mask(BeanPropertyWriter property) {
        JavaType type = property.getType();
        if (type.hasRawClass(String.class)) {
            property.assignSerializer(new MaskedText());
        } else if (type.isCollectionLikeType() && type.getContentType().hasRawClass(String.class)) {
            property.assignSerializer(new MaskedTexts());
        } else {
            throw new IllegalStateException(property.getFullName() + " is listed as free text but is a " + type);
        }
    }

    private static final class MaskedText extends StdSerializer<Object> {
        MaskedText() {
            super(Object.class);
        }

        @Override
        public void serialize(Object value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(PersonalDataMasking.mask((String) value));
        }
    }

    private static final class MaskedTexts extends StdSerializer<Object> {
        MaskedTexts() {
            super(Object.class);
        }

        @Override
        public void serialize(Object value, JsonGenerator out, SerializerProvider provider) throws IOException {
            Collection<?> texts = (Collection<?>) value;
            out.writeStartArray(value, texts.size());
            for (Object text : texts) {
                if (text == null) {
                    out.writeNull();
                } else {
                    out.writeString(PersonalDataMasking.mask((String) text));
                }
            }
            out.writeEndArray();
        }
    }
}
