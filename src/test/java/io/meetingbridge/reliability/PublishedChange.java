package io.meetingbridge.reliability;

/**
 * One input record the broker acknowledged, with the id the bridge knows it by: its changeId, or
 * {@code topic-partition@offset} for a value that names none.
 */
record PublishedChange(String changeId, ChangeKind kind, String conferenceId, int seq, int partition, long offset) {

    static PublishedChange of(PlannedChange planned, String topic, int partition, long offset) {
        String id = planned.changeId() != null ? planned.changeId() : topic + "-" + partition + "@" + offset;
        return new PublishedChange(id, planned.kind(), planned.conferenceId(), planned.seq(), partition, offset);
    }
}
