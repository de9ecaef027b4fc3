package io.meetingbridge.ops;

import io.meetingbridge.change.ChangeLanes;
import io.meetingbridge.change.ReceivedChange;
import io.meetingbridge.deadletter.DeadLetterHeaders;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and logs what became of each change, once its output is acknowledged by the broker: one
 * INFO line per applied change, one WARN line per dead-lettered record.
 */
public final class DeliveryStats {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStats.class);

    private final LongAdder applied = new LongAdder();
    private final LongAdder occurrences = new LongAdder();
    private final Map<String, LongAdder> deadLetteredByReason = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> deadLetteredByStatus = new ConcurrentHashMap<>();
    private final AtomicLong lastChangeAt = new AtomicLong();
    private volatile String lastError;

    public void applied(Exchange exchange) {
        int occurrenceCount = exchange.getMessage().getBody(List.class).size();
        String conferenceId = exchange.getProperty(ChangeLanes.CONFERENCE_ID, String.class);
        applied.increment();
        occurrences.add(occurrenceCount);
        lastChangeAt.set(System.currentTimeMillis());
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
        String status = record.getHeader(DeadLetterHeaders.HTTP_STATUS, "none", String.class);
        String detail = record.getHeader(DeadLetterHeaders.DETAIL, String.class);
        deadLetteredByReason.computeIfAbsent(reason, k -> new LongAdder()).increment();
        deadLetteredByStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
        lastError = reason + ": " + detail;
        LOG.warn("Dead-lettered change {} (reason {}, HTTP status {}): {}",
                record.getHeader(DeadLetterHeaders.CHANGE_ID), reason, status, detail);
    }

    public long applied() {
        return applied.sum();
    }

    public long occurrencesPublished() {
        return occurrences.sum();
    }

    public long deadLettered(String reason) {
        LongAdder count = deadLetteredByReason.get(reason);
        return count == null ? 0 : count.sum();
    }

    public Map<String, Long> deadLetteredByReason() {
        return snapshot(deadLetteredByReason);
    }

    public Map<String, Long> deadLetteredByStatus() {
        return snapshot(deadLetteredByStatus);
    }

    public String lastError() {
        return lastError;
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new java.util.TreeMap<>();
        counters.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
