package io.meetingbridge.change;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Record values for the change tests: the design's example, variations of it, and the huge ones. */
final class ChangeSamples {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final ChangeParser PARSER = new ChangeParser();
    private static final ChangeValidator VALIDATOR = new ChangeValidator();
    private static final ChangeValidator SP_VALIDATOR = new ChangeValidator(true);

    private ChangeSamples() {
    }

    /** The example of design.md, "Input record", as a fresh tree to change. */
    static ObjectNode example() {
        try (InputStream in = ChangeSamples.class.getResourceAsStream("/change/design-example.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode exampleSeries(ObjectNode example) {
        return (ObjectNode) example.get("series");
    }

    static ObjectNode exampleCycle(ObjectNode example) {
        return (ObjectNode) example.get("series").get("cycleParams");
    }

    /**
     * The change with the field at a dotted path, as the validator's sentences name it
     * ({@code series.cycleParams.interval}), set to a JSON value written as text ({@code 9}, {@code "Video"}).
     */
    static ObjectNode with(ObjectNode change, String path, String json) {
        try {
            return with(change, path, JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    static ObjectNode with(ObjectNode change, String path, JsonNode value) {
        JsonPointer field = pointer(path);
        parentOf(change, field).set(field.last().getMatchingProperty(), value);
        return change;
    }

    /** The change without the fields at these dotted paths. */
    static ObjectNode without(ObjectNode change, String... paths) {
        for (String path : paths) {
            JsonPointer field = pointer(path);
            parentOf(change, field).remove(field.last().getMatchingProperty());
        }
        return change;
    }

    private static JsonPointer pointer(String dottedPath) {
        return JsonPointer.compile("/" + dottedPath.replace('.', '/'));
    }

    private static ObjectNode parentOf(ObjectNode change, JsonPointer field) {
        return (ObjectNode) change.at(field.head());
    }

    static byte[] bytes(JsonNode value) {
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses and validates a record value as the bridge does. */
    static ValidChange accept(byte[] value) throws InvalidChangeException {
        return VALIDATOR.validate(PARSER.parse(value));
    }

    /** As {@link #accept(byte[])}, by a bridge in SP mode ({@code meeting.auth.mode=sp}). */
    static ValidChange acceptInSpMode(byte[] value) throws InvalidChangeException {
        return SP_VALIDATOR.validate(PARSER.parse(value));
    }

    static void assertRejected(byte[] value, String detail) {
        assertThatThrownBy(() -> accept(value)).isInstanceOf(InvalidChangeException.class).hasMessage(detail);
    }

    static void assertRejected(JsonNode value, String detail) {
        assertRejected(bytes(value), detail);
    }

    /** A valid change padded with a long subject to exactly 2 MiB. */
    static byte[] twoMebibyteValue() {
        ObjectNode change = example();
        exampleSeries(change).put("subject", "");
        int withoutSubject = bytes(change).length;
        exampleSeries(change).put("subject", "s".repeat(2 * 1024 * 1024 - withoutSubject));
        return bytes(change);
    }

    /** A change whose series carries arrays nested 10,000 deep. */
    static byte[] tenThousandDeepNesting() {
        String prefix = "{\"conferenceID\":\"914087436\",\"series\":{\"x\":";
        return (prefix + "[".repeat(10_000) + "]".repeat(10_000) + "}}").getBytes(StandardCharsets.UTF_8);
    }

    /** A change inviting 100,000 (empty) attendees: small enough in bytes to be parsed. */
    static byte[] hundredThousandAttendees() {
        ObjectNode change = example();
        ArrayNode attendees = exampleSeries(change).putArray("attendees");
        for (int i = 0; i < 100_000; i++) {
            attendees.addObject();
        }
        return bytes(change);
    }
}
