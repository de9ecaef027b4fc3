package io.meetingbridge.failure;

import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.ObjectHelper;

/**
 * What went wrong with one record, in the terms of the dead-letter contract. Built from the caught
 * exception; the detail is one sentence and never carries a token or key.
 */
public record Failure(String detail, Integer httpStatus, String errorCode, String errorMessage, String requestId,
                      String exceptionClass) {

    static final String REQUEST_ID_HEADER = "X-Request-Id";

    public static Failure of(DeadLetterReason reason, Throwable exception, int attempts) {
        String exceptionClass = exception == null ? null : exception.getClass().getName();
        HttpOperationFailedException http = ObjectHelper.getException(HttpOperationFailedException.class, exception);
        if (http != null) {
            MeetingApiError error = MeetingApiError.parse(http.getResponseBody());
            String detail = "Meeting API answered HTTP " + http.getStatusCode() + error.describe()
                    + (reason == DeadLetterReason.RETRIES_EXHAUSTED ? " on each of " + attempts + " attempts" : "");
            return new Failure(detail, http.getStatusCode(), error.errorCode(), error.errorMsg(),
                    requestId(http.getResponseHeaders()), exceptionClass);
        }
        if (exception instanceof TenantRefusedException refused) {
            return new Failure(refused.getMessage(), refused.httpStatus(), refused.errorCode(), null, null, exceptionClass);
        }
        String message = exception == null ? "unknown failure" : exception.getMessage();
        String detail = switch (reason) {
            case INVALID_MESSAGE -> message;
            case RETRIES_EXHAUSTED -> "Meeting API did not answer on each of " + attempts + " attempts: "
                    + rootCause(exception);
            case REJECTED, SUPERSEDED, NEEDS_REVIEW -> message;
        };
        return new Failure(detail, null, null, null, null, exceptionClass);
    }

    /** The X-Request-Id among an answer's headers (any letter case), or null. */
    public static String requestId(Map<String, String> headers) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream()
                .filter(e -> REQUEST_ID_HEADER.equalsIgnoreCase(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static String rootCause(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
