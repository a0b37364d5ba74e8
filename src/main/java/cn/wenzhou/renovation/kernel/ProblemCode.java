package cn.wenzhou.renovation.kernel;

import java.net.URI;
import java.util.Locale;

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
    UNKNOWN_SUBMISSION,
    SUBMISSION_DECIDED,
    UNKNOWN_RECEIPT,
    STORAGE_UNAVAILABLE,
    BUSY,
    INTERNAL_ERROR;

    private static final String TYPES = "https://wenzhou-renovation.example/problems/";

    /** The {@code type} of every 400 problem, in a response and inside a batch result alike. */
    public static final URI INVALID_REQUEST_TYPE = URI.create(TYPES + "invalid-request");

    /**
     * The problem's {@code type}: the one 400 type for every request the caller must correct, otherwise one
     * per code ({@code UNKNOWN_JURISDICTION} → {@code …/problems/unknown-jurisdiction}), never about:blank.
     */
    public URI type() {
        return switch (this) {
            case INVALID_FIELD, MALFORMED_REQUEST, INVALID_WORKBOOK -> INVALID_REQUEST_TYPE;
            default -> URI.create(TYPES + name().toLowerCase(Locale.ROOT).replace('_', '-'));
        };
    }
}
