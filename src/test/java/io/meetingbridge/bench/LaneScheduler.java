package io.meetingbridge.bench;

import io.meetingbridge.change.ChangeParser;
import io.meetingbridge.change.InvalidChangeException;
import io.meetingbridge.change.ReceivedChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The concurrent baseline: the poll's changes sorted into lanes by the bridge's own lane key (the
 * conferenceID), lanes run on a pool of {@code maxInFlight} threads, each lane's changes one after the
 * other in offset order. A thread holds its lane's PUT, so at most {@code maxInFlight} calls are open.
 */
final class LaneScheduler implements BaselineScheduler {

    private final Apply applier;
    private final ExecutorService lanes;

    LaneScheduler(Apply applier, int maxInFlight) {
        this.applier = applier;
        this.lanes = Executors.newFixedThreadPool(maxInFlight, laneThreads());
    }

    @Override
    public void applyAll(List<ReceivedChange> poll) throws InterruptedException, ExecutionException {
        Map<String, List<ReceivedChange>> byLane = new LinkedHashMap<>();
        for (ReceivedChange change : poll) {
            byLane.computeIfAbsent(laneOf(change), key -> new ArrayList<>()).add(change);
        }
        List<Future<Void>> running = new ArrayList<>(byLane.size());
        for (List<ReceivedChange> lane : byLane.values()) {
            running.add(lanes.submit(() -> {
                for (ReceivedChange change : lane) {
                    applier.apply(change);
                }
                return null;
            }));
        }
        // every lane ends before the poll does, failed or not, so nothing of it runs on after a failure
        ExecutionException firstFailure = null;
        for (Future<Void> lane : running) {
            try {
                lane.get();
            } catch (ExecutionException e) {
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
    }

    @Override
    public void close() {
        lanes.shutdownNow();
    }

    private static ThreadFactory laneThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "baseline-lane-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The series of a change, as the bridge's lanes go for a modify: its conferenceID ("" when it has none). */
    static String laneOf(ReceivedChange change) {
        try {
            String conferenceID = ChangeParser.conferenceIdOf(change.tree());
            return conferenceID == null ? "" : conferenceID;
        } catch (InvalidChangeException notJson) {
            return "";
        }
    }
}
