package io.meetingbridge.simulator;

/** A request body field the real service would refuse; the message names the field and the rule. */
final class InvalidFieldException extends Exception {

    InvalidFieldException(String message) {
        super(message);
    }
}
