package io.meetingbridge.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a JSON object that its model class does not declare (newer API fields, producer
 * extensions), kept as they came so that reading and writing the model loses nothing.
 */
public abstract class PassThroughFields {

    private final Map<String, JsonNode> otherFields = new LinkedHashMap<>();

    /** The undeclared fields in the order they arrived; written back after the declared ones. */
    @JsonAnyGetter
    public Map<String, JsonNode> getOtherFields() {
        return otherFields;
    }

    @JsonAnySetter
    public void setOtherField(String name, JsonNode value) {
        otherFields.put(name, value);
    }
}
