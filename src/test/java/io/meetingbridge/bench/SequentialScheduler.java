package io.meetingbridge.bench;

import io.meetingbridge.change.ReceivedChange;
import java.util.List;
import java.util.concurrent.ExecutionException;

/** The sequential baseline: one change at a time, in offset order, on the consumer's thread (as HTTP sink connectors do). */
final class SequentialScheduler implements BaselineScheduler {

    private final Apply applier;

    SequentialScheduler(Apply applier) {
        this.applier = applier;
    }

    @Override
    public void applyAll(List<ReceivedChange> poll) throws InterruptedException, ExecutionException {
        for (ReceivedChange change : poll) {
            applier.apply(change);
        }
    }
}
