package io.meetingbridge.failure;

/** Why a record went to the dead-letter topic: the value of {@code dlq-reason}. */
public enum DeadLetterReason {
    /** The value is not JSON or breaks a rule of the input contract; the API was not called. */
    INVALID_MESSAGE("invalid-message"),
    /** The API refused the change with an answer that retrying cannot change. */
    REJECTED("rejected"),
    /** The API stayed unavailable for every attempt the retry policy allows. */
    RETRIES_EXHAUSTED("retries-exhausted"),
    /** The change is older than the last one applied to its series; it was not sent. */
    SUPERSEDED("superseded"),
    /** The bridge could not decide safely (a create interrupted after its POST, matched by several series). */
    NEEDS_REVIEW("needs-review");

    private final String header;

    DeadLetterReason(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }
}
