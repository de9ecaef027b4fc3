package io.meetingbridge.ops;

import io.meetingbridge.failure.DeadLetterReason;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;

/** JMX view of what became of the changes: applied, published, dead-lettered, retried, paused. */
@ManagedResource(description = "meeting-series-bridge delivery")
public final class ManagedDelivery {

    private final DeliveryStats stats;
    private final ConsumptionState consumption;

    public ManagedDelivery(DeliveryStats stats, ConsumptionState consumption) {
        this.stats = stats;
        this.consumption = consumption;
    }

    @ManagedAttribute(description = "Changes applied and their occurrences published")
    public long getChangesApplied() {
        return stats.applied();
    }

    @ManagedAttribute(description = "Occurrence records published")
    public long getOccurrencesPublished() {
        return stats.occurrencesPublished();
    }

    @ManagedAttribute(description = "Records dead-lettered because the value was invalid")
    public long getDeadLetteredInvalidMessage() {
        return stats.deadLettered(DeadLetterReason.INVALID_MESSAGE.header());
    }

    @ManagedAttribute(description = "Records dead-lettered because the API refused them")
    public long getDeadLetteredRejected() {
        return stats.deadLettered(DeadLetterReason.REJECTED.header());
    }

    @ManagedAttribute(description = "Records dead-lettered after every retry failed")
    public long getDeadLetteredRetriesExhausted() {
        return stats.deadLettered(DeadLetterReason.RETRIES_EXHAUSTED.header());
    }

    @ManagedAttribute(description = "Dead-lettered records per HTTP status, e.g. 400=2, 503=1, none=4")
    public String getDeadLetteredByStatus() {
        return stats.deadLetteredByStatus().toString().replaceAll("[{}]", "");
    }

    @ManagedAttribute(description = "PUT attempts repeated after a transient failure or a rejected token")
    public long getRetries() {
        return stats.retries();
    }

    @ManagedAttribute(description = "The last dead-letter reason and detail, empty when none")
    public String getLastError() {
        String last = stats.lastError();
        return last == null ? "" : last;
    }

    @ManagedAttribute(description = "True while consumption waits for authentication or for the API")
    public boolean isConsumptionPaused() {
        return consumption.isPaused();
    }

    @ManagedAttribute(description = "Why consumption is paused, empty when it is not")
    public String getPausedReason() {
        String reason = consumption.reason();
        return reason == null ? "" : reason;
    }
}
