package io.meetingbridge.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What reached the simulator: call counts and the most recent PUTs, for tests to assert on. */
public final class TrafficRecorder {

    /** Older PUTs are forgotten, so a long benchmark run cannot exhaust the heap. */
    public static final int MAX_RECORDED_PUTS = 10_000;

    private final LongAdder authCalls = new LongAdder();
    private final LongAdder putCalls = new LongAdder();
    private final Map<String, LongAdder> putCallsByConference = new ConcurrentHashMap<>();
    private final Deque<RecordedPut> recentPuts = new ArrayDeque<>();

    public long authCalls() {
        return authCalls.sum();
    }

    public long putCalls() {
        return putCalls.sum();
    }

    public long putCalls(String conferenceID) {
        LongAdder calls = putCallsByConference.get(conferenceID);
        return calls == null ? 0 : calls.sum();
    }

    public Map<String, Long> putCallsByConference() {
        Map<String, Long> snapshot = new TreeMap<>();
        putCallsByConference.forEach((conferenceID, calls) -> snapshot.put(conferenceID, calls.sum()));
        return snapshot;
    }

    /** The last {@link #MAX_RECORDED_PUTS} PUTs, oldest first. */
    public List<RecordedPut> recordedPuts() {
        synchronized (recentPuts) {
            return List.copyOf(recentPuts);
        }
    }

    /** Forgets all counts and recorded PUTs. */
    public void clear() {
        authCalls.reset();
        putCalls.reset();
        putCallsByConference.clear();
        synchronized (recentPuts) {
            recentPuts.clear();
        }
    }

    void recordAuthCall() {
        authCalls.increment();
    }

    void recordPut(RecordedPut put) {
        putCalls.increment();
        if (put.conferenceID() != null) {
            putCallsByConference.computeIfAbsent(put.conferenceID(), id -> new LongAdder()).increment();
        }
        synchronized (recentPuts) {
            if (recentPuts.size() == MAX_RECORDED_PUTS) {
                recentPuts.removeFirst();
            }
            recentPuts.addLast(put);
        }
    }
}
