package io.meetingbridge.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Counts pushes by event and outcome, refusals by reason, and times the writes. A refused push is counted
 * without its event name: that name is not trusted, and would let anyone grow the number of series.
 */
final class EventMeters {

    static final String RECEIVED = "meeting.bridge.events.received";
    static final String WRITE = "meeting.bridge.events.write";
    private static final String UNTRUSTED = "unauthenticated";
    private static final String NO_REASON = "none";

    private final MeterRegistry meters;
    private final Timer writes;

    EventMeters(MeterRegistry meters) {
        this.meters = meters;
        this.writes = Timer.builder(WRITE).description("From a genuine push to Kafka's acknowledgement of its record")
                .publishPercentileHistogram().register(meters);
        for (Refusal refusal : Refusal.values()) {
            counter(UNTRUSTED, "refused", refusal.reason());
        }
    }

    void refused(Refusal refusal) {
        counter(UNTRUSTED, "refused", refusal.reason()).increment();
    }

    /** outcome: verified, written, duplicate or unavailable (Kafka could not take it). */
    void handled(String event, String outcome) {
        counter(event, outcome, NO_REASON).increment();
    }

    void wrote(Duration took) {
        writes.record(took);
    }

    private Counter counter(String event, String outcome, String reason) {
        return Counter.builder(RECEIVED).description("Meeting event pushes received, by event, outcome and refusal reason")
                .tag("event", event).tag("outcome", outcome).tag("reason", reason).register(meters);
    }
}
