package io.meetingbridge.simulator;

/** The optional {@code type} query parameter of the cancels: 1 also ends a meeting that is running. */
final class CancelType {

    static final String PARAMETER = "type";

    private static final int END_RUNNING = 1;

    private CancelType() {
    }

    /** Whether this cancel may end a started meeting instead of being refused. */
    static boolean endsRunning(QueryString query) throws InvalidFieldException {
        return query.integer(PARAMETER, 0, END_RUNNING, 0) == END_RUNNING;
    }
}
