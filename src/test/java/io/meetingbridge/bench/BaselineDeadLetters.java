package io.meetingbridge.bench;

import io.meetingbridge.change.ReceivedChange;
import io.meetingbridge.change.SourceRecord;
import io.meetingbridge.deadletter.DeadLetterHeaders;
import io.meetingbridge.failure.DeadLetterReason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The baseline's dead-letter records: the input's key, value and headers byte for byte, plus the
 * contract's main {@code dlq-*} headers (reason, detail, status, origin, attempts, time, change id).
 */
final class BaselineDeadLetters {

    private final String topic;
    private final Clock clock;

    BaselineDeadLetters(String topic, Clock clock) {
        this.topic = topic;
        this.clock = clock;
    }

    ProducerRecord<byte[], byte[]> invalid(ReceivedChange change, Exception problem) {
        return record(change, DeadLetterReason.INVALID_MESSAGE, problem.getMessage(), 0, null);
    }

    ProducerRecord<byte[], byte[]> rejected(ReceivedChange change, BaselineApiClient.Answer answer) {
        return record(change, DeadLetterReason.REJECTED, "Meeting API answered HTTP " + answer.status(),
                answer.attempts(), answer.status());
    }

    ProducerRecord<byte[], byte[]> unanswered(ReceivedChange change, Exception problem) {
        return record(change, DeadLetterReason.RETRIES_EXHAUSTED,
                "Meeting API did not answer: " + problem.getClass().getSimpleName(), 1, null);
    }

    private ProducerRecord<byte[], byte[]> record(ReceivedChange change, DeadLetterReason reason, String detail,
                                                  int attempts, Integer httpStatus) {
        SourceRecord source = change.source();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, source.key(), source.value());
        Headers headers = record.headers();
        for (Header header : source.headers()) {
            if (!DeadLetterHeaders.isBridgeOwned(header.key())) {
                headers.add(header);
            }
        }
        add(headers, DeadLetterHeaders.REASON, reason.header());
        add(headers, DeadLetterHeaders.DETAIL, detail);
        if (httpStatus != null) {
            add(headers, DeadLetterHeaders.HTTP_STATUS, httpStatus.toString());
        }
        add(headers, DeadLetterHeaders.ORIGINAL_TOPIC, source.topic());
        add(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(source.partition()));
        add(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(source.offset()));
        add(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP, Long.toString(source.timestamp()));
        add(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(attempts));
        add(headers, DeadLetterHeaders.FAILED_AT, DateTimeFormatter.ISO_INSTANT.format(clock.instant()));
        add(headers, DeadLetterHeaders.CHANGE_ID, change.changeId());
        return record;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
