package io.meetingbridge.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The latest accepted writes of all series, oldest first, for tests to check the order in which each series
 * was changed. Bounded, so a long benchmark run cannot exhaust the heap; it says how many it forgot.
 */
final class WriteHistory {

    /** About 100 bytes a write: a few megabytes at most. */
    static final int MAX_WRITES = 100_000;

    private final Deque<SeriesWrite> writes = new ArrayDeque<>();
    private long forgotten;

    synchronized void record(SeriesWrite write) {
        if (writes.size() == MAX_WRITES) {
            writes.removeFirst();
            forgotten++;
        }
        writes.addLast(write);
    }

    synchronized List<SeriesWrite> of(String conferenceID) {
        return writes.stream().filter(write -> write.conferenceID().equals(conferenceID)).toList();
    }

    synchronized long forgotten() {
        return forgotten;
    }
}
