package io.meetingbridge.failure;

/** The API answered 2xx with a body that is not the documented array of ConferenceInfo. */
public class UnexpectedApiAnswerException extends Exception {

    public UnexpectedApiAnswerException(String detail, Throwable cause) {
        super(detail, cause);
    }

    public UnexpectedApiAnswerException(String detail) {
        super(detail);
    }
}
