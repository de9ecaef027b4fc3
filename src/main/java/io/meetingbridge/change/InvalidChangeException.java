package io.meetingbridge.change;

/**
 * Thrown for any record that is not a valid meeting change; getMessage() is the one readable
 * sentence that goes into the dlq-detail header.
 */
public class InvalidChangeException extends Exception {

    public InvalidChangeException(String detail) {
        super(detail);
    }

    public InvalidChangeException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
