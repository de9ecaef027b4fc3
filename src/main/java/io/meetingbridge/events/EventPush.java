package io.meetingbridge.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One push of Huawei's meeting event push as it came: the fields the signature covers, the {@code eventInfo}
 * bytes exactly as they stood in the body (the signature and the Kafka record use those), and their parsed form.
 */
record EventPush(String appId, String timestamp, String nonce, String signature, byte[] eventInfo, JsonNode info) {

    static final String VERIFY = "meeting.verify";

    String event() {
        return info.path("event").asText();
    }

    boolean isVerify() {
        return VERIFY.equals(event());
    }

    /** When the event happened (eventInfo's own timestamp), as written; null when absent. */
    String eventTimestamp() {
        return text(info.get("timestamp"));
    }

    String meetingId() {
        return text(info.path("payload").get("meetingID"));
    }

    String meetingUuid() {
        return text(info.path("payload").get("meetingUUID"));
    }

    String cycleSubId() {
        return text(info.path("payload").get("meetingCycleSubID"));
    }

    EventIdentity identity() {
        return new EventIdentity(event(), eventTimestamp(), meetingId(), meetingUuid(), cycleSubId());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
