package io.meetingbridge.failure;

/**
 * The Meeting API is failing for most calls (the circuit is open). Not the record's fault: its batch
 * is retried once the API recovers, so an outage never drains the input into the dead-letter topic.
 */
public class ApiUnavailableException extends Exception {

    public ApiUnavailableException(String reason) {
        super(reason);
    }
}
