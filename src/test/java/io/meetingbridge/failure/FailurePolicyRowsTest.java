package io.meetingbridge.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * The failure table's rows as the classifier sorts them, and the dead-letter detail each row gets, without
 * a route (the rows through the running bridge: bridge/FailurePolicyTest, bridge/TransientFailuresTest).
 */
class FailurePolicyRowsTest {

    private final FailureClassifier classifier = new FailureClassifier(" 408,, 429,502,503,504,");

    @Test
    void listedStatusesAndNoAnswerAreTransientEverythingElseFinal() {
        for (int status : new int[] {408, 429, 502, 503, 504}) {
            assertThat(classifier.isTransient(failedWith(http(status, "{}")))).as("HTTP %d", status).isTrue();
        }
        for (int status : new int[] {400, 401, 403, 404, 409, 500, 501}) {
            Exchange exchange = failedWith(http(status, "{}"));
            assertThat(classifier.isTransient(exchange)).as("HTTP %d", status).isFalse();
            assertThat(classifier.isFinal(exchange)).as("HTTP %d", status).isTrue();
        }
        assertThat(classifier.isTransient(failedWith(new ConnectException("refused")))).isTrue();
        assertThat(classifier.isFinal(failedWith(new ConnectException("refused")))).isFalse();
        assertThat(classifier.isTransient(failedWith(new IllegalStateException("a bug")))).isFalse();
    }

    @Test
    void aFlowControlCodeIsA429WhateverTheStatus() {
        Exchange throttled = failedWith(http(400, "{\"error_code\":\"MMC.100000429\",\"error_msg\":\"flow control\"}"));
        assertThat(classifier.isTransient(throttled)).isTrue();
        assertThat(FailureClassifier.effectiveStatus(http(500, "{\"error_code\":\"USG.100000429\"}"))).isEqualTo(429);
        assertThat(FailureClassifier.effectiveStatus(http(500, "{\"error_code\":\"USG.100000428\"}"))).isEqualTo(500);
    }

    @Test
    void aFailureToAuthenticateIsNeitherTransientNorACallFailure() {
        Exchange exchange = failedWith(new AuthUnavailableException("auth down", new IOException("reset")));
        assertThat(classifier.isTransient(exchange)).isFalse();
        assertThat(classifier.isCallFailure(exchange)).isFalse();
        assertThat(classifier.isCallFailure(failedWith(new ApiUnavailableException("circuit open")))).isFalse();
        assertThat(classifier.isCallFailure(failedWith(http(400, "")))).isTrue();
        assertThat(classifier.isCallFailure(failedWith(new IOException("reset")))).isTrue();
    }

    @Test
    void aRejectedTokenAndAGoneMeetingAreRecognisedAlsoOnceCaught() {
        Exchange caught = new DefaultExchange(new DefaultCamelContext());
        caught.setProperty(Exchange.EXCEPTION_CAUGHT, new CamelExecutionException("wrapped", caught,
                http(401, "{\"error_code\":\"USG.000000004\"}")));
        assertThat(classifier.isTokenRejected(caught)).isTrue();
        assertThat(classifier.isTokenRejected(failedWith(http(403, "{}")))).isFalse();
        assertThat(classifier.isTokenRejected(failedWith(new IOException("reset")))).isFalse();

        assertThat(classifier.isMeetingGone(failedWith(http(400, "{\"error_code\":\"MMC.111070005\"}")))).isTrue();
        assertThat(classifier.isMeetingGone(failedWith(http(400, "{\"error_code\":\"MMC.111070006\"}")))).isFalse();
        assertThat(classifier.isMeetingGone(failedWith(new IOException("reset")))).isFalse();
    }

    @Test
    void anAnswerIsDescribedWithTheApisErrorAndRequestId() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("x-request-id", "req-1");
        HttpOperationFailedException answer = new HttpOperationFailedException("http://api", 503, "status", null,
                headers, "{\"error_code\":\"MMC.111070003\",\"error_msg\":\"down\"}");

        Failure exhausted = Failure.of(DeadLetterReason.RETRIES_EXHAUSTED, answer, 4);
        assertThat(exhausted).isEqualTo(new Failure("Meeting API answered HTTP 503 MMC.111070003 (down) on each of 4 attempts",
                503, "MMC.111070003", "down", "req-1", HttpOperationFailedException.class.getName()));
        assertThat(Failure.of(DeadLetterReason.REJECTED, answer, 1).detail())
                .isEqualTo("Meeting API answered HTTP 503 MMC.111070003 (down)");
        assertThat(Failure.of(DeadLetterReason.REJECTED, new HttpOperationFailedException("http://api", 400, "s", null,
                null, "not json"), 1)).isEqualTo(new Failure("Meeting API answered HTTP 400", 400, null, null, null,
                HttpOperationFailedException.class.getName()));
    }

    @Test
    void noAnswerIsDescribedByItsRootCause() {
        IOException timeout = new IOException("I/O error", new ConnectException("Connection refused"));
        assertThat(Failure.of(DeadLetterReason.RETRIES_EXHAUSTED, timeout, 4).detail())
                .isEqualTo("Meeting API did not answer on each of 4 attempts: ConnectException (Connection refused)");
        assertThat(Failure.of(DeadLetterReason.RETRIES_EXHAUSTED, new IOException(), 2).detail())
                .isEqualTo("Meeting API did not answer on each of 2 attempts: IOException");
        assertThat(Failure.of(DeadLetterReason.INVALID_MESSAGE, new IllegalArgumentException("value is empty"), 0))
                .isEqualTo(new Failure("value is empty", null, null, null, null, IllegalArgumentException.class.getName()));
        assertThat(Failure.of(DeadLetterReason.SUPERSEDED, new SupersededChangeException("older than v3"), 0).detail())
                .isEqualTo("older than v3");
        assertThat(Failure.of(DeadLetterReason.NEEDS_REVIEW, null, 0))
                .isEqualTo(new Failure("unknown failure", null, null, null, null, null));
    }

    @Test
    void theApisErrorBodyIsReadShortenedAndDescribed() {
        assertThat(MeetingApiError.parse(null)).isEqualTo(new MeetingApiError(null, null));
        assertThat(MeetingApiError.parse(" ")).isEqualTo(new MeetingApiError(null, null));
        assertThat(MeetingApiError.parse("[1]")).isEqualTo(new MeetingApiError(null, null));
        assertThat(MeetingApiError.parse("{\"error_code\":{\"a\":1},\"error_msg\":7}")).isEqualTo(new MeetingApiError(null, "7"));
        assertThat(MeetingApiError.parse("{\"error_msg\":\"" + "x".repeat(201) + "\"}").errorMsg())
                .isEqualTo("x".repeat(200) + "...");
        assertThat(MeetingApiError.parse("{\"error_msg\":\"" + "x".repeat(200) + "\"}").errorMsg()).isEqualTo("x".repeat(200));
        assertThat(new MeetingApiError(null, null).describe()).isEmpty();
        assertThat(new MeetingApiError("E1", null).describe()).isEqualTo(" E1");
        assertThat(new MeetingApiError(null, "gone").describe()).isEqualTo("  (gone)");
        assertThat(new MeetingApiError(null, null).isFlowControl()).isFalse();
    }

    @Test
    void eachReasonHasItsHeaderValue() {
        assertThat(DeadLetterReason.INVALID_MESSAGE.header()).isEqualTo("invalid-message");
        assertThat(DeadLetterReason.REJECTED.header()).isEqualTo("rejected");
        assertThat(DeadLetterReason.RETRIES_EXHAUSTED.header()).isEqualTo("retries-exhausted");
        assertThat(DeadLetterReason.SUPERSEDED.header()).isEqualTo("superseded");
        assertThat(DeadLetterReason.NEEDS_REVIEW.header()).isEqualTo("needs-review");
    }

    private static HttpOperationFailedException http(int status, String body) {
        return new HttpOperationFailedException("http://api", status, "status", null, Map.of(), body);
    }

    private static Exchange failedWith(Exception failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setException(failure);
        return exchange;
    }
}
