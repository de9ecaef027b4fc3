package io.meetingbridge.trace;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.telemetry.SpanContextPropagationInjector;
import org.apache.camel.telemetry.decorators.KafkaSpanDecorator;

/**
 * Camel's span of a publish to Kafka. The occurrences of a change go out as one batch of records, each with
 * headers of its own (camel-kafka's batchWithIndividualHeaders): the span's {@code traceparent} goes on every
 * record, so each carries exactly one, the bridge's, and a consumer continues the trace from it.
 */
public final class OccurrencePublishSpanDecorator extends KafkaSpanDecorator {

    @Override
    public SpanContextPropagationInjector getInjector(Exchange exchange) {
        if (exchange.getIn().getBody() instanceof List<?> records
                && records.stream().allMatch(Message.class::isInstance)) {
            return (name, value) -> records.forEach(record -> ((Message) record).setHeader(name, value));
        }
        return super.getInjector(exchange);
    }
}
