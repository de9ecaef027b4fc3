package io.meetingbridge.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The fields of the last series body the bridge sent that {@code confDetail} does not show (attendees, for one):
 * the base of those fields for a patch. Kept as JSON text, and only up to {@link #MAX_BYTES}, so that a ledger
 * entry stays small; beyond that the ledger says only that it did not keep them.
 *
 * @param json    the fields as a JSON object's text; null when none were sent or none were kept
 * @param omitted true when there were more than {@link #MAX_BYTES} of them and the ledger did not keep them
 */
public record UnshownFields(String json, boolean omitted) {

    /** The bound of one series' kept fields, in bytes of JSON. */
    public static final int MAX_BYTES = 16 * 1024;

    public static final UnshownFields NONE = new UnshownFields(null, false);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields as sent (null for none), kept when small enough. */
    public static UnshownFields of(ObjectNode fields) {
        if (fields == null) {
            return NONE;
        }
        String json = fields.toString();
        return json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES ? new UnshownFields(null, true)
                : new UnshownFields(json, false);
    }

    /** The kept fields as a new JSON object; empty when none were kept. */
    public ObjectNode tree() {
        try {
            return json == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the ledger kept fields that are not a JSON object", e);
        }
    }
}
