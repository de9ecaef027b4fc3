package io.meetingbridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetingbridge.failure.UnexpectedApiAnswerException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The PUT body fields of a series as {@code confDetail} shows them (a ConferenceInfo, meeting-api-facts.md
 * section 3), and those it does not show: the base of a patch. The README's table lists each PUT field and where
 * its base comes from.
 */
public final class DetailAsSeries {

    /** ConferenceInfo fields that are PUT fields of the same name and meaning. */
    private static final List<String> SAME_NAME = List.of("subject", "mediaTypes", "timeZoneID", "language", "cycleParams",
            "isAutoRecord", "recordType", "recordAuxStream", "recordAuthType", "liveAddress", "auxAddress",
            "confConfigInfo", "vmrFlag", "vmrID", "concurrentParticipants", "supportSimultaneousInterpretation");

    /**
     * The PUT fields every confDetail of a series shows (ConferenceInfo's subject, mediaTypes, cycleParams, startTime
     * and subConfs): the ledger need not keep them. The others of {@link #SAME_NAME} an answer may leave out.
     */
    private static final List<String> ALWAYS_SHOWN = List.of("subject", "mediaTypes", "cycleParams", "startTime",
            "length");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private DetailAsSeries() {
    }

    /**
     * Sets on {@code body} every PUT field the detail shows: those of {@link #SAME_NAME}, startTime (the series'
     * first occurrence, as ConferenceInfo.startTime) and length (the first occurrence's end minus its start).
     */
    public static ObjectNode overlay(JsonNode detail, ObjectNode body) throws UnexpectedApiAnswerException {
        for (String field : SAME_NAME) {
            if (detail.hasNonNull(field)) {
                body.set(field, detail.get(field).deepCopy());
            }
        }
        if (detail.hasNonNull("startTime")) {
            body.set("startTime", detail.get("startTime").deepCopy());
        }
        List<JsonNode> occurrences = MeetingAnswers.subConfs(detail);
        if (!occurrences.isEmpty()) {
            body.put("length", minutes(occurrences.get(0)));
        }
        return body;
    }

    /**
     * The fields of a PUT body that a confDetail may not show (attendees, for one, and those of {@link #SAME_NAME}
     * it can leave out), or null when there are none.
     */
    public static ObjectNode unshown(ObjectNode body) {
        ObjectNode unshown = body.deepCopy();
        unshown.remove(ALWAYS_SHOWN);
        return unshown.isEmpty() ? null : unshown;
    }

    private static long minutes(JsonNode occurrence) throws UnexpectedApiAnswerException {
        try {
            return Duration.between(LocalDateTime.parse(occurrence.path("startTime").asText(), MINUTES),
                    LocalDateTime.parse(occurrence.path("endTime").asText(), MINUTES)).toMinutes();
        } catch (DateTimeParseException e) {
            throw new UnexpectedApiAnswerException("Meeting API answered confDetail with an occurrence whose "
                    + "startTime or endTime is not yyyy-MM-dd HH:mm", e);
        }
    }
}
