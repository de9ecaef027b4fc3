package io.meetingbridge.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The fields of the last series body the bridge sent that {@code confDetail} does not show (attendees, for one):
 * the base of those fields for a patch. Kept as JSON text, and only up to a bound
 * ({@code bridge.ledger.unshown-max-bytes}), so that a ledger entry stays small; beyond that the ledger says only
 * that it did not keep them.
 *
 * @param json    the fields as a JSON object's text; null when none were sent or none were kept
 * @param omitted true when there were more of them than the bound and the ledger did not keep them
 */
public record UnshownFields(String json, boolean omitted) {

    /**
     * The highest bound a setting may give: half of a Kafka record's default 1 MiB, so that a ledger record with its
     * occurrences still fits in what the broker and the bridge's producer accept.
     */
    public static final int HIGHEST_BOUND = 512 * 1024;

    public static final UnshownFields NONE = new UnshownFields(null, false);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields as sent (null for none), kept when their JSON has at most {@code maxBytes} bytes. */
    public static UnshownFields of(ObjectNode fields, int maxBytes) {
        if (fields == null) {
            return NONE;
        }
        String json = fields.toString();
        return json.getBytes(StandardCharsets.UTF_8).length > maxBytes ? new UnshownFields(null, true)
                : new UnshownFields(json, false);
    }

    /** The setting {@code bridge.ledger.unshown-max-bytes}, refused outside 0 to {@link #HIGHEST_BOUND}. */
    public static int checkedBound(int maxBytes) {
        if (maxBytes < 0 || maxBytes > HIGHEST_BOUND) {
            throw new IllegalArgumentException("bridge.ledger.unshown-max-bytes is " + maxBytes + ": it must be from 0"
                    + " to " + HIGHEST_BOUND + " (a ledger record must fit in a Kafka record)");
        }
        return maxBytes;
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
