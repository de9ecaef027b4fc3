package io.meetingbridge.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.utils.Utils;

/**
 * What a record of {@code meeting.events} carries: key meetingID, value the eventInfo bytes as received, and the
 * headers below; and how an event's identity is read back from such a record.
 */
final class EventRecords {

    static final String EVENT = "meeting-event";
    static final String CONFERENCE_ID = "meeting-conference-id";
    static final String UUID = "meeting-uuid";
    static final String CYCLE_SUB_CONF_ID = "meeting-cycle-sub-conf-id";
    static final String EVENT_TIMESTAMP = "meeting-event-timestamp";
    static final String NONCE = "meeting-event-nonce";

    private final String topic;

    EventRecords(String topic) {
        this.topic = topic;
    }

    String topic() {
        return topic;
    }

    /**
     * The record of a push, on the partition Kafka's default partitioner gives its key (an event without a
     * meetingID: its identity's); fixed here so that the duplicate check knows which partition to read first.
     */
    ProducerRecord<byte[], byte[]> record(EventPush push, int partitions) {
        byte[] key = bytes(push.meetingId());
        int partition = Utils.toPositive(key != null ? Utils.murmur2(key) : push.identity().hashCode()) % partitions;
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, key, push.eventInfo());
        Headers headers = record.headers();
        add(headers, EVENT, push.event());
        add(headers, CONFERENCE_ID, push.meetingId());
        add(headers, UUID, push.meetingUuid());
        add(headers, CYCLE_SUB_CONF_ID, push.cycleSubId());
        add(headers, EVENT_TIMESTAMP, push.eventTimestamp());
        add(headers, NONCE, push.nonce());
        return record;
    }

    static EventIdentity identity(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        return new EventIdentity(text(headers, EVENT), text(headers, EVENT_TIMESTAMP), text(headers, CONFERENCE_ID),
                text(headers, UUID), text(headers, CYCLE_SUB_CONF_ID));
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, bytes(value));
        }
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
