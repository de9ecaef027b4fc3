package io.meetingbridge.change;

import java.util.List;

/** The changes of one conferenceID in a batch, applied one after the other in offset order. */
public final class Lane {

    private final ChangeBatch batch;
    private final List<ReceivedChange> changes;
    // the lane's changes run one at a time, possibly on different threads of the lane pool
    private volatile int position = -1;

    Lane(ChangeBatch batch, List<ReceivedChange> changes) {
        this.batch = batch;
        this.changes = List.copyOf(changes);
    }

    /**
     * Moves to the next change, or returns null when the lane is done or the batch stops starting changes:
     * at once after a failure, at its deadline after the lane's first change (so every batch makes progress).
     */
    ReceivedChange next() {
        boolean first = position < 0;
        if (position + 1 >= changes.size() || batch.hasFailed() || (!first && batch.isPastDeadline())) {
            return null;
        }
        position++;
        return changes.get(position);
    }

    /** The change {@link #next()} moved to. */
    ReceivedChange current() {
        return changes.get(position);
    }

    void currentFinished() {
        batch.finished(changes.get(position));
    }

    void failed(Throwable cause) {
        batch.fail(cause);
    }

    public int size() {
        return changes.size();
    }
}
