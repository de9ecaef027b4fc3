package io.meetingbridge.api;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Honours a {@code Retry-After} answer (seconds or an HTTP date) by setting the delay of the next
 * redelivery, capped so that a record's retries stay within their time budget. Without one, the
 * exponential backoff of the redelivery policy applies.
 */
public final class RetryAfterDelay {

    private final Duration maxDelay;
    private final Clock clock;

    public RetryAfterDelay(Duration maxDelay, Clock clock) {
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    public void apply(Exchange exchange) {
        Duration delay = requestedDelay(exchange.getException(HttpOperationFailedException.class));
        if (delay == null) {
            exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        } else {
            Duration capped = delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, Math.max(0, capped.toMillis()));
        }
    }

    private Duration requestedDelay(HttpOperationFailedException http) {
        if (http == null || http.getResponseHeaders() == null) {
            return null;
        }
        String value = http.getResponseHeaders().entrySet().stream()
                .filter(e -> "Retry-After".equalsIgnoreCase(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                return Duration.between(clock.instant(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }
}
