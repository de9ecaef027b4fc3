package io.meetingbridge.change;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One consumed input record exactly as it was on the topic: the dead-letter record is rebuilt from it
 * byte for byte, and the occurrence records name it in their headers.
 */
public record SourceRecord(String topic, int partition, long offset, long timestamp,
                           byte[] key, byte[] value, List<Header> headers) {

    /** Reads one record of a batch as camel-kafka hands it over. */
    public static SourceRecord of(Exchange kafkaRecord) {
        Message m = kafkaRecord.getMessage();
        List<Header> headers = new ArrayList<>();
        Headers original = m.getHeader(KafkaConstants.HEADERS, Headers.class);
        if (original != null) {
            original.forEach(headers::add);
        }
        return new SourceRecord(
                m.getHeader(KafkaConstants.TOPIC, String.class),
                m.getHeader(KafkaConstants.PARTITION, Integer.class),
                m.getHeader(KafkaConstants.OFFSET, Long.class),
                m.getHeader(KafkaConstants.TIMESTAMP, Long.class),
                m.getHeader(KafkaConstants.KEY, byte[].class),
                m.getBody(byte[].class),
                List.copyOf(headers));
    }

    /** {@code topic-partition@offset}: the change id of a record whose value names none. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
