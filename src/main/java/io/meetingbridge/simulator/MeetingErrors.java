package io.meetingbridge.simulator;

/**
 * The error codes the simulator answers with. MMC.111070001, MMC.111070005, MMC.100000429 and
 * USG.000000004 are seen in the real API (shared/reference/meeting-api-facts.md, section 4); the
 * lifecycle codes come from the client SDK's error table with the server's MMC. prefix (section 7); the
 * real catalogue of App ID authentication errors is not public, so the other USG codes are the simulator's own.
 */
public final class MeetingErrors {

    /** A parameter or body field is invalid; error_msg names it. */
    public static final String INVALID_PARAMETER = "MMC.111070001";
    public static final String SYSTEM_FAILURE = "MMC.111070003";
    /** CONF_DATA_NOT_FOUND: the meeting or occurrence does not exist, or no longer does (cancelled, over). */
    public static final String MEETING_NOT_FOUND = "MMC.111070005";
    /** CONF_MODIFY_FAIL_AS_CONF_ALREADY_STARTED. */
    public static final String MEETING_ALREADY_STARTED = "MMC.111071065";
    /** An occurrence cancel without cycleSubConfIDs. */
    public static final String OCCURRENCE_IDS_EMPTY = "MMC.111071016";
    public static final String FLOW_CONTROL = "MMC.100000429";
    /** The API gateway's answer for a path or method it does not serve. */
    public static final String API_NOT_FOUND = "APIG.0101";
    public static final String AUTH_REQUEST_MALFORMED = "USG.000000001";
    /** App ID authentication refused: unknown App ID, bad signature, expired expireTime, wrong clientType or nonce. */
    public static final String AUTH_FAILED = "USG.000000002";
    public static final String AUTH_UNAVAILABLE = "USG.000000003";
    /** The access token is missing, unknown, expired or revoked. */
    public static final String TOKEN_INVALID = "USG.000000004";
    /** SP mode: the App may not act for this enterprise (corpId). */
    public static final String TENANT_REFUSED = "USG.000000005";
    /** SP mode: the token is another enterprise's than the meeting's. */
    public static final String OTHER_TENANT = "MMC.111070006";

    private MeetingErrors() {
    }

    /** 400: a parameter or body field is invalid; the reason names it. */
    static ApiResponse invalidParameter(String reason) {
        return ApiResponse.error(400, INVALID_PARAMETER, reason);
    }

    /** 400 with CONF_DATA_NOT_FOUND, as the service answers (HTTP 400, not 404) for an unknown or gone meeting. */
    static ApiResponse meetingNotFound() {
        return ApiResponse.error(400, MEETING_NOT_FOUND, "meeting does not exist");
    }

    static ApiResponse alreadyStarted() {
        return ApiResponse.error(400, MEETING_ALREADY_STARTED, "the meeting has already started");
    }

    /** The error the real service typically sends with a status, for faults that are given only a status. */
    public static ApiResponse typicalFor(int status) {
        return switch (status) {
            case 401 -> ApiResponse.error(status, TOKEN_INVALID, "token invalid or expired");
            case 429 -> ApiResponse.error(status, FLOW_CONTROL, "server flow control");
            default -> status >= 500
                    ? ApiResponse.error(status, SYSTEM_FAILURE, "system failure (injected)")
                    : ApiResponse.error(status, INVALID_PARAMETER, "request rejected (injected)");
        };
    }
}
