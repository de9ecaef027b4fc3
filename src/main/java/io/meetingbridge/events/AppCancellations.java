package io.meetingbridge.events;

/** Where the receiver reports a series cancelled in the Meeting app (the series ledger). */
@FunctionalInterface
public interface AppCancellations {

    /** The event that reports it: {@code meeting.cancel} of a meeting, without an occurrence id. */
    String CANCEL = "meeting.cancel";

    void seriesCancelled(String conferenceID) throws Exception;
}
