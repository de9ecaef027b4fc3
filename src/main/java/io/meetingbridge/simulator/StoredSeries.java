package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The state the simulator keeps for one series.
 *
 * @param body    the last accepted PUT body (treat as read-only)
 * @param version how many PUTs replaced the series so far, starting at 1
 */
public record StoredSeries(String conferenceID, JsonNode body, long version) {
}
