package io.meetingbridge.ops;

import io.meetingbridge.change.ChangeAction;
import io.meetingbridge.change.ReceivedChange;
import io.meetingbridge.change.ValidChange;
import io.meetingbridge.deadletter.DeadLetterHeaders;
import io.meetingbridge.failure.DeadLetterReason;
import io.meetingbridge.flow.FlowProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what became of each change once its output is acknowledged by the broker, as Micrometer
 * counters (so Prometheus and JMX read the same numbers), and logs it: one INFO line per applied
 * change, one WARN line per dead-lettered record.
 */
public final class DeliveryStats {

    static final String APPLIED = "meeting.bridge.changes.applied";
    static final String SKIPPED = "meeting.bridge.changes.skipped";
    static final String OCCURRENCES = "meeting.bridge.occurrences.published";
    static final String DEAD_LETTERED = "meeting.bridge.changes.dead.lettered";
    static final String RETRIES = "meeting.bridge.api.retries";
    private static final String NO_STATUS = "none";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStats.class);

    private final MeterRegistry meters;
    private final Map<ChangeAction, Counter> applied = new EnumMap<>(ChangeAction.class);
    private final Counter skipped;
    private final Counter occurrences;
    private final Counter retries;
    private volatile String lastError;

    public DeliveryStats(MeterRegistry meters) {
        this.meters = meters;
        for (ChangeAction action : ChangeAction.values()) {
            applied.put(action, Counter.builder(APPLIED).description("Changes applied to the Meeting API and published")
                    .tag("action", action.wireName()).register(meters));
        }
        this.skipped = Counter.builder(SKIPPED)
                .description("Changes read again after the series ledger recorded them as applied: nothing to do")
                .register(meters);
        this.occurrences = Counter.builder(OCCURRENCES).description("Occurrence records published")
                .register(meters);
        this.retries = Counter.builder(RETRIES).description("PUT attempts repeated after a transient failure")
                .register(meters);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLetterCounter(reason.header(), NO_STATUS);
        }
    }

    public void applied(@Body List<?> occurrenceRecords,
                        @ExchangeProperty(FlowProperties.RECEIVED_CHANGE) ReceivedChange change,
                        @ExchangeProperty(FlowProperties.VALID_CHANGE) ValidChange valid,
                        @ExchangeProperty(FlowProperties.CONFERENCE_ID) String conferenceId,
                        @ExchangeProperty(FlowProperties.API_ATTEMPTS) Integer apiAttempts) {
        applied.get(valid.action()).increment();
        occurrences.increment(occurrenceRecords.size());
        retries.increment(apiAttempts == null ? 0 : Math.max(0, apiAttempts - 1));
        LOG.info("Applied change {} ({}) to conference {}: {} occurrence record(s) after {} API call(s)",
                change.changeId(), valid.action().wireName(), conferenceId, occurrenceRecords.size(),
                apiAttempts == null ? 0 : apiAttempts);
    }

    /** The change was read again after it was applied in full: its outputs are published already. */
    public void alreadyApplied() {
        skipped.increment();
    }

    public void deadLettered(@Body ProducerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        String reason = DeadLetterHeaders.text(headers, DeadLetterHeaders.REASON);
        String status = Objects.requireNonNullElse(DeadLetterHeaders.text(headers, DeadLetterHeaders.HTTP_STATUS), NO_STATUS);
        String detail = DeadLetterHeaders.text(headers, DeadLetterHeaders.DETAIL);
        deadLetterCounter(reason, status).increment();
        String attempts = DeadLetterHeaders.text(headers, DeadLetterHeaders.ATTEMPTS);
        retries.increment(Math.max(0, attempts == null ? 0 : Integer.parseInt(attempts) - 1));
        lastError = reason + ": " + detail;
        LOG.warn("Dead-lettered change {} (reason {}, HTTP status {}): {}",
                DeadLetterHeaders.text(headers, DeadLetterHeaders.CHANGE_ID), reason, status, detail);
    }

    private Counter deadLetterCounter(String reason, String status) {
        return Counter.builder(DEAD_LETTERED).description("Records sent to the dead-letter topic")
                .tag("reason", reason).tag("status", status).register(meters);
    }

    public long applied() {
        return (long) applied.values().stream().mapToDouble(Counter::count).sum();
    }

    public long applied(ChangeAction action) {
        return (long) applied.get(action).count();
    }

    public long alreadyAppliedCount() {
        return (long) skipped.count();
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
