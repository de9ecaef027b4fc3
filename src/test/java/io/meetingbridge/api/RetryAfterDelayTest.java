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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A Retry-After answer sets the next redelivery's delay, capped; anything else leaves it to the backoff. */
class RetryAfterDelayTest {

    private static final Instant NOW = Instant.parse("2026-12-07T14:00:00Z");
    private final RetryAfterDelay retryAfter = new RetryAfterDelay(Duration.ofSeconds(10), Clock.fixed(NOW, ZoneOffset.UTC));

    /** What one header of a 503 makes of the delay of the next redelivery (no delay: the backoff decides). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            seconds set the delay                             | Retry-After | ' 3 '                        | 3000
            the header name is read in any letter case        | retry-after | 2                            | 2000
            an HTTP date sets the delay until then            | Retry-After | Mon, 7 Dec 2026 14:00:04 GMT | 4000
            a date in the past means at once                  | Retry-After | Mon, 7 Dec 2026 13:59:00 GMT | 0
            a longer delay is capped                          | Retry-After | 3600                         | 10000
            the cap itself is kept                            | Retry-After | 10                           | 10000
            a value that is neither seconds nor a date        | Retry-After | soon                         |
            a blank value                                     | Retry-After | ' '                          |
            another header                                    | Other       | 3                            |
            """)
    void aRetryAfterAnswer(String what, String header, String value, Long delay) {
        assertThat(delayAfter(answer(Map.of(header, value)))).isEqualTo(delay);
    }

    @Test
    void withoutHeadersOrWithoutAnAnswerTheBackoffDecidesAndAnEarlierDelayIsForgotten() {
        assertThat(delayAfter(new HttpOperationFailedException("http://api", 503, "status", null, null, "{}"))).isNull();
        assertThat(delayAfter(new IOException("reset"))).isNull();
    }

    private static HttpOperationFailedException answer(Map<String, String> headers) {
        return new HttpOperationFailedException("http://api", 503, "status", null, headers, "{}");
    }

    /** The delay set on an exchange that had one set before, by an earlier answer: null once it is forgotten. */
    private Long delayAfter(Exception failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 1234L);
        exchange.setException(failure);
        retryAfter.apply(exchange);
        return exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class);
    }
}
