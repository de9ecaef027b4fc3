package io.meetingbridge.failure;

/** The change is older than the last one applied to its series: sending it would roll the series back. */
public final class SupersededChangeException extends Exception {

    public SupersededChangeException(String message) {
        super(message);
    }
}
