package io.meetingbridge.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What reached the simulator, for tests to assert on: call counts, the most recent series PUTs, how
 * many calls overlapped, and the busiest stretch of time.
 */
public final class TrafficRecorder {

    /** Older PUTs are forgotten, so a long benchmark run cannot exhaust the heap. */
    public static final int MAX_RECORDED_PUTS = 10_000;

    /**
     * How many of the latest calls {@link #maxCallsInAnyWindow} looks at: 200,000 receive times, at most
     * 1.6 MB, cover several minutes of the bridge's top rate. Older calls are forgotten.
     */
    public static final int MAX_TIMED_CALLS = 200_000;

    private final LongAdder authCalls = new LongAdder();
    private volatile AuthHeaders lastAuthHeaders;
    private final LongAdder putCalls = new LongAdder();
    private final Map<String, LongAdder> putCallsByConference = new ConcurrentHashMap<>();
    private final Deque<RecordedPut> recentPuts = new ArrayDeque<>();
    private final Map<String, LongAdder> callsByName = new ConcurrentHashMap<>();
    private final CallTimeline timeline = new CallTimeline(MAX_TIMED_CALLS);
    // replaced, not reset, by clear(): a call still open then closes on the gauges it opened on
    private volatile CallConcurrency concurrency = new CallConcurrency();

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

    /** Calls of one operation, whatever their answer. */
    public long calls(MeetingOperation operation) {
        LongAdder calls = callsByName.get(operation.callName());
        return calls == null ? 0 : calls.sum();
    }

    /** Calls per operation served, authentication included, named like {@code POST /v2/usg/acs/auth/appauth}. */
    public Map<String, Long> callsByOperation() {
        Map<String, Long> snapshot = new TreeMap<>();
        callsByName.forEach((name, calls) -> snapshot.put(name, calls.sum()));
        return snapshot;
    }

    /**
     * The most modifying meeting calls (POST, PUT and DELETE of every meeting operation; not
     * authentication, not reads) that were open at once. A call is open from its receipt until its
     * answer is ready to leave, latency and holds included.
     */
    public int maxConcurrentPuts() {
        return concurrency.maxModifying();
    }

    /** Calls received and not answered yet, reads included: a dead client's call is open until it is answered. */
    public int openCalls() {
        return concurrency.open();
    }

    /** The most calls naming this conferenceID (in their query) that were open at once. */
    public int maxConcurrentCalls(String conferenceID) {
        return concurrency.maxFor(conferenceID);
    }

    /** The conferenceIDs that ever had two calls open at the same time, sorted. */
    public Set<String> overlappedConferences() {
        return concurrency.overlappedConferences();
    }

    /**
     * The most calls, authentication included, received within any one window of this length, among
     * the last {@link #MAX_TIMED_CALLS} calls.
     */
    public int maxCallsInAnyWindow(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the window must be positive");
        }
        return timeline.maxInAnyWindow(window);
    }

    /** Forgets all counts, recorded PUTs, overlaps and receive times. */
    public void clear() {
        authCalls.reset();
        putCalls.reset();
        putCallsByConference.clear();
        synchronized (recentPuts) {
            recentPuts.clear();
        }
        callsByName.clear();
        timeline.clear();
        concurrency = new CallConcurrency();
    }

    /**
     * Counts a call as received now and open until the returned handle is closed.
     *
     * @param callName     the operation served, or null for a path or method the simulator does not serve
     * @param conferenceID the conferenceID the call names, or null
     */
    OpenCall callReceived(String callName, String conferenceID, boolean modifies) {
        timeline.record(System.nanoTime());
        if (callName != null) {
            callsByName.computeIfAbsent(callName, name -> new LongAdder()).increment();
        }
        return concurrency.open(conferenceID, modifies);
    }

    void recordAuthCall(String authorization, String tokenType) {
        authCalls.increment();
        lastAuthHeaders = new AuthHeaders(authorization, tokenType);
    }

    /** The signature headers of the latest authentication request (a signature, never the App key), or null. */
    public AuthHeaders lastAuthHeaders() {
        return lastAuthHeaders;
    }

    /** The Authorization and X-Token-Type headers of an authentication request; null when absent. */
    public record AuthHeaders(String authorization, String tokenType) {
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
