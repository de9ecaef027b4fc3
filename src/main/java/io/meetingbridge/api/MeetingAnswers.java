package io.meetingbridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.meetingbridge.failure.UnexpectedApiAnswerException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the Meeting API's answers the bridge stands on; an answer it cannot stand on is rejected. */
public final class MeetingAnswers {

    /** A series as a create or a PUT answered it: its conferenceID and every subConf, in the answer's order. */
    public record SeriesAnswer(String conferenceID, List<JsonNode> occurrences) {
    }

    /**
     * The 200 answer of a create or PUT: an array of ConferenceInfo. Anything else (an empty array, a
     * ConferenceInfo without subConfs, an occurrence that is not an object) is not an answer the bridge can
     * stand on: the change is rejected rather than counted as applied with nothing to show.
     */
    public SeriesAnswer series(byte[] answer) throws UnexpectedApiAnswerException {
        JsonNode root = json(answer);
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new UnexpectedApiAnswerException("Meeting API answered 200 without a non-empty array of ConferenceInfo");
        }
        List<JsonNode> occurrences = new ArrayList<>();
        String conferenceID = null;
        for (JsonNode conference : root) {
            if (!conference.isObject()) {
                throw new UnexpectedApiAnswerException(
                        "Meeting API answered 200 with a ConferenceInfo that has no subConfs array");
            }
            occurrences.addAll(subConfs(conference));
            if (conferenceID == null && conference.path("conferenceID").isValueNode()) {
                conferenceID = conference.path("conferenceID").asText();
            }
        }
        if (occurrences.isEmpty()) {
            throw new UnexpectedApiAnswerException("Meeting API answered 200 with no occurrence in subConfs");
        }
        return new SeriesAnswer(conferenceID, occurrences);
    }

    /** The ConferenceInfo of a confDetail answer ({@code conferenceData}) with its subConfs. */
    public JsonNode detail(byte[] answer) throws UnexpectedApiAnswerException {
        JsonNode root = json(answer);
        JsonNode conference = root == null ? null : root.path("conferenceData");
        if (conference == null || !conference.isObject()) {
            throw new UnexpectedApiAnswerException("Meeting API answered confDetail without conferenceData");
        }
        subConfs(conference);
        return conference;
    }

    /** The ConferenceInfo of a confDetail answer, or null when the call found the meeting gone (no answer). */
    public JsonNode detailOrNone(byte[] answer) throws UnexpectedApiAnswerException {
        return answer == null ? null : detail(answer);
    }

    /** The subConfs of one ConferenceInfo, each a JSON object. */
    public static List<JsonNode> subConfs(JsonNode conference) throws UnexpectedApiAnswerException {
        JsonNode subConfs = conference.get("subConfs");
        if (subConfs == null || !subConfs.isArray()) {
            throw new UnexpectedApiAnswerException(
                    "Meeting API answered 200 with a ConferenceInfo that has no subConfs array");
        }
        List<JsonNode> occurrences = new ArrayList<>();
        for (JsonNode occurrence : subConfs) {
            if (!occurrence.isObject()) {
                throw new UnexpectedApiAnswerException(
                        "Meeting API answered 200 with an occurrence in subConfs that is not an object");
            }
            occurrences.add(occurrence);
        }
        return occurrences;
    }

    private static JsonNode json(byte[] answer) throws UnexpectedApiAnswerException {
        try {
            return answer == null ? null : MeetingApiJson.mapper().readTree(answer);
        } catch (IOException e) {
            throw new UnexpectedApiAnswerException("Meeting API answered 200 with a body that is not JSON", e);
        }
    }
}
