package io.meetingbridge.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a push body: one JSON object, no duplicate keys at any depth, nothing after it. The {@code eventInfo}
 * value is kept as the exact bytes of the body, since Huawei signs its own serialisation of it.
 */
final class PushParser {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
                    .build())
            .build();

    EventPush parse(byte[] body) throws MalformedPushException {
        try (JsonParser parser = MAPPER.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedPushException("the body is not a JSON object");
            }
            String appId = null;
            String timestamp = null;
            String nonce = null;
            String signature = null;
            byte[] eventInfo = null;
            JsonNode info = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "appID" -> appId = scalar(parser, value);
                    case "timestamp" -> timestamp = scalar(parser, value);
                    case "nonce" -> nonce = scalar(parser, value);
                    case "signature" -> signature = scalar(parser, value);
                    case "eventInfo" -> {
                        if (value != JsonToken.START_OBJECT) {
                            throw new MalformedPushException("eventInfo is not a JSON object");
                        }
                        long start = parser.currentTokenLocation().getByteOffset();
                        info = parser.readValueAsTree();
                        long end = parser.currentLocation().getByteOffset();
                        if (start < 0 || end < start) {
                            // Jackson counts characters, not bytes, in a body it found to be UTF-16 or UTF-32
                            throw new MalformedPushException("the body is not UTF-8");
                        }
                        eventInfo = Arrays.copyOfRange(body, (int) start, (int) end);
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new MalformedPushException("the body holds more than one JSON value");
            }
            if (info == null || !info.path("event").isTextual()) {
                throw new MalformedPushException("the body has no eventInfo with an event name");
            }
            return new EventPush(appId, timestamp, nonce, signature, eventInfo, info);
        } catch (IOException e) {
            throw new MalformedPushException("the body is not valid JSON");
        }
    }

    /** A string or number as written; anything else counts as absent (the signature check refuses it). */
    private static String scalar(JsonParser parser, JsonToken value) throws IOException {
        if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }
}
