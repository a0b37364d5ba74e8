package cn.wenzhou.renovation.web;

/** Stable machine-readable codes carried as {@code code} in every problem response. */
public enum ProblemCode {
    INVALID_FIELD,
    MALFORMED_REQUEST,
    UNSUPPORTED_MEDIA_TYPE,
    METHOD_NOT_ALLOWED,
    NOT_FOUND,
    UNKNOWN_JURISDICTION,
    CONSENT_INSUFFICIENT,
    DATE_NOT_IN_CALENDAR,
    PAYLOAD_TOO_LARGE,
    INVALID_WORKBOOK,
    INTERNAL_ERROR
}
