package cn.wenzhou.renovation.kernel;

/** One entry of a problem's {@code errors}: the request field at fault and what was expected of it. */
public record FieldProblem(String field, String message) {}
