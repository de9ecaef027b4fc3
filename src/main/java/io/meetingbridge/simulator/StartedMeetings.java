package io.meetingbridge.simulator;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The series and occurrences a test declared running. The real service refuses to modify or cancel a
 * meeting once it has started; the simulator has no clock of its own for that, so tests say when.
 */
final class StartedMeetings {

    private final Set<String> series = ConcurrentHashMap.newKeySet();
    private final Set<String> occurrences = ConcurrentHashMap.newKeySet();

    void markSeries(String conferenceID) {
        series.add(conferenceID);
    }

    void markOccurrence(String cycleSubConfID) {
        occurrences.add(cycleSubConfID);
    }

    /** A series counts as started when it was marked, or any of its occurrences was. */
    boolean isStarted(StoredSeries stored) {
        return series.contains(stored.conferenceID())
                || stored.occurrences().stream().anyMatch(occurrence -> isStarted(occurrence.cycleSubConfID()));
    }

    /** An occurrence counts as started when it or its whole series was marked. */
    boolean isStarted(String conferenceID, String cycleSubConfID) {
        return series.contains(conferenceID) || isStarted(cycleSubConfID);
    }

    void clear() {
        series.clear();
        occurrences.clear();
    }

    private boolean isStarted(String cycleSubConfID) {
        return occurrences.contains(cycleSubConfID);
    }
}
