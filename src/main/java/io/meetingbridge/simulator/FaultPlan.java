package io.meetingbridge.simulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the simulator does wrong on purpose, and the conditions tests impose on it (started meetings,
 * held creates). Thread-safe: a fault armed for N calls fires exactly N times however many callers
 * race for it. A fault lasts until it is used up or cleared.
 *
 * <p>A meeting call (any {@link MeetingOperation}) takes the first armed fault of: its operation
 * ({@link #failNext}, {@link #failNextPuts}), any call ({@link #failNextCalls}), its conferenceID
 * ({@link #failConference}). Faults answer after the latency and before the access token is checked.
 */
public final class FaultPlan {

    private static final int ALWAYS = -1;
    private static final int NO_AUTH_FAILURE = 0;

    private final Map<String, ArmedFault> byConference = new ConcurrentHashMap<>();
    private final Map<MeetingOperation, AtomicReference<ArmedFault>> nextByOperation =
            new EnumMap<>(MeetingOperation.class);
    private final AtomicReference<ArmedFault> nextCalls = new AtomicReference<>();
    private final AtomicLong callLatencyMillis = new AtomicLong();
    private final AtomicInteger authFailureStatus = new AtomicInteger(NO_AUTH_FAILURE);
    private final Map<String, Integer> refusedTenants = new ConcurrentHashMap<>();
    private final StartedMeetings started = new StartedMeetings();
    private final AtomicReference<AnswerHold> createHold = new AtomicReference<>(AnswerHold.alreadyReleased());
    private final AtomicReference<AnswerHold> seriesUpdateHold = new AtomicReference<>(AnswerHold.alreadyReleased());

    public FaultPlan() {
        // filled once, read by many threads: the map itself never changes after construction
        for (MeetingOperation operation : MeetingOperation.values()) {
            nextByOperation.put(operation, new AtomicReference<>());
        }
    }

    /** The next {@code times} meeting calls naming this conferenceID get this answer instead of being processed. */
    public void failConference(String conferenceID, ApiResponse response, int times) {
        byConference.put(conferenceID, new ArmedFault(response, requirePositive(times)));
    }

    /**
     * Every meeting call naming this conferenceID gets this answer until {@link #clearConference} or
     * {@link #clearAll}.
     */
    public void failConferenceAlways(String conferenceID, ApiResponse response) {
        byConference.put(conferenceID, new ArmedFault(response, ALWAYS));
    }

    public void clearConference(String conferenceID) {
        byConference.remove(conferenceID);
    }

    /**
     * The next {@code times} series PUTs ({@link MeetingOperation#UPDATE_SERIES}), of any conferenceID,
     * get this answer; it replaces an earlier such fault. For a status only, pass
     * {@code MeetingErrors.typicalFor(status)}.
     */
    public void failNextPuts(int times, ApiResponse response) {
        failNext(MeetingOperation.UPDATE_SERIES, times, response);
    }

    /** The next {@code times} calls of this operation get this answer; it replaces an earlier such fault. */
    public void failNext(MeetingOperation operation, int times, ApiResponse response) {
        nextByOperation.get(operation).set(new ArmedFault(response, requirePositive(times)));
    }

    /** The next {@code times} meeting calls of any operation get this answer; it replaces an earlier such fault. */
    public void failNextCalls(int times, ApiResponse response) {
        nextCalls.set(new ArmedFault(response, requirePositive(times)));
    }

    /** Every meeting call (not authentication) waits this long before its answer, faults included; zero for none. */
    public void setCallLatency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        callLatencyMillis.set(latency.toMillis());
    }

    public Duration callLatency() {
        return Duration.ofMillis(callLatencyMillis.get());
    }

    /** The name from when the PUT was the only meeting call: same as {@link #setCallLatency}. */
    public void setPutLatency(Duration latency) {
        setCallLatency(latency);
    }

    public Duration putLatency() {
        return callLatency();
    }

    /** The series runs from now on: modifying or cancelling it, or any of its occurrences, is refused. */
    public void markStarted(String conferenceID) {
        started.markSeries(conferenceID);
    }

    /** The occurrence runs from now on: modifying or cancelling it, or its whole series, is refused. */
    public void markOccurrenceStarted(String cycleSubConfID) {
        started.markOccurrence(cycleSubConfID);
    }

    /**
     * From now on each series create stores its series, then holds its answer until the returned
     * hold is released (or {@link #clearAll}, or another call of this method, releases it).
     */
    public AnswerHold holdCreates() {
        AnswerHold hold = new AnswerHold();
        createHold.getAndSet(hold).release();
        return hold;
    }

    /**
     * From now on each accepted series PUT stores its series, then holds its answer until the returned hold is
     * released (or {@link #clearAll}, or another call of this method, releases it).
     */
    public AnswerHold holdSeriesUpdates() {
        AnswerHold hold = new AnswerHold();
        seriesUpdateHold.getAndSet(hold).release();
        return hold;
    }

    /**
     * App ID authentication answers this status until {@link #clearAuthFailure}: 401 rejects the
     * credentials, any other status (503, say) reports the auth service unavailable.
     */
    public void failAuth(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an auth failure needs a 4xx or 5xx status, not " + status);
        }
        authFailureStatus.set(status);
    }

    public void clearAuthFailure() {
        authFailureStatus.set(NO_AUTH_FAILURE);
    }

    /** SP mode: App ID authentication for this corpId answers this status (401 or 403) until {@link #acceptTenant}. */
    public void refuseTenant(String corpId, int status) {
        if (status != 401 && status != 403) {
            throw new IllegalArgumentException("a tenant is refused with 401 or 403, not " + status);
        }
        refusedTenants.put(corpId, status);
    }

    public void acceptTenant(String corpId) {
        refusedTenants.remove(corpId);
    }

    OptionalInt tenantRefusal(String corpId) {
        Integer status = corpId == null ? null : refusedTenants.get(corpId);
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** Releases the creates held by the latest {@link #holdCreates()}, and stops holding. */
    public void releaseCreates() {
        createHold.get().release();
    }

    /** Creates being held right now. */
    public int heldCreates() {
        return createHold.get().heldCount();
    }

    /** Clears every fault, the latency and the started marks, and releases held creates and series PUTs. */
    public void clearAll() {
        byConference.clear();
        nextByOperation.values().forEach(next -> next.set(null));
        nextCalls.set(null);
        callLatencyMillis.set(0);
        clearAuthFailure();
        refusedTenants.clear();
        started.clear();
        releaseCreates();
        seriesUpdateHold.get().release();
    }

    void applyCallLatency() {
        long millis = callLatencyMillis.get();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                // only a stopping simulator interrupts its workers: answer at once
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The injected answer for this meeting call, if any; using it counts against the fault's remaining calls. */
    Optional<ApiResponse> takeFault(MeetingOperation operation, String conferenceID) {
        return take(nextByOperation.get(operation).get())
                .or(() -> take(nextCalls.get()))
                .or(() -> conferenceID == null ? Optional.empty() : take(byConference.get(conferenceID)));
    }

    StartedMeetings started() {
        return started;
    }

    void holdCreateIfAsked() {
        createHold.get().holdUntilReleased();
    }

    void holdSeriesUpdateIfAsked() {
        seriesUpdateHold.get().holdUntilReleased();
    }

    OptionalInt authFailure() {
        int status = authFailureStatus.get();
        return status == NO_AUTH_FAILURE ? OptionalInt.empty() : OptionalInt.of(status);
    }

    private static Optional<ApiResponse> take(ArmedFault fault) {
        return fault == null ? Optional.empty() : fault.take();
    }

    private static int requirePositive(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, not " + times);
        }
        return times;
    }

    private static final class ArmedFault {
        private final ApiResponse response;
        private final AtomicInteger remaining;

        ArmedFault(ApiResponse response, int times) {
            this.response = response;
            this.remaining = new AtomicInteger(times);
        }

        Optional<ApiResponse> take() {
            int before = remaining.getAndUpdate(left -> left > 0 ? left - 1 : left);
            return before == ALWAYS || before > 0 ? Optional.of(response) : Optional.empty();
        }
    }
}
