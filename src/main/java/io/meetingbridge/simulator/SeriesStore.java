package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The series the simulator accepted, by conferenceID. A PUT replaces the whole series, as the real API does. */
final class SeriesStore {

    private final Map<String, StoredSeries> byConference = new ConcurrentHashMap<>();

    StoredSeries replace(String conferenceID, JsonNode body) {
        return byConference.merge(conferenceID, new StoredSeries(conferenceID, body, 1),
                (previous, first) -> new StoredSeries(conferenceID, body, previous.version() + 1));
    }

    Optional<StoredSeries> find(String conferenceID) {
        return Optional.ofNullable(byConference.get(conferenceID));
    }
}
