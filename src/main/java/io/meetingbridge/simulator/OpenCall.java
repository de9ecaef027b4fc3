package io.meetingbridge.simulator;

import java.util.concurrent.atomic.AtomicBoolean;

/** A call the traffic record counts as open until {@link #close()}; closing twice counts once. */
final class OpenCall implements AutoCloseable {

    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    OpenCall(Runnable onClose) {
        this.onClose = onClose;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
        }
    }
}
