package io.meetingbridge.occurrence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.api.MeetingApiJson;
import io.meetingbridge.failure.UnexpectedApiAnswerException;
import io.meetingbridge.change.ReceivedChange;
import io.meetingbridge.change.SourceRecord;
import io.meetingbridge.flow.FlowProperties;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;

/**
 * Splits the API's answer (an array of ConferenceInfo) into one output record per element of their
 * {@code subConfs}, numbered across the whole answer in its order.
 */
public final class OccurrenceRecords {

    private static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final CamelContext camelContext;
    private final ObjectMapper json = MeetingApiJson.mapper();

    public OccurrenceRecords(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    public List<Message> fromAnswer(@Body byte[] answer,
                                    @ExchangeProperty(FlowProperties.RECEIVED_CHANGE) ReceivedChange change,
                                    @ExchangeProperty(FlowProperties.CONFERENCE_ID) String conferenceId,
                                    @Header(REQUEST_ID_HEADER) String requestId) throws UnexpectedApiAnswerException {
        List<JsonNode> occurrences = occurrencesOf(answer);
        SourceRecord source = change.source();
        byte[] key = conferenceId.getBytes(StandardCharsets.UTF_8);
        List<Message> records = new ArrayList<>(occurrences.size());
        int index = 0;
        for (JsonNode occurrence : occurrences) {
            index++;
            Message record = new DefaultMessage(camelContext);
            record.setBody(bytes(occurrence));
            record.setHeader(KafkaConstants.KEY, key);
            record.setHeader(OccurrenceHeaders.CONFERENCE_ID, conferenceId);
            JsonNode subConfId = occurrence.get("cycleSubConfID");
            if (subConfId != null && subConfId.isValueNode()) {
                record.setHeader(OccurrenceHeaders.CYCLE_SUB_CONF_ID, subConfId.asText());
            }
            record.setHeader(OccurrenceHeaders.OCCURRENCE_INDEX, Integer.toString(index));
            record.setHeader(OccurrenceHeaders.OCCURRENCE_COUNT, Integer.toString(occurrences.size()));
            record.setHeader(OccurrenceHeaders.CHANGE_ID, change.changeId());
            if (requestId != null && !requestId.isEmpty()) {
                record.setHeader(OccurrenceHeaders.REQUEST_ID, requestId);
            }
            record.setHeader(OccurrenceHeaders.SOURCE_TOPIC, source.topic());
            record.setHeader(OccurrenceHeaders.SOURCE_PARTITION, Integer.toString(source.partition()));
            record.setHeader(OccurrenceHeaders.SOURCE_OFFSET, Long.toString(source.offset()));
            records.add(record);
        }
        return records;
    }

    /**
     * The subConfs of every ConferenceInfo, in the answer's order. Anything else is not an answer the
     * bridge can stand on (an empty array, a ConferenceInfo without subConfs, an occurrence that is not an
     * object): the change is rejected rather than counted as applied with nothing to show.
     */
    private List<JsonNode> occurrencesOf(byte[] answer) throws UnexpectedApiAnswerException {
        JsonNode root;
        try {
            root = json.readTree(answer);
        } catch (IOException e) {
            throw new UnexpectedApiAnswerException("Meeting API answered 200 with a body that is not JSON", e);
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new UnexpectedApiAnswerException("Meeting API answered 200 without a non-empty array of ConferenceInfo");
        }
        List<JsonNode> occurrences = new ArrayList<>();
        for (JsonNode conference : root) {
            JsonNode subConfs = conference.get("subConfs");
            if (!conference.isObject() || subConfs == null || !subConfs.isArray()) {
                throw new UnexpectedApiAnswerException(
                        "Meeting API answered 200 with a ConferenceInfo that has no subConfs array");
            }
            for (JsonNode occurrence : subConfs) {
                if (!occurrence.isObject()) {
                    throw new UnexpectedApiAnswerException(
                            "Meeting API answered 200 with an occurrence in subConfs that is not an object");
                }
                occurrences.add(occurrence);
            }
        }
        if (occurrences.isEmpty()) {
            throw new UnexpectedApiAnswerException("Meeting API answered 200 with no occurrence in subConfs");
        }
        return occurrences;
    }

    private byte[] bytes(JsonNode occurrence) throws UnexpectedApiAnswerException {
        try {
            return json.writeValueAsBytes(occurrence);
        } catch (JsonProcessingException e) {
            throw new UnexpectedApiAnswerException("cannot write an occurrence of the answer", e);
        }
    }
}
