package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes a stored series as the API's ConferenceInfo, with its occurrences as subConfs (shapes per
 * meeting-api-facts.md, section 3).
 */
final class ConferenceInfoRenderer {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final int RECURRING_CONFERENCE_TYPE = 2;

    private ConferenceInfoRenderer() {
    }

    /** The 200 answer of a series create or PUT: a JSON array of one ConferenceInfo with its subConfs. */
    static ArrayNode seriesAnswer(StoredSeries series) {
        return Json.MAPPER.createArrayNode().add(info(series, true));
    }

    /**
     * One ConferenceInfo. Its startTime and endTime span the occurrences left; without occurrences
     * (all cancelled) it has neither.
     *
     * @param withOccurrences whether to include subConfs and cycleSubConfID (the detail does, a list does not)
     */
    static ObjectNode info(StoredSeries series, boolean withOccurrences) {
        JsonNode body = series.body();
        List<StoredOccurrence> occurrences = series.occurrences();
        ObjectNode info = Json.MAPPER.createObjectNode();
        info.put("conferenceID", series.conferenceID());
        copyIfPresent(body, info, "subject");
        info.put("size", body.path("attendees").size());
        copyIfPresent(body, info, "timeZoneID");
        if (!occurrences.isEmpty()) {
            info.put("startTime", MINUTES.format(occurrences.get(0).startTime()));
            info.put("endTime", MINUTES.format(occurrences.get(occurrences.size() - 1).endTime()));
        }
        info.put("mediaTypes", body.path("mediaTypes").asText());
        info.put("conferenceState", "Schedule");
        info.put("language", body.path("language").asText("zh-CN"));
        info.put("conferenceType", RECURRING_CONFERENCE_TYPE);
        info.put("confType", "CYCLE");
        info.set("cycleParams", series.cycleParams().deepCopy());
        info.put("isAutoRecord", body.path("isAutoRecord").asInt(0));
        info.put("recordType", body.path("recordType").asInt(0));
        if (withOccurrences) {
            ArrayNode subConfs = info.putArray("subConfs");
            occurrences.forEach(occurrence -> subConfs.add(subConf(series.conferenceID(), occurrence)));
            if (!occurrences.isEmpty()) {
                info.put("cycleSubConfID", occurrences.get(0).cycleSubConfID());
            }
        }
        return info;
    }

    private static ObjectNode subConf(String conferenceID, StoredOccurrence occurrence) {
        ObjectNode subConf = Json.MAPPER.createObjectNode()
                .put("cycleSubConfID", occurrence.cycleSubConfID())
                .put("conferenceID", conferenceID)
                .put("mediaType", occurrence.mediaType())
                .put("startTime", format(occurrence.startTime()))
                .put("endTime", format(occurrence.endTime()))
                .put("isAutoRecord", occurrence.isAutoRecord())
                .put("recordAuthType", occurrence.recordAuthType());
        if (occurrence.description() != null) {
            subConf.put("description", occurrence.description());
        }
        subConf.set("confConfigInfo", occurrence.confConfigInfo().deepCopy());
        return subConf;
    }

    private static String format(LocalDateTime time) {
        return MINUTES.format(time);
    }

    private static void copyIfPresent(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.set(field, from.get(field).deepCopy());
        }
    }
}
