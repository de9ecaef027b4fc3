package io.meetingbridge.failure;

/**
 * No access token can be had: wrong App ID or key, or the authentication service is down. Not the
 * record's fault, so it never dead-letters a record; the batch is retried once authentication works.
 */
public class AuthUnavailableException extends Exception {

    public AuthUnavailableException(String reason) {
        super(reason);
    }

    public AuthUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
