package io.meetingbridge.change;

import java.util.Optional;

/**
 * Where a change was first published: its topic, partition, offset and timestamp. The series ledger
 * remembers it for the last change applied to each series, so that an older change is never applied
 * after a newer one.
 */
public record ChangePosition(String topic, int partition, long offset, long timestamp) {

    /** Older: in the same partition a lower offset, else an earlier timestamp. */
    public boolean isOlderThan(ChangePosition other) {
        if (samePartition(other)) {
            return offset < other.offset;
        }
        return timestamp < other.timestamp;
    }

    public boolean samePartition(ChangePosition other) {
        return topic.equals(other.topic) && partition == other.partition;
    }

    /** {@code topic:partition:offset:timestamp}; a topic name cannot hold a colon. */
    public String text() {
        return topic + ":" + partition + ":" + offset + ":" + timestamp;
    }

    /** The position written by {@link #text()}, or empty for anything else. */
    public static Optional<ChangePosition> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 4 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChangePosition(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]),
                    Long.parseLong(parts[3])));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
