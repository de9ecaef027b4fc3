package io.meetingbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** A Retry-After answer sets the next redelivery's delay, capped; anything else leaves it to the backoff. */
class RetryAfterDelayTest {

    private static final Instant NOW = Instant.parse("2026-12-07T14:00:00Z");
    private final RetryAfterDelay retryAfter = new RetryAfterDelay(Duration.ofSeconds(10), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void secondsSetTheDelay() {
        assertThat(delayAfter(answer(Map.of("Retry-After", " 3 ")))).isEqualTo(3000L);
    }

    @Test
    void theHeaderNameIsReadInAnyLetterCase() {
        assertThat(delayAfter(answer(Map.of("retry-after", "2")))).isEqualTo(2000L);
    }

    @Test
    void anHttpDateSetsTheDelayUntilThen() {
        assertThat(delayAfter(answer(Map.of("Retry-After", "Mon, 7 Dec 2026 14:00:04 GMT")))).isEqualTo(4000L);
    }

    @Test
    void aDateInThePastMeansAtOnce() {
        assertThat(delayAfter(answer(Map.of("Retry-After", "Mon, 7 Dec 2026 13:59:00 GMT")))).isEqualTo(0L);
    }

    @Test
    void aLongerDelayIsCappedAndTheCapItselfKept() {
        assertThat(delayAfter(answer(Map.of("Retry-After", "3600")))).isEqualTo(10_000L);
        assertThat(delayAfter(answer(Map.of("Retry-After", "10")))).isEqualTo(10_000L);
    }

    @Test
    void withoutAUsableRetryAfterTheBackoffDecidesAndAnEarlierDelayIsForgotten() {
        assertThat(delayAfter(answer(Map.of("Retry-After", "soon")))).isNull();
        assertThat(delayAfter(answer(Map.of("Retry-After", " ")))).isNull();
        assertThat(delayAfter(answer(Map.of("Other", "3")))).isNull();
        assertThat(delayAfter(new HttpOperationFailedException("http://api", 503, "status", null, null, "{}"))).isNull();
        assertThat(delayAfter(new IOException("reset"))).isNull();
    }

    private static HttpOperationFailedException answer(Map<String, String> headers) {
        return new HttpOperationFailedException("http://api", 503, "status", null, headers, "{}");
    }

    /** The delay set on an exchange that had one set before, by an earlier answer. */
    private Long delayAfter(Exception failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 1234L);
        exchange.setException(failure);
        retryAfter.apply(exchange);
        return exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class);
    }
}
