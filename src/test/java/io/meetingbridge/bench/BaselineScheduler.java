package io.meetingbridge.bench;

import io.meetingbridge.change.ReceivedChange;
import java.util.List;
import java.util.concurrent.ExecutionException;

/** How a baseline runs the changes of one poll: it returns once every one of them is applied and acknowledged. */
interface BaselineScheduler extends AutoCloseable {

    /** Throws when a change's output could not be written: the poll must then not be committed. */
    void applyAll(List<ReceivedChange> poll) throws InterruptedException, ExecutionException;

    @Override
    default void close() {
    }

    /** Applies one change and returns once its output is acknowledged: {@link BaselineApplier#apply}. */
    @FunctionalInterface
    interface Apply {
        void apply(ReceivedChange change) throws InterruptedException, ExecutionException;
    }
}
