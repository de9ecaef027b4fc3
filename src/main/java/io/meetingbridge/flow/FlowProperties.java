package io.meetingbridge.flow;

/**
 * The exchange properties the routes and the beans share: the one place their names are written.
 * The route file uses the same strings; a test checks that it names no other property.
 */
public final class FlowProperties {

    /** The lane a {@code run-lane} exchange works through (a {@code change.Lane}). */
    public static final String LANE = "lane";

    /** The input record in flight, parsed (a {@code change.ReceivedChange}). */
    public static final String RECEIVED_CHANGE = "receivedChange";

    /** The validated change's conferenceID: the query of the PUT and the key of its outputs. */
    public static final String CONFERENCE_ID = "conferenceId";

    /** The key the duplicate filter remembers: conferenceID and changeId, so ids reused by another series never collide. */
    public static final String APPLIED_CHANGE_KEY = "appliedChangeKey";

    /** Why the change goes to the dead-letter topic (a {@code deadletter.DeadLetterReason}), chosen by the failure policy. */
    public static final String DEAD_LETTER_REASON = "deadLetterReason";

    /** How many requests the change has sent to the Meeting API so far (the PUT and its retries). */
    public static final String API_ATTEMPTS = "apiAttempts";

    /** The retries of transient failures the change has used, and the retry after a 401 (0 or 1). */
    public static final String TRANSIENT_RETRIES = "transientRetries";
    public static final String TOKEN_RETRIES = "tokenRetries";

    private FlowProperties() {
    }
}
