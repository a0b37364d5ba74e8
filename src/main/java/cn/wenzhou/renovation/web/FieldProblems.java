package cn.wenzhou.renovation.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** How an input error is described to the caller: the field's JSON path and a message that never echoes text. */
public final class FieldProblems {

    private FieldProblems() {
    }

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

    public static String mappingMessage(JsonMappingException ex) {
        if (ex instanceof UnrecognizedPropertyException) {
            return "未知字段 (unknown field)";
        }
        if (ex instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "取值 " + abbreviate(format.getValue()) + " 不在允许的取值范围内: "
                        + java.util.Arrays.toString(target.getEnumConstants());
            }
            return "取值 " + abbreviate(format.getValue()) + " 的类型不对，应为 " + typeName(target);
        }
        if (ex instanceof InvalidNullException) {
            return "不能为 null (null is not allowed here)";
        }
        if (ex instanceof MismatchedInputException mismatch) {
            return "类型不对，应为 " + typeName(mismatch.getTargetType());
        }
        return "无法读取该字段";
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
        boolean harmless = rejected instanceof Number || rejected instanceof Boolean || rejected instanceof Enum<?>
                || rejected instanceof java.time.temporal.Temporal;
        return harmless ? message + "（收到 " + abbreviate(rejected) + "）" : message;
    }

    /** Never echo a long or possibly personal value in full. */
    public static String abbreviate(Object value) {
        String text = PersonalDataMasking.mask(String.valueOf(value));
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
