package io.meetingbridge.change;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns a record value into a JSON tree: exactly one JSON object in UTF-8, with nothing but
 * whitespace around it, no field twice, and within {@link ChangeJson}'s size limits.
 */
public final class ChangeParser {

    public ChangeParser() {
    }

    public JsonNode parse(byte[] value) throws InvalidChangeException {
        if (value == null) {
            throw new InvalidChangeException("record has no value (tombstone)");
        }
        if (value.length == 0) {
            throw new InvalidChangeException("value is empty");
        }
        if (value.length > ChangeJson.MAX_VALUE_BYTES) {
            throw new InvalidChangeException(
                    "value is " + value.length + " bytes, more than the " + ChangeJson.MAX_VALUE_BYTES + " allowed");
        }
        return readOneObject(StrictUtf8.decode(value));
    }

    /** The conferenceID of a parsed value when it is a string, else null; validation comes later. */
    public static String conferenceIdOf(JsonNode tree) {
        JsonNode id = tree.path("conferenceID");
        return id.isTextual() ? id.textValue() : null;
    }

    private static JsonNode readOneObject(String text) throws InvalidChangeException {
        try (JsonParser parser = ChangeJson.MAPPER.createParser(text)) {
            try {
                return objectAndNothingElse(parser);
            } catch (JsonProcessingException e) {
                // a broken read limit carries no location of its own: it is where the parser stopped
                JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                throw new InvalidChangeException(JsonSyntaxSentence.of(e, parser, text, where), e);
            }
        } catch (IOException e) {
            // the value is already in memory: only a JsonProcessingException, handled above, can happen
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode objectAndNothingElse(JsonParser parser) throws IOException, InvalidChangeException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new InvalidChangeException("value is blank: it has only whitespace");
        }
        if (first != JsonToken.START_OBJECT) {
            throw new InvalidChangeException("value must be a JSON object, got " + describe(first)
                    + " at " + Position.of(parser.currentTokenLocation()));
        }
        JsonNode tree = ChangeJson.MAPPER.readTree(parser);
        // readTree(JsonParser) leaves what follows to the caller (FAIL_ON_TRAILING_TOKENS does not apply)
        JsonLocation end = parser.currentLocation();
        if (hasMore(parser)) {
            throw new InvalidChangeException("value has more after its JSON object, at " + Position.of(end));
        }
        return tree;
    }

    /** Whether anything but whitespace follows: another value, or text that is not JSON at all. */
    private static boolean hasMore(JsonParser parser) throws IOException {
        try {
            return parser.nextToken() != null;
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "null"; // the only other token a JSON value can start with
        };
    }
}
