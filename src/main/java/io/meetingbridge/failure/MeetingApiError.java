package io.meetingbridge.failure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Meeting API's error body, {@code {"error_code": "...", "error_msg": "..."}}; both null when absent. */
public record MeetingApiError(String errorCode, String errorMsg) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The suffix of the API's "server flow control" codes (e.g. {@code MMC.100000429}), whatever the status. */
    private static final String FLOW_CONTROL_SUFFIX = "100000429";
    private static final int MAX_TEXT = 200;

    public static MeetingApiError parse(String body) {
        if (body == null || body.isBlank()) {
            return new MeetingApiError(null, null);
        }
        try {
            JsonNode node = JSON.readTree(body);
            return new MeetingApiError(text(node, "error_code"), text(node, "error_msg"));
        } catch (Exception notJson) {
            return new MeetingApiError(null, null);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isValueNode()) {
            return null;
        }
        String text = value.asText();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
    }

    /** The API throttled the call: a 429 in substance, whatever HTTP status carried it. */
    public boolean isFlowControl() {
        return errorCode != null && errorCode.endsWith(FLOW_CONTROL_SUFFIX);
    }

    /** " MMC.111070005 (meeting does not exist)", or "" when the body named no error. */
    public String describe() {
        if (errorCode == null && errorMsg == null) {
            return "";
        }
        return " " + (errorCode == null ? "" : errorCode) + (errorMsg == null ? "" : " (" + errorMsg + ")");
    }
}
