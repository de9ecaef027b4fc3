package io.meetingbridge.occurrence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.api.MeetingApiJson;
import io.meetingbridge.change.ReceivedChange;
import io.meetingbridge.change.SourceRecord;
import io.meetingbridge.change.ValidChange;
import io.meetingbridge.failure.UnexpectedApiAnswerException;
import io.meetingbridge.flow.FlowProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;

/**
 * One output record per occurrence a change published (every subConf of a create or modify answer, the
 * occurrence an edit changed, each occurrence a cancel ended), numbered over the records of that change.
 */
public final class OccurrenceRecords {

    private static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final CamelContext camelContext;
    private final ObjectMapper json = MeetingApiJson.mapper();

    public OccurrenceRecords(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @SuppressWarnings("unchecked")
    public List<Message> build(Exchange exchange) throws UnexpectedApiAnswerException {
        List<JsonNode> occurrences = exchange.getProperty(FlowProperties.OCCURRENCE_VALUES, List.class);
        String state = exchange.getProperty(FlowProperties.OCCURRENCE_STATE, String.class);
        ReceivedChange change = exchange.getProperty(FlowProperties.RECEIVED_CHANGE, ReceivedChange.class);
        ValidChange valid = exchange.getProperty(FlowProperties.VALID_CHANGE, ValidChange.class);
        String conferenceId = exchange.getProperty(FlowProperties.CONFERENCE_ID, String.class);
        String seriesKey = exchange.getProperty(FlowProperties.SERIES_KEY, String.class);
        String requestId = exchange.getMessage().getHeader(REQUEST_ID_HEADER, String.class);
        // nothing else the API answered (its headers) may steer the write
        exchange.getMessage().removeHeaders("*");
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
            record.setHeader(OccurrenceHeaders.ACTION, valid.action().wireName());
            record.setHeader(OccurrenceHeaders.OCCURRENCE_STATE, state);
            if (seriesKey != null) {
                record.setHeader(OccurrenceHeaders.SERIES_KEY, seriesKey);
            }
            if (valid.corpId() != null) {
                record.setHeader(OccurrenceHeaders.TENANT, valid.corpId());
            }
            records.add(record);
        }
        return records;
    }

    private byte[] bytes(JsonNode occurrence) throws UnexpectedApiAnswerException {
        try {
            return json.writeValueAsBytes(occurrence);
        } catch (JsonProcessingException e) {
            throw new UnexpectedApiAnswerException("cannot write an occurrence of the answer", e);
        }
    }
}
