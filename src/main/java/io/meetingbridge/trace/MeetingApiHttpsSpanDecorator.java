package io.meetingbridge.trace;

import io.meetingbridge.failure.Failure;
import io.meetingbridge.flow.FlowProperties;
import java.net.URI;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.TagConstants;
import org.apache.camel.telemetry.decorators.HttpsSpanDecorator;

/**
 * Camel's span of one Meeting API request, saying more than Camel's own HTTP tags: the path it called (never the
 * query), which try of the call it is, what it waited for first, and the API's X-Request-Id. No header of the
 * request is read: the access token and the signature stay out of every span. Found by camel-telemetry through
 * {@code META-INF/services}, in place of its own decorator for https (and, as {@link MeetingApiHttpSpanDecorator},
 * for http).
 */
public class MeetingApiHttpsSpanDecorator extends HttpsSpanDecorator {

    /** "PUT /v1/mmc/management/cycleconferences". */
    @Override
    public String getOperationName(Exchange exchange, Endpoint endpoint) {
        return getHttpMethod(exchange, endpoint) + " " + path(exchange, endpoint);
    }

    /** The request's URL without its query. */
    @Override
    protected String getHttpURL(Exchange exchange, Endpoint endpoint) {
        URI base = base(endpoint);
        return base.getScheme() + "://" + base.getAuthority() + path(exchange, endpoint);
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        tagRequest(span, exchange, endpoint);
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        tagAnswer(span, exchange);
    }

    private static void tagRequest(Span span, Exchange exchange, Endpoint endpoint) {
        span.setTag(TagConstants.URL_PATH, path(exchange, endpoint));
        // the retry policy sends the same request again; Camel counts the redeliveries
        int redelivered = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        span.setTag(SpanAttributes.API_ATTEMPT, Integer.toString(redelivered + 1));
        tagIfPresent(span, SpanAttributes.API_QUOTA_WAIT_MS, exchange.getProperty(FlowProperties.API_QUOTA_WAIT_MS));
        tagIfPresent(span, SpanAttributes.API_CIRCUIT_WAIT_MS, exchange.getProperty(FlowProperties.API_CIRCUIT_WAIT_MS));
    }

    private static void tagAnswer(Span span, Exchange exchange) {
        if (exchange.getException() instanceof HttpOperationFailedException failed) {
            span.setTag(TagConstants.HTTP_STATUS, Integer.toString(failed.getStatusCode()));
            tagIfPresent(span, SpanAttributes.API_REQUEST_ID, Failure.requestId(failed.getResponseHeaders()));
        } else {
            tagIfPresent(span, SpanAttributes.API_REQUEST_ID, exchange.getMessage().getHeader("X-Request-Id"));
        }
    }

    private static String path(Exchange exchange, Endpoint endpoint) {
        String basePath = base(endpoint).getPath();
        String path = exchange.getIn().getHeader(Exchange.HTTP_PATH, String.class);
        return path == null || path.isEmpty() ? basePath : basePath + "/" + path;
    }

    private static URI base(Endpoint endpoint) {
        String uri = endpoint.getEndpointUri();
        int query = uri.indexOf('?');
        return URI.create(query < 0 ? uri : uri.substring(0, query));
    }

    private static void tagIfPresent(Span span, String name, Object value) {
        if (value != null) {
            span.setTag(name, value.toString());
        }
    }
}
