package io.meetingbridge.change;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An input record after parsing, before validation. Parsing happens once, when the batch is sorted
 * into lanes, because the lane of a record is its value's conferenceID.
 */
public final class ReceivedChange {

    private final SourceRecord source;
    private final JsonNode tree;
    private final InvalidChangeException parseFailure;

    private ReceivedChange(SourceRecord source, JsonNode tree, InvalidChangeException parseFailure) {
        this.source = source;
        this.tree = tree;
        this.parseFailure = parseFailure;
    }

    public static ReceivedChange parse(SourceRecord source, ChangeParser parser) {
        try {
            return new ReceivedChange(source, parser.parse(source.value()), null);
        } catch (InvalidChangeException e) {
            return new ReceivedChange(source, null, e);
        }
    }

    public SourceRecord source() {
        return source;
    }

    /** The parsed value; throws the parse failure for a value that is not a JSON object. */
    public JsonNode tree() throws InvalidChangeException {
        if (parseFailure != null) {
            throw parseFailure;
        }
        return tree;
    }

    /** The parsed value, or null for a value that is not a JSON object. */
    JsonNode treeOrNull() {
        return tree;
    }

    /** The changeId of the value, or {@code topic-partition@offset} when it has none or cannot be read. */
    public String changeId() {
        JsonNode id = tree == null ? null : tree.get("changeId");
        return id != null && id.isTextual() && !id.asText().isEmpty() ? id.asText() : source.position();
    }
}
