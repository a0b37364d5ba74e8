package cn.wenzhou.renovation.web;

import cn.wenzhou.renovation.kernel.PersonalDataMasking;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** How an input error is described to the caller: the field's JSON path and a message that never echoes text. */
public final class FieldProblems {

    private FieldProblems() {}

    /** JSON path of a mapping failure: {@code deficiencies.functionsIncomplete}, {@code items[2].name}. */
    public static String path(JsonMappingException ex) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : ex.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** What is wrong with one field, in words for staff; a rejected text is never echoed (it may be personal). */
    public static String mappingMessage(JsonMappingException ex) {
        if (ex instanceof UnrecognizedPropertyException) {
            return "未知字段 (unknown field)";
        }
        if (ex instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "取值" + echoed(format.getValue()) + "不在允许的取值范围内: " + allowed(target);
            }
            return "取值" + echoed(format.getValue()) + "的类型不对，应为 " + typeName(target);
        }
        if (ex instanceof ValueInstantiationException instantiation
                && instantiation.getType() != null
                && instantiation.getType().isEnumType()) {
            return "取值不在允许的取值范围内: " + allowed(instantiation.getType().getRawClass());
        }
        if (ex instanceof InvalidNullException) {
            return "不能为 null (null is not allowed here)";
        }
        if (ex instanceof MismatchedInputException mismatch) {
            return "类型不对，应为 " + typeName(mismatch.getTargetType());
        }
        return "无法读取该字段";
    }

    /** A rejected number or flag is shown to help the caller; text (blank, or a name typed in the wrong field) is not. */
    private static String echoed(Object value) {
        return value instanceof Number || value instanceof Boolean ? " " + abbreviate(value) + " " : "";
    }

    /** The API's own spelling of an enum's values (the generated enums keep it in toString). */
    private static String allowed(Class<?> enumType) {
        return java.util.Arrays.toString(enumType.getEnumConstants());
    }

    /**
     * A key given twice in one object (refused by {@code STRICT_DUPLICATE_DETECTION}): its JSON path, read from
     * where the parser stopped. Jackson reports it as a plain parse failure, recognisable only by its wording.
     */
    public static Optional<String> duplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException read
                    && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith("Duplicate field '")
                    && read.getProcessor() != null) {
                return Optional.of(path(read.getProcessor().getParsingContext()));
            }
        }
        return Optional.empty();
    }

    /** Content after the closing brace (refused by {@code FAIL_ON_TRAILING_TOKENS}). */
    public static boolean trailingContent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MismatchedInputException mismatch
                    && mismatch.getOriginalMessage() != null
                    && mismatch.getOriginalMessage().startsWith("Trailing token")) {
                return true;
            }
        }
        return false;
    }

    /** Why the body as a whole cannot be read, without Jackson's wording (which names Java classes). */
    public static String unreadableBody(Throwable failure) {
        if (trailingContent(failure)) {
            return "请求体在 JSON 对象结束（}）之后还有多余内容 (content after the closing brace)";
        }
        if (failure instanceof MismatchedInputException) {
            return "请求体应为一个 JSON 对象 {…} (the body must be a JSON object)";
        }
        if (failure instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation();
            String where = at == null || at.getLineNr() < 1
                    ? ""
                    : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列附近）";
            return "请求体不是合法的 JSON" + where + " (the body is not valid JSON)";
        }
        return "请求体缺失或无法读取 (request body is missing or unreadable)";
    }

    /** {@code deficiencies.functionsIncomplete}, {@code items[2].name}: the path of the parser's current place. */
    private static String path(JsonStreamContext context) {
        Deque<JsonStreamContext> outermostFirst = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            outermostFirst.push(c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : outermostFirst) {
            if (c.inArray()) {
                path.append('[').append(c.getCurrentIndex()).append(']');
            } else if (c.getCurrentName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(c.getCurrentName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "约定的类型";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "数字 (number)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true 或 false (boolean)";
        }
        if (type == String.class) {
            return "字符串 (string)";
        }
        if (type.getName().startsWith("java.time")) {
            return "日期 YYYY-MM-DD (date)";
        }
        return "对象 (object)";
    }

    /**
     * Echoes a rejected number, flag or date to help the caller, never rejected text: a text field
     * may hold a resident's name, ID number or phone.
     */
    public static String describe(String message, Object rejected) {
        boolean harmless = rejected instanceof Number
                || rejected instanceof Boolean
                || rejected instanceof Enum<?>
                || rejected instanceof java.time.temporal.Temporal;
        return harmless ? message + "（收到 " + abbreviate(rejected) + "）" : message;
    }

    /** Never echo a long or possibly personal value in full. */
    public static String abbreviate(Object value) {
        String text = PersonalDataMasking.mask(String.valueOf(value));
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** Hibernate Validator names a list's element {@code documents[0].<list element>}; the API says {@code documents[0]}. */
    private static final java.util.regex.Pattern CONTAINER_ELEMENT = java.util.regex.Pattern.compile("\\.<[^>]+>");

    /** The request field a constraint violation is about, as the API names it ({@code documents[0]}). */
    public static String field(jakarta.validation.ConstraintViolation<?> violation) {
        return CONTAINER_ELEMENT.matcher(violation.getPropertyPath().toString()).replaceAll("");
    }
}
