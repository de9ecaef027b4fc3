package io.meetingbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.meetingbridge.api.MeetingApiJson;
import io.meetingbridge.failure.UnexpectedApiAnswerException;
import io.meetingbridge.change.ReceivedChange;
import io.meetingbridge.change.SourceRecord;
import io.meetingbridge.occurrence.OccurrenceHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/** The baseline's occurrence records: one per {@code subConfs} element of the answer, with the contract's headers. */
final class BaselineOccurrences {

    private BaselineOccurrences() {
    }

    static List<ProducerRecord<byte[], byte[]>> of(String topic, ReceivedChange change, String conferenceId,
                                                   BaselineApiClient.Answer answer) throws UnexpectedApiAnswerException {
        List<JsonNode> occurrences = subConfs(answer.body());
        SourceRecord source = change.source();
        byte[] key = utf8(conferenceId);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(occurrences.size());
        for (JsonNode occurrence : occurrences) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, json(occurrence));
            Headers headers = record.headers();
            headers.add(OccurrenceHeaders.CONFERENCE_ID, utf8(conferenceId));
            JsonNode subConfId = occurrence.get("cycleSubConfID");
            if (subConfId != null && subConfId.isValueNode()) {
                headers.add(OccurrenceHeaders.CYCLE_SUB_CONF_ID, utf8(subConfId.asText()));
            }
            headers.add(OccurrenceHeaders.OCCURRENCE_INDEX, utf8(Integer.toString(records.size() + 1)));
            headers.add(OccurrenceHeaders.OCCURRENCE_COUNT, utf8(Integer.toString(occurrences.size())));
            headers.add(OccurrenceHeaders.CHANGE_ID, utf8(change.changeId()));
            if (answer.requestId() != null) {
                headers.add(OccurrenceHeaders.REQUEST_ID, utf8(answer.requestId()));
            }
            headers.add(OccurrenceHeaders.SOURCE_TOPIC, utf8(source.topic()));
            headers.add(OccurrenceHeaders.SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
            headers.add(OccurrenceHeaders.SOURCE_OFFSET, utf8(Long.toString(source.offset())));
            records.add(record);
        }
        return records;
    }

    /** The subConfs of every ConferenceInfo of the answer, in the answer's order. */
    private static List<JsonNode> subConfs(byte[] answer) throws UnexpectedApiAnswerException {
        JsonNode conferences;
        try {
            conferences = MeetingApiJson.mapper().readTree(answer);
        } catch (IOException e) {
            throw new UnexpectedApiAnswerException("Meeting API answered 200 with a body that is not JSON", e);
        }
        if (conferences == null || !conferences.isArray()) {
            throw new UnexpectedApiAnswerException("Meeting API answered 200 without the array of ConferenceInfo");
        }
        List<JsonNode> occurrences = new ArrayList<>();
        for (JsonNode conference : conferences) {
            JsonNode subConfs = conference.path("subConfs");
            if (!subConfs.isMissingNode() && !subConfs.isNull() && !subConfs.isArray()) {
                throw new UnexpectedApiAnswerException("Meeting API answered 200 with subConfs that is not an array");
            }
            subConfs.forEach(occurrences::add);
        }
        return occurrences;
    }

    private static byte[] json(JsonNode occurrence) throws UnexpectedApiAnswerException {
        try {
            return MeetingApiJson.mapper().writeValueAsBytes(occurrence);
        } catch (IOException e) {
            throw new UnexpectedApiAnswerException("cannot write an occurrence of the answer", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
