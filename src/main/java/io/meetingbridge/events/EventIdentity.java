package io.meetingbridge.events;

/**
 * What makes two pushes the same event, whatever their nonce and push timestamp: Huawei may sign one event again
 * when it retries. Absent parts are null.
 */
record EventIdentity(String event, String eventTimestamp, String meetingId, String meetingUuid, String cycleSubId) {
}
