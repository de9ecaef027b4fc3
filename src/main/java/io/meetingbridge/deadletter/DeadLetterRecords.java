package io.meetingbridge.deadletter;

import io.meetingbridge.change.ReceivedChange;
import io.meetingbridge.change.SourceRecord;
import io.meetingbridge.failure.DeadLetterReason;
import io.meetingbridge.failure.Failure;
import io.meetingbridge.flow.FlowProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Owns what a dead-letter record carries: the input's key, value and headers byte for byte (as data,
 * never through Camel's message headers, which camel-kafka would obey as instructions), and the
 * {@code dlq-*} headers that say what went wrong.
 */
public final class DeadLetterRecords {

    private final String topic;
    private final Clock clock;
    private final ReplayOrigin replayOrigin;

    public DeadLetterRecords(String topic, Clock clock, ReplayOrigin replayOrigin) {
        this.topic = topic;
        this.clock = clock;
        this.replayOrigin = replayOrigin;
    }

    /** The dead letter of the change in flight, for the reason the failure policy chose. */
    public ProducerRecord<byte[], byte[]> prepare(@ExchangeProperty(FlowProperties.RECEIVED_CHANGE) ReceivedChange change,
                                                  @ExchangeProperty(FlowProperties.DEAD_LETTER_REASON) DeadLetterReason reason,
                                                  @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable exception,
                                                  @ExchangeProperty(FlowProperties.API_ATTEMPTS) Integer apiAttempts,
                                                  @ExchangeProperty(FlowProperties.TENANT) String tenant) {
        int attempts = reason == DeadLetterReason.INVALID_MESSAGE || apiAttempts == null ? 0 : apiAttempts;
        Failure failure = Failure.of(reason, exception, attempts);
        SourceRecord source = change.source();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, source.key(), source.value());
        for (Header header : source.headers()) {
            if (!DeadLetterHeaders.isBridgeOwned(header.key())) {
                record.headers().add(header);
            }
        }
        Headers headers = record.headers();
        add(headers, DeadLetterHeaders.REASON, reason.header());
        add(headers, DeadLetterHeaders.DETAIL, failure.detail());
        add(headers, DeadLetterHeaders.HTTP_STATUS, failure.httpStatus());
        add(headers, DeadLetterHeaders.ERROR_CODE, failure.errorCode());
        add(headers, DeadLetterHeaders.ERROR_MESSAGE, failure.errorMessage());
        add(headers, DeadLetterHeaders.REQUEST_ID, failure.requestId());
        add(headers, DeadLetterHeaders.EXCEPTION_CLASS, failure.exceptionClass());
        add(headers, DeadLetterHeaders.ORIGINAL_TOPIC, source.topic());
        add(headers, DeadLetterHeaders.ORIGINAL_PARTITION, source.partition());
        add(headers, DeadLetterHeaders.ORIGINAL_OFFSET, source.offset());
        add(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP, source.timestamp());
        add(headers, DeadLetterHeaders.ATTEMPTS, attempts);
        add(headers, DeadLetterHeaders.FAILED_AT, DateTimeFormatter.ISO_INSTANT.format(clock.instant()));
        add(headers, DeadLetterHeaders.CHANGE_ID, change.changeId());
        add(headers, DeadLetterHeaders.TENANT, tenant);
        // a replay of this record keeps the place in its series' history where it was first published
        replayOrigin.stamp(headers, replayOrigin.of(source), source.value());
        return record;
    }

    /**
     * The dead letter as a reference, for a record too large to be written back: no value, the value's size
     * in {@code dlq-value-omitted}, and a detail that says why and where the original is. The input's own
     * headers and key stay only when asked, so that a last resort always fits.
     */
    static ProducerRecord<byte[], byte[]> reference(ProducerRecord<byte[], byte[]> full, String why,
                                                    boolean keepInputHeaders, boolean keepKey) {
        ProducerRecord<byte[], byte[]> reference = new ProducerRecord<>(full.topic(), keepKey ? full.key() : null, null);
        int valueSize = full.value() == null ? 0 : full.value().length;
        for (Header header : full.headers()) {
            boolean bridgeOwned = DeadLetterHeaders.isBridgeOwned(header.key());
            if (DeadLetterHeaders.DETAIL.equals(header.key())) {
                String detail = new String(header.value(), StandardCharsets.UTF_8);
                add(reference.headers(), DeadLetterHeaders.DETAIL, detail + " The value (" + valueSize
                        + " bytes) is omitted: " + why + "; the original stays on " + DeadLetterHeaders.text(
                        full.headers(), DeadLetterHeaders.ORIGINAL_TOPIC) + " at the dlq-original-* coordinates.");
            } else if (bridgeOwned || keepInputHeaders) {
                reference.headers().add(header);
            }
        }
        add(reference.headers(), DeadLetterHeaders.VALUE_OMITTED, valueSize);
        return reference;
    }

    private static void add(Headers headers, String name, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            headers.add(name, value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
