package io.meetingbridge.deadletter;

import io.meetingbridge.change.ReceivedChange;
import io.meetingbridge.change.SourceRecord;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.common.header.Header;

/**
 * Owns what a dead-letter record carries: the input's key and value byte for byte, its own headers,
 * and the {@code dlq-*} headers that say what went wrong. Replaces the exchange's message with it.
 */
public final class DeadLetterRecords {

    /** The exchange property naming the {@link DeadLetterReason} chosen by the failure policy. */
    public static final String REASON_PROPERTY = "deadLetterReason";

    private final Clock clock;

    public DeadLetterRecords(Clock clock) {
        this.clock = clock;
    }

    public void prepare(Exchange exchange) {
        ReceivedChange change = exchange.getProperty(ReceivedChange.PROPERTY, ReceivedChange.class);
        DeadLetterReason reason = exchange.getProperty(REASON_PROPERTY, DeadLetterReason.class);
        Throwable exception = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int attempts = reason == DeadLetterReason.INVALID_MESSAGE ? 0 : putsMade(exchange);
        Failure failure = Failure.of(reason, exception, attempts);
        SourceRecord source = change.source();

        Message record = exchange.getMessage();
        record.getHeaders().clear();
        record.setBody(source.value());
        if (source.key() != null) {
            record.setHeader(KafkaConstants.KEY, source.key());
        }
        for (Header header : source.headers()) {
            if (!DeadLetterHeaders.ALL.contains(header.key()) && header.value() != null) {
                record.setHeader(header.key(), header.value());
            }
        }
        record.setHeader(DeadLetterHeaders.REASON, reason.header());
        record.setHeader(DeadLetterHeaders.DETAIL, failure.detail());
        setIfPresent(record, DeadLetterHeaders.HTTP_STATUS, failure.httpStatus());
        setIfPresent(record, DeadLetterHeaders.ERROR_CODE, failure.errorCode());
        setIfPresent(record, DeadLetterHeaders.ERROR_MESSAGE, failure.errorMessage());
        setIfPresent(record, DeadLetterHeaders.REQUEST_ID, failure.requestId());
        setIfPresent(record, DeadLetterHeaders.EXCEPTION_CLASS, failure.exceptionClass());
        record.setHeader(DeadLetterHeaders.ORIGINAL_TOPIC, source.topic());
        record.setHeader(DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(source.partition()));
        record.setHeader(DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(source.offset()));
        record.setHeader(DeadLetterHeaders.ORIGINAL_TIMESTAMP, Long.toString(source.timestamp()));
        record.setHeader(DeadLetterHeaders.ATTEMPTS, Integer.toString(attempts));
        record.setHeader(DeadLetterHeaders.FAILED_AT, DateTimeFormatter.ISO_INSTANT.format(clock.instant()));
        record.setHeader(DeadLetterHeaders.CHANGE_ID, change.changeId());
    }

    /** Redeliveries repeat only the PUT, so the attempts are the redeliveries plus the first call. */
    private static int putsMade(Exchange exchange) {
        Integer redeliveries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        return redeliveries == null ? 1 : redeliveries + 1;
    }

    private static void setIfPresent(Message record, String name, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            record.setHeader(name, value.toString());
        }
    }
}
