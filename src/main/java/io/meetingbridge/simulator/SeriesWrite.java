package io.meetingbridge.simulator;

import java.time.Instant;

/**
 * One write the simulator accepted for a series, in the order it applied them: which operation, the
 * series' version and subject after it, and when it was applied.
 */
public record SeriesWrite(String conferenceID, MeetingOperation operation, long version, String subject,
                          Instant at) {

    static SeriesWrite of(MeetingOperation operation, StoredSeries written) {
        return new SeriesWrite(written.conferenceID(), operation, written.version(),
                written.body().path("subject").asText(null), Instant.now());
    }
}
