package io.meetingbridge.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The JSON mapper for the API's answers: numbers are kept exactly as written (1.50 stays 1.50),
 * because occurrences are passed on as the API returned them.
 */
public final class MeetingApiJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private MeetingApiJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
