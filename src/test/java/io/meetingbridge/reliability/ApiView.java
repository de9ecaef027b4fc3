package io.meetingbridge.reliability;

import io.meetingbridge.simulator.MeetingApiSimulator;
import io.meetingbridge.simulator.SeriesWrite;
import io.meetingbridge.simulator.StoredSeries;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.List;

/**
 * What the Meeting API simulator saw of a run's conferences, taken once the run has drained: each one's
 * accepted writes in the order applied, its stored version now, and which conferences ever had two calls
 * open at once.
 *
 * @param versions        the version each conference's series is at now (absent: the API never stored it)
 * @param writesForgotten writes the simulator's bounded history dropped: a check on it would be blind
 */
record ApiView(Map<String, List<SeriesWrite>> writes, Map<String, Long> versions, Set<String> overlapped,
               long writesForgotten) {

    static ApiView of(MeetingApiSimulator api, Collection<String> conferenceIDs) {
        Map<String, List<SeriesWrite>> writes = new TreeMap<>();
        Map<String, Long> versions = new TreeMap<>();
        for (String conferenceID : conferenceIDs) {
            writes.put(conferenceID, api.writes(conferenceID));
            api.series(conferenceID).map(StoredSeries::version).ifPresent(v -> versions.put(conferenceID, v));
        }
        return new ApiView(writes, versions, api.traffic().overlappedConferences(), api.writesForgotten());
    }

    List<SeriesWrite> writesOf(String conferenceID) {
        return writes.getOrDefault(conferenceID, List.of());
    }
}
