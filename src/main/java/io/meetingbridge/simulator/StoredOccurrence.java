package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;

/**
 * One occurrence of a series as the simulator keeps it: a subConf of the API's answers.
 *
 * @param startTime     UTC, as the API writes it
 * @param description   null when none was ever set
 * @param confConfigInfo the occurrence's CycleSubConfConfigDTO (treat as read-only)
 */
public record StoredOccurrence(String cycleSubConfID, LocalDateTime startTime, LocalDateTime endTime, String mediaType,
                               int isAutoRecord, int recordAuthType, String description, JsonNode confConfigInfo) {

    /** A new occurrence with a fresh id and the defaults the service gives every scheduled occurrence. */
    static StoredOccurrence scheduled(LocalDateTime start, int lengthMinutes, String mediaType) {
        JsonNode confConfigInfo = Json.MAPPER.createObjectNode()
                .put("callInRestriction", 0)
                .put("allowGuestStartConf", true)
                .put("enableWaitingRoom", false);
        return new StoredOccurrence(Identifiers.hex32(), start, start.plusMinutes(lengthMinutes), mediaType, 0, 0,
                null, confConfigInfo);
    }
}
