package io.meetingbridge.deadletter;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Which dead-letter records to replay: by reason, by HTTP status, by when they failed (from inclusive,
 * to exclusive). A criterion left null matches every record.
 */
public record ReplaySelection(String reason, String httpStatus, Instant from, Instant to) {

    public boolean matches(ConsumerRecord<byte[], byte[]> record) {
        if (reason != null && !reason.equals(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.REASON))) {
            return false;
        }
        if (httpStatus != null && !httpStatus.equals(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.HTTP_STATUS))) {
            return false;
        }
        if (from == null && to == null) {
            return true;
        }
        String failedAt = DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.FAILED_AT);
        if (failedAt == null) {
            return false;
        }
        Instant at = Instant.parse(failedAt);
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }

    @Override
    public String toString() {
        return "reason=" + (reason == null ? "any" : reason) + ", status=" + (httpStatus == null ? "any" : httpStatus)
                + ", failed from " + (from == null ? "the start" : from) + " to " + (to == null ? "now" : to);
    }
}
