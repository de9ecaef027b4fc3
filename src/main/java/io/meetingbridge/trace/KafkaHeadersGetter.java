package io.meetingbridge.trace;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;

/**
 * Reads trace context from a Kafka record's own headers, whose values are bytes (camel-kafka 4.18.0's
 * extractor drops every value that is not a String, apache/camel#22545). A name given more than once
 * counts as absent: which of two traceparents is meant is not the bridge's guess.
 */
final class KafkaHeadersGetter implements TextMapGetter<List<Header>> {

    static final KafkaHeadersGetter INSTANCE = new KafkaHeadersGetter();

    @Override
    public Iterable<String> keys(List<Header> headers) {
        return headers.stream().map(Header::key).distinct().toList();
    }

    @Override
    public String get(List<Header> headers, String name) {
        if (headers == null) {
            return null;
        }
        List<Header> named = headers.stream().filter(h -> h.key().equals(name)).limit(2).toList();
        if (named.size() != 1 || named.get(0).value() == null) {
            return null;
        }
        return new String(named.get(0).value(), StandardCharsets.UTF_8);
    }
}
