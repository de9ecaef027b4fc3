package io.meetingbridge.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the answers of series creates from leaving until {@link #release()}: the series already
 * exists in the simulator, but the caller has not heard its conferenceID. A test stops a bridge in
 * that gap to prove it does not create the series twice. From {@code simulator.faults().holdCreates()}.
 */
public final class CreateHold {

    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch firstHeld = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();

    static CreateHold alreadyReleased() {
        CreateHold hold = new CreateHold();
        hold.release();
        return hold;
    }

    /** Waits until a create is being held; false if none came in time (or the wait was interrupted). */
    public boolean awaitHeld(Duration timeout) {
        try {
            return firstHeld.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Creates being held right now. */
    public int heldCount() {
        return held.get();
    }

    /** Lets every held create answer, and every later one answer at once. */
    public void release() {
        released.countDown();
    }

    /** Called by a create after it stored its series; returns when released (or the simulator stops). */
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
