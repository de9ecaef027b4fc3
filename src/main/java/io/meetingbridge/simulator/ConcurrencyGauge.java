package io.meetingbridge.simulator;

import java.util.concurrent.atomic.AtomicInteger;

/** How many calls are open now, and the most that ever were at once. Thread-safe. */
final class ConcurrencyGauge {

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();

    void enter() {
        int now = open.incrementAndGet();
        max.accumulateAndGet(now, Math::max);
    }

    void exit() {
        open.decrementAndGet();
    }

    int max() {
        return max.get();
    }

    int open() {
        return open.get();
    }
}
