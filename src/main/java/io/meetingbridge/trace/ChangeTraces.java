package io.meetingbridge.trace;

import io.meetingbridge.change.ReceivedChange;
import io.meetingbridge.change.SourceRecord;
import io.meetingbridge.change.ValidChange;
import io.meetingbridge.failure.DeadLetterReason;
import io.meetingbridge.flow.FlowProperties;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One trace per change. A lane runs many changes on one exchange, and Camel's own spans of a poll would hold
 * them all, so the bridge starts each change's span itself: a child of the input record's W3C
 * {@code traceparent} when that is valid (its {@code tracestate} carried on), else the root of a new trace.
 * Camel's spans of the change (apply-change, each Meeting API call, each publish) hang below it. The input's
 * headers are only read by the W3C propagator, which drops what is malformed: none of them is ever copied.
 */
public final class ChangeTraces {

    static final String CHANGE_SPAN_NAME = "meeting change";

    private final boolean on;
    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public ChangeTraces(OpenTelemetry openTelemetry, boolean on) {
        this.on = on;
        this.tracer = openTelemetry.getTracer("io.meetingbridge");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** run-lane's start-change, once the lane's next change is on the exchange: starts its span. */
    public void begin(Exchange exchange) {
        if (!on) {
            return;
        }
        ReceivedChange change = exchange.getProperty(FlowProperties.RECEIVED_CHANGE, ReceivedChange.class);
        SourceRecord source = change.source();
        Context upstream = propagator.extract(Context.root(), source.headers(), KafkaHeadersGetter.INSTANCE);
        Span span = tracer.spanBuilder(CHANGE_SPAN_NAME)
                .setParent(upstream)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SpanAttributes.MESSAGING_SYSTEM, "kafka")
                .setAttribute(SpanAttributes.DESTINATION, source.topic())
                .setAttribute(SpanAttributes.PARTITION, Integer.toString(source.partition()))
                .setAttribute(SpanAttributes.OFFSET, source.offset())
                .setAttribute(SpanAttributes.CHANGE_ID, change.changeId())
                .startSpan();
        exchange.setProperty(FlowProperties.CHANGE_SPAN, span);
        // Camel's first span of the change (to direct:apply-change) finds no span of its own on the exchange and
        // takes its parent from these message headers
        Message message = exchange.getMessage();
        propagator.fields().forEach(message::removeHeader);
        propagator.inject(Context.root().with(span), message, Message::setHeader);
    }

    /**
     * run-lane's change-finished or lane-failed, whatever became of the change: what it was, what happened, and
     * the span ended.
     */
    public void end(Exchange exchange) {
        Span span = exchange.getProperty(FlowProperties.CHANGE_SPAN, Span.class);
        if (span == null) {
            return;
        }
        ValidChange valid = exchange.getProperty(FlowProperties.VALID_CHANGE, ValidChange.class);
        if (valid != null) {
            span.setAttribute(SpanAttributes.ACTION, valid.action().wireName());
        }
        setIfPresent(span, SpanAttributes.CONFERENCE_ID, exchange.getProperty(FlowProperties.CONFERENCE_ID, String.class));
        setIfPresent(span, SpanAttributes.SERIES_KEY, exchange.getProperty(FlowProperties.SERIES_KEY, String.class));
        DeadLetterReason reason = exchange.getProperty(FlowProperties.DEAD_LETTER_REASON, DeadLetterReason.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Span deadLetterWrite = exchange.getProperty(FlowProperties.DEAD_LETTER_SPAN, Span.class);
        if (deadLetterWrite != null) {
            deadLetterWrite.end(); // its write failed: the change failed with it
        }
        if (reason != null && deadLetterWrite == null) {
            span.setAttribute(SpanAttributes.DLQ_REASON, reason.header());
            span.setAttribute(SpanAttributes.OUTCOME, "dead-lettered");
        } else if (failure != null) {
            // only the exception's class: a message may quote what the API answered
            span.setAttribute(SpanAttributes.OUTCOME, "read-again");
            span.setStatus(StatusCode.ERROR, failure.getClass().getName());
        } else if ("skip".equals(exchange.getProperty(FlowProperties.PLANNED_CALL, String.class))
                || exchange.getProperty(Exchange.DUPLICATE_MESSAGE, false, Boolean.class)) {
            span.setAttribute(SpanAttributes.OUTCOME, "already-applied");
        } else {
            span.setAttribute(SpanAttributes.OUTCOME, "applied");
        }
        span.end();
    }

    /**
     * dead-letter route, before the write: a span for it, whose {@code traceparent} goes after the input's own
     * headers (kept there as data), so a consumer reading the last one continues the bridge's trace.
     */
    public void writingDeadLetter(@Body ProducerRecord<byte[], byte[]> record, Exchange exchange) {
        Span change = exchange.getProperty(FlowProperties.CHANGE_SPAN, Span.class);
        if (change == null) {
            return;
        }
        Span span = tracer.spanBuilder(record.topic() + " publish")
                .setParent(Context.root().with(change))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SpanAttributes.MESSAGING_SYSTEM, "kafka")
                .setAttribute(SpanAttributes.DESTINATION, record.topic())
                .startSpan();
        exchange.setProperty(FlowProperties.DEAD_LETTER_SPAN, span);
        propagator.inject(Context.root().with(span), record,
                (r, name, value) -> r.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** dead-letter route, once the broker acknowledged the dead letter. */
    public void deadLetterWritten(Exchange exchange) {
        Span span = exchange.getProperty(FlowProperties.DEAD_LETTER_SPAN, Span.class);
        if (span != null) {
            span.end();
            exchange.removeProperty(FlowProperties.DEAD_LETTER_SPAN);
        }
    }

    private static void setIfPresent(Span span, String name, String value) {
        if (value != null) {
            span.setAttribute(name, value);
        }
    }
}
