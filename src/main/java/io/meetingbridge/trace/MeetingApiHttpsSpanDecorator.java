package io.meetingbridge.trace;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.HttpsSpanDecorator;

/** Camel's span of a Meeting API request over https (the real API), told more by {@link MeetingApiSpans}. */
public final class MeetingApiHttpsSpanDecorator extends HttpsSpanDecorator {

    @Override
    public String getOperationName(Exchange exchange, Endpoint endpoint) {
        return MeetingApiSpans.name(getHttpMethod(exchange, endpoint), exchange, endpoint);
    }

    @Override
    protected String getHttpURL(Exchange exchange, Endpoint endpoint) {
        return MeetingApiSpans.url(exchange, endpoint);
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        MeetingApiSpans.before(span, exchange, endpoint);
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        MeetingApiSpans.after(span, exchange);
    }
}
