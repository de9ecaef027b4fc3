package io.meetingbridge.events;

/** A body that is not one JSON object with an {@code eventInfo} object naming its event (answered 400). */
final class MalformedPushException extends Exception {

    MalformedPushException(String message) {
        super(message);
    }
}
