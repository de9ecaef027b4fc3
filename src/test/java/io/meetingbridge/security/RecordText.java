package io.meetingbridge.security;

import static io.meetingbridge.testing.BridgeFixture.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Kafka records as text: key, value and every header, one record per line. */
final class RecordText {

    private RecordText() {
    }

    static String of(List<ConsumerRecord<byte[], byte[]>> records) {
        StringBuilder out = new StringBuilder();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            out.append("key=").append(text(record.key())).append(" value=").append(text(record.value()));
            for (Header header : record.headers()) {
                out.append(' ').append(header.key()).append('=')
                        .append(header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
