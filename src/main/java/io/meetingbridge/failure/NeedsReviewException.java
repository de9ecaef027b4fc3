package io.meetingbridge.failure;

/** The bridge cannot decide safely what the change should do; a person has to look at it. */
public final class NeedsReviewException extends Exception {

    public NeedsReviewException(String message) {
        super(message);
    }
}
