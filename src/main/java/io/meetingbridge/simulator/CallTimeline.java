package io.meetingbridge.simulator;

import java.time.Duration;
import java.util.Arrays;

/**
 * When the most recent calls were received, to find the busiest window of any length. Holds at most
 * {@code capacity} receive times (8 bytes each); the array grows as calls come, so an idle simulator
 * costs little. Thread-safe.
 */
final class CallTimeline {

    private static final int INITIAL_SIZE = 1024;

    private final int capacity;
    private long[] nanos = new long[INITIAL_SIZE];
    private int count;
    private int oldest; // once full: where the next time overwrites the oldest one

    CallTimeline(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    synchronized void record(long receivedNanos) {
        if (count < capacity) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, (int) Math.min(capacity, 2L * nanos.length));
            }
            nanos[count++] = receivedNanos;
        } else {
            nanos[oldest] = receivedNanos;
            oldest = (oldest + 1) % capacity;
        }
    }

    /** The most recorded calls received within any one window [t, t + window). */
    int maxInAnyWindow(Duration window) {
        long[] sorted;
        synchronized (this) {
            sorted = Arrays.copyOf(nanos, count);
        }
        // threads record in the order they get the lock, not strictly in receive order
        Arrays.sort(sorted);
        long length = window.toNanos();
        int most = 0;
        int end = 0;
        for (int start = 0; start < sorted.length; start++) {
            while (end < sorted.length && sorted[end] - sorted[start] < length) {
                end++;
            }
            most = Math.max(most, end - start);
        }
        return most;
    }

    synchronized void clear() {
        nanos = new long[INITIAL_SIZE];
        count = 0;
        oldest = 0;
    }
}
