package io.meetingbridge.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the answers of series creates, or of series PUTs, from leaving until {@link #release()}: the write is
 * already stored in the simulator, but the caller has not heard of it. A test stops a bridge in that gap to prove
 * it neither creates the series twice nor loses the change. From {@code simulator.faults().holdCreates()} and
 * {@code holdSeriesUpdates()}.
 */
public final class AnswerHold {

    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch firstHeld = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();

    static AnswerHold alreadyReleased() {
        AnswerHold hold = new AnswerHold();
        hold.release();
        return hold;
    }

    /** Waits until an answer is being held; false if none came in time (or the wait was interrupted). */
    public boolean awaitHeld(Duration timeout) {
        try {
            return firstHeld.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Answers being held right now. */
    public int heldCount() {
        return held.get();
    }

    /** Lets every held answer leave, and every later one leave at once. */
    public void release() {
        released.countDown();
    }

    /** Called by a write after it is stored; returns when released (or the simulator stops). */
    void holdUntilReleased() {
        if (released.getCount() == 0) {
            return;
        }
        held.incrementAndGet();
        firstHeld.countDown();
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // only a stopping simulator interrupts its workers
        } finally {
            held.decrementAndGet();
        }
    }
}
