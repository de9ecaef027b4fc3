package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the 200 answer of the PUT: a JSON array of one ConferenceInfo whose subConfs are the
 * series' occurrences, each with a fresh cycleSubConfID (shapes per meeting-api-facts.md, section 3).
 */
final class ConferenceInfoRenderer {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final int RECURRING_CONFERENCE_TYPE = 2;

    private ConferenceInfoRenderer() {
    }

    /** @param dates the occurrence dates, in order, at least one */
    static ArrayNode render(String conferenceID, SeriesRequest series, List<LocalDate> dates) {
        JsonNode body = series.body();
        ArrayNode subConfs = Json.MAPPER.createArrayNode();
        dates.forEach(date -> subConfs.add(occurrence(conferenceID, series, date.atTime(series.startTimeOfDay()))));

        ObjectNode info = Json.MAPPER.createObjectNode();
        info.put("conferenceID", conferenceID);
        copyIfPresent(body, info, "subject");
        info.put("size", body.path("attendees").size());
        copyIfPresent(body, info, "timeZoneID");
        info.set("startTime", subConfs.get(0).get("startTime"));
        info.set("endTime", subConfs.get(subConfs.size() - 1).get("endTime"));
        info.put("mediaTypes", series.mediaTypes());
        info.put("conferenceState", "Schedule");
        info.put("language", body.path("language").asText("zh-CN"));
        info.put("conferenceType", RECURRING_CONFERENCE_TYPE);
        info.put("confType", "CYCLE");
        info.set("cycleParams", cycleParams(series, dates));
        info.put("isAutoRecord", body.path("isAutoRecord").asInt(0));
        info.put("recordType", body.path("recordType").asInt(0));
        info.set("cycleSubConfID", subConfs.get(0).get("cycleSubConfID"));
        info.set("subConfs", subConfs);
        return Json.MAPPER.createArrayNode().add(info);
    }

    private static ObjectNode occurrence(String conferenceID, SeriesRequest series, LocalDateTime start) {
        ObjectNode occurrence = Json.MAPPER.createObjectNode()
                .put("cycleSubConfID", Identifiers.hex32())
                .put("conferenceID", conferenceID)
                .put("mediaType", series.mediaTypes())
                .put("startTime", MINUTES.format(start))
                .put("endTime", MINUTES.format(start.plusMinutes(series.lengthMinutes())))
                .put("isAutoRecord", 0)
                .put("recordAuthType", 0);
        occurrence.putObject("confConfigInfo")
                .put("callInRestriction", 0)
                .put("allowGuestStartConf", true)
                .put("enableWaitingRoom", false);
        return occurrence;
    }

    /** The cycleParams as sent, except that past 50 occurrences the service pulls endDate back to the last one. */
    private static ObjectNode cycleParams(SeriesRequest series, List<LocalDate> dates) {
        ObjectNode cycleParams = series.body().get("cycleParams").deepCopy();
        if (dates.size() == OccurrenceCalendar.MAX_OCCURRENCES) {
            cycleParams.put("endDate", dates.get(dates.size() - 1).toString());
        }
        return cycleParams;
    }

    private static void copyIfPresent(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.set(field, from.get(field).deepCopy());
        }
    }
}
