package cn.wenzhou.renovation.web;

/** Stable machine-readable codes carried as {@code code} in every problem response. */
public enum ProblemCode {
    INVALID_FIELD,
    MALFORMED_REQUEST,
    UNSUPPORTED_MEDIA_TYPE,
    METHOD_NOT_ALLOWED,
    NOT_FOUND,
    UNKNOWN_JURISDICTION,
    JURISDICTION_REFUSED,
    CONSENT_INSUFFICIENT,
    DATE_NOT_IN_CALENDAR,
    PAYLOAD_TOO_LARGE,
    INVALID_WORKBOOK,
    UNAUTHENTICATED,
    TOO_MANY_LOGIN_ATTEMPTS,
    FORBIDDEN,
    RULESET_INVALID,
    UNKNOWN_VERSION,
    UNKNOWN_RECEIPT,
    STORAGE_UNAVAILABLE,
    BUSY,
    INTERNAL_ERROR;

    /** The {@code type} of every 400 problem, in a response and inside a batch result alike. */
    public static final java.net.URI INVALID_REQUEST_TYPE =
            java.net.URI.create("https://wenzhou-renovation.example/problems/invalid-request");
}
