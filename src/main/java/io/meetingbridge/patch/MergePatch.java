package io.meetingbridge.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * Applies a JSON Merge Patch (RFC 7386) with Jakarta JSON Processing's implementation (Parsson). The bridge's
 * trees are Jackson's: each side crosses over as JSON text, which keeps numbers exactly as written.
 */
final class MergePatch {

    /** Looked up once: {@code Json.createMergePatch} would look the provider up on every call. */
    private static final JsonProvider JSON_P = JsonProvider.provider();

    private final ObjectMapper mapper;

    MergePatch(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The target with the patch applied; neither argument is changed. */
    ObjectNode apply(ObjectNode target, ObjectNode patch) {
        JsonValue merged = JSON_P.createMergePatch(jsonP(patch)).apply(jsonP(target));
        try {
            return (ObjectNode) mapper.readTree(merged.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a merged JSON object that Jackson cannot read", e);
        }
    }

    private JsonValue jsonP(ObjectNode node) {
        try (JsonReader reader = JSON_P.createReader(new StringReader(mapper.writeValueAsString(node)))) {
            return reader.readValue();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON object that Jackson cannot write", e);
        }
    }
}
