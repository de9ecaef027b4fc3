package io.meetingbridge.reliability;

import java.util.BitSet;

/**
 * One application of a change as the output topic shows it: the occurrence records written for one
 * answer of the API (one {@code meeting-request-id}). A crash may cut it short; a retry writes another.
 */
final class Application {

    private final String changeId;
    private final String conferenceId;
    private final int partition;
    private final long firstOffset;
    private final int count;
    private final BitSet indexes = new BitSet();

    Application(String changeId, String conferenceId, int partition, long firstOffset, int count) {
        this.changeId = changeId;
        this.conferenceId = conferenceId;
        this.partition = partition;
        this.firstOffset = firstOffset;
        this.count = count;
    }

    void addOccurrence(int index) {
        indexes.set(index);
    }

    /** Every occurrence, 1 to count, is on the topic, and there are as many as expected. */
    boolean isComplete(int expectedOccurrences) {
        return count == expectedOccurrences && indexes.cardinality() == count && indexes.nextSetBit(0) == 1
                && indexes.length() == count + 1;
    }

    String changeId() {
        return changeId;
    }

    String conferenceId() {
        return conferenceId;
    }

    int partition() {
        return partition;
    }

    long firstOffset() {
        return firstOffset;
    }
}
