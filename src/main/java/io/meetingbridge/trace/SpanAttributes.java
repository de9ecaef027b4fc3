package io.meetingbridge.trace;

/**
 * The names of the attributes the bridge puts on its spans: OpenTelemetry's messaging conventions for where a
 * change came from, {@code meeting.*} for what it is and what became of it (search a change's trace by
 * {@code meeting.change.id}).
 */
public final class SpanAttributes {

    public static final String MESSAGING_SYSTEM = "messaging.system";
    public static final String DESTINATION = "messaging.destination.name";
    public static final String PARTITION = "messaging.destination.partition.id";
    public static final String OFFSET = "messaging.kafka.offset";

    public static final String CHANGE_ID = "meeting.change.id";
    public static final String CONFERENCE_ID = "meeting.conference.id";
    public static final String SERIES_KEY = "meeting.series.key";
    public static final String ACTION = "meeting.action";
    /** applied, already-applied, dead-lettered, or read-again (the batch stopped; the change runs again). */
    public static final String OUTCOME = "meeting.outcome";
    /** The dead letter's {@code dlq-reason}. */
    public static final String DLQ_REASON = "meeting.dlq.reason";

    /** One request to the Meeting API: its place among the tries of one call, and what it waited for. */
    public static final String API_ATTEMPT = "meeting.api.attempt";
    public static final String API_REQUEST_ID = "meeting.api.request_id";
    public static final String API_QUOTA_WAIT_MS = "meeting.api.quota_wait_ms";
    public static final String API_CIRCUIT_WAIT_MS = "meeting.api.circuit_wait_ms";

    private SpanAttributes() {
    }
}
