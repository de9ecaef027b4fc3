package io.meetingbridge.change;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.concurrent.TimeoutException;

/**
 * Which series a change belongs to, so that a poll is sorted into one lane per series whichever id each
 * change names (the series ledger knows which seriesKey a conferenceID has).
 */
public interface SeriesDirectory {

    /** The lane of a parsed change (null for a value that is not JSON): changes of one series share it. */
    String laneOf(JsonNode change);

    /** Input partitions came to this instance (the group's assignment): their series' history is read. */
    default void partitionsGained(Collection<Integer> inputPartitions) {
    }

    /** Input partitions went to another instance (revoked or lost): their series are forgotten. */
    default void partitionsGone(Collection<Integer> inputPartitions) {
    }

    /** Learns what other instances applied; called before a poll is sorted after the partitions moved. */
    void catchUp() throws InterruptedException, TimeoutException;

    /**
     * Before a batch is committed: waits for the series' records its changes wrote without waiting. Null when
     * every one was acknowledged, else why not (nothing of the batch is committed then).
     */
    default Throwable awaitWrites() throws InterruptedException {
        return null;
    }

    /** Before a batch runs: writes again what a failed {@link #awaitWrites} left unwritten. */
    default void rewriteUnconfirmed() throws Exception {
    }
}
