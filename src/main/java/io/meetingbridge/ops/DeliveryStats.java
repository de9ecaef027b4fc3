package io.meetingbridge.ops;

import io.meetingbridge.change.ChangeLanes;
import io.meetingbridge.change.ReceivedChange;
import io.meetingbridge.deadletter.DeadLetterHeaders;
import io.meetingbridge.deadletter.DeadLetterReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what became of each change once its output is acknowledged by the broker, as Micrometer
 * counters (so Prometheus and JMX read the same numbers), and logs it: one INFO line per applied
 * change, one WARN line per dead-lettered record.
 */
public final class DeliveryStats {

    static final String APPLIED = "meeting.bridge.changes.applied";
    static final String OCCURRENCES = "meeting.bridge.occurrences.published";
    static final String DEAD_LETTERED = "meeting.bridge.changes.dead.lettered";
    static final String RETRIES = "meeting.bridge.api.retries";
    private static final String NO_STATUS = "none";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStats.class);

    private final MeterRegistry meters;
    private final Counter applied;
    private final Counter occurrences;
    private final Counter retries;
    private volatile String lastError;

    public DeliveryStats(MeterRegistry meters) {
        this.meters = meters;
        this.applied = Counter.builder(APPLIED).description("Changes applied to the Meeting API and published")
                .register(meters);
        this.occurrences = Counter.builder(OCCURRENCES).description("Occurrence records published")
                .register(meters);
        this.retries = Counter.builder(RETRIES).description("PUT attempts repeated after a transient failure")
                .register(meters);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLetterCounter(reason.header(), NO_STATUS);
        }
    }

    public void applied(Exchange exchange) {
        int occurrenceCount = exchange.getMessage().getBody(List.class).size();
        String conferenceId = exchange.getProperty(ChangeLanes.CONFERENCE_ID, String.class);
        applied.increment();
        occurrences.increment(occurrenceCount);
        retries.increment(redeliveries(exchange));
        if (LOG.isInfoEnabled()) {
            ReceivedChange change = exchange.getProperty(ReceivedChange.PROPERTY, ReceivedChange.class);
            LOG.info("Applied change {} to conference {}: {} occurrences, HTTP {}, {} ms", change.changeId(),
                    conferenceId, occurrenceCount, exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE),
                    exchange.getClock().elapsed());
        }
    }

    public void deadLettered(Exchange exchange) {
        var record = exchange.getMessage();
        String reason = record.getHeader(DeadLetterHeaders.REASON, String.class);
        String status = record.getHeader(DeadLetterHeaders.HTTP_STATUS, NO_STATUS, String.class);
        String detail = record.getHeader(DeadLetterHeaders.DETAIL, String.class);
        deadLetterCounter(reason, status).increment();
        retries.increment(Math.max(0, record.getHeader(DeadLetterHeaders.ATTEMPTS, 0, Integer.class) - 1));
        lastError = reason + ": " + detail;
        LOG.warn("Dead-lettered change {} (reason {}, HTTP status {}): {}",
                record.getHeader(DeadLetterHeaders.CHANGE_ID), reason, status, detail);
    }

    private static int redeliveries(Exchange exchange) {
        Integer counter = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        return counter == null ? 0 : counter;
    }

    private Counter deadLetterCounter(String reason, String status) {
        return Counter.builder(DEAD_LETTERED).description("Records sent to the dead-letter topic")
                .tag("reason", reason).tag("status", status).register(meters);
    }

    public long applied() {
        return (long) applied.count();
    }

    public long occurrencesPublished() {
        return (long) occurrences.count();
    }

    public long retries() {
        return (long) retries.count();
    }

    public long deadLettered(String reason) {
        return (long) Search.in(meters).name(DEAD_LETTERED).tag("reason", reason).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** Dead-lettered records per HTTP status ("none" for those the API never answered). */
    public Map<String, Long> deadLetteredByStatus() {
        Map<String, Long> byStatus = new TreeMap<>();
        Search.in(meters).name(DEAD_LETTERED).counters().forEach(c ->
                byStatus.merge(c.getId().getTag("status"), (long) c.count(), Long::sum));
        byStatus.values().removeIf(count -> count == 0);
        return byStatus;
    }

    public String lastError() {
        return lastError;
    }
}
