package io.meetingbridge.events;

/** Why a push is refused: its HTTP status and the reason metrics and logs name. */
enum Refusal {
    METHOD(405, "method"),
    MEDIA_TYPE(415, "media-type"),
    TOO_LARGE(413, "too-large"),
    MALFORMED(400, "malformed"),
    SIGNATURE(401, "signature"),
    APP_ID(401, "app-id"),
    TOO_OLD(401, "too-old"),
    TOO_NEW(401, "too-new"),
    READ_TIMEOUT(408, "read-timeout"),
    BUSY(503, "busy");

    private final int status;
    private final String reason;

    Refusal(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }
}
