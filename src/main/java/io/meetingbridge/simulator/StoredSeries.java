package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The state the simulator keeps for one series.
 *
 * @param body        the last accepted create or PUT body (treat as read-only)
 * @param version     how many writes (create, PUT, occurrence change, cancel) the series had, starting at 1
 * @param cycleParams the cycleParams as the service answers them: endDate pulled back past 50 occurrences
 * @param occurrences the occurrences not cancelled, in the order they were scheduled
 * @param cancelled   whether the whole series was cancelled; the API then no longer knows it
 */
public record StoredSeries(String conferenceID, JsonNode body, long version, JsonNode cycleParams,
                           List<StoredOccurrence> occurrences, boolean cancelled) {

    public StoredSeries {
        occurrences = List.copyOf(occurrences);
    }

    public Optional<StoredOccurrence> occurrence(String cycleSubConfID) {
        return occurrences.stream()
                .filter(occurrence -> occurrence.cycleSubConfID().equals(cycleSubConfID))
                .findFirst();
    }

    StoredSeries withOccurrences(List<StoredOccurrence> changed) {
        return new StoredSeries(conferenceID, body, version + 1, cycleParams, changed, cancelled);
    }

    StoredSeries asCancelled() {
        return new StoredSeries(conferenceID, body, version + 1, cycleParams, occurrences, true);
    }
}
