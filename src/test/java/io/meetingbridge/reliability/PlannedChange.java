package io.meetingbridge.reliability;

/**
 * One input record before it is published.
 *
 * @param changeId the change's id, or null when the value names none and the bridge uses its position
 * @param seq      for a valid change, its place among the valid changes of its conference (0, 1, ...); else -1
 */
record PlannedChange(ChangeKind kind, String changeId, String conferenceId, int seq, String value) {
}
