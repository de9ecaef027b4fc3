package io.meetingbridge.ledger;

/**
 * One occurrence of a series as the ledger last knew it. Cancelled occurrences are kept, so that a
 * cancel repeated after a crash still finds what it names.
 *
 * @param startTime UTC {@code yyyy-MM-dd HH:mm}, as the API wrote it
 */
public record KnownOccurrence(String cycleSubConfID, String startTime, String endTime, boolean cancelled) {

    KnownOccurrence asCancelled() {
        return new KnownOccurrence(cycleSubConfID, startTime, endTime, true);
    }
}
