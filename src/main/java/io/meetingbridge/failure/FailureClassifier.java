package io.meetingbridge.failure;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.ObjectHelper;

/** Sorts a failed PUT into the failure policy's rows; the routes decide what each row does. */
public final class FailureClassifier {

    static final int UNAUTHORIZED = 401;
    static final int TOO_MANY_REQUESTS = 429;
    static final String MEETING_NOT_FOUND = "MMC.111070005";

    private final Set<Integer> transientStatuses;

    /** @param transientStatuses comma-separated HTTP statuses worth retrying, e.g. {@code 408,429,502,503,504} */
    public FailureClassifier(String transientStatuses) {
        this.transientStatuses = Arrays.stream(transientStatuses.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The API answered 401: the token was rejected. */
    public boolean isTokenRejected(Exchange exchange) {
        HttpOperationFailedException http = failure(exchange, HttpOperationFailedException.class);
        return http != null && effectiveStatus(http) == UNAUTHORIZED;
    }

    /**
     * A status listed as transient, or no answer at all (timeout, refused or reset connection). A failure
     * to authenticate is never the API call's: it pauses consumption instead of being retried here.
     */
    public boolean isTransient(Exchange exchange) {
        if (failure(exchange, AuthUnavailableException.class) != null) {
            return false;
        }
        HttpOperationFailedException http = failure(exchange, HttpOperationFailedException.class);
        if (http != null) {
            return transientStatuses.contains(effectiveStatus(http));
        }
        return failure(exchange, IOException.class) != null;
    }

    /** The answer's status, except that a flow-control error code counts as 429 whatever the status was. */
    static int effectiveStatus(HttpOperationFailedException http) {
        return MeetingApiError.parse(http.getResponseBody()).isFlowControl() ? TOO_MANY_REQUESTS : http.getStatusCode();
    }

    /**
     * The API no longer knows the meeting or occurrence ({@code MMC.111070005}, whatever the status): a cancel
     * of it is done, a read finds nothing.
     */
    public boolean isMeetingGone(Exchange exchange) {
        HttpOperationFailedException http = failure(exchange, HttpOperationFailedException.class);
        return http != null && MEETING_NOT_FOUND.equals(MeetingApiError.parse(http.getResponseBody()).errorCode());
    }

    /** Not worth retrying: any failure that is not transient. */
    public boolean isFinal(Exchange exchange) {
        return !isTransient(exchange);
    }

    /**
     * The request reached for the API and failed: an HTTP answer, or no answer at all. Not a failure to
     * authenticate, nor a wait for the circuit that ran out: those sent no request.
     */
    public boolean isCallFailure(Exchange exchange) {
        if (failure(exchange, AuthUnavailableException.class) != null) {
            return false;
        }
        return failure(exchange, HttpOperationFailedException.class) != null
                || failure(exchange, IOException.class) != null;
    }

    /** The failure being handled: still on the exchange for an error handler, already caught for a doCatch. */
    private static <T extends Throwable> T failure(Exchange exchange, Class<T> type) {
        Throwable failure = exchange.getException() != null
                ? exchange.getException() : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return ObjectHelper.getException(type, failure);
    }
}
