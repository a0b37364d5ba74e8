package cn.wenzhou.renovation.web;

import cn.wenzhou.renovation.kernel.PersonalDataMasking;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Structured logs ({@code logging.structured.format.console=ecs}, logstash, gelf) write the message
 * without logback's %m converter, so {@link PersonalDataMasking} is applied here to the message and
 * stack trace members. Registered as {@code logging.structured.json.customizer} in application.yaml.
 */
public class StructuredLogMasking implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PersonalDataMasking::mask)
                .whenHasPath(
                        path -> path.name().contains("message") || path.name().equals("stack_trace")));
    }
}
