package io.meetingbridge.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the simulator does wrong on purpose. Thread-safe: a fault armed for N calls fires exactly N
 * times however many callers race for it. A fault lasts until it is used up or cleared.
 */
public final class FaultPlan {

    private static final int ALWAYS = -1;
    private static final int NO_AUTH_FAILURE = 0;

    private final Map<String, ArmedFault> byConference = new ConcurrentHashMap<>();
    private final AtomicReference<ArmedFault> nextPuts = new AtomicReference<>();
    private final AtomicLong putLatencyMillis = new AtomicLong();
    private final AtomicInteger authFailureStatus = new AtomicInteger(NO_AUTH_FAILURE);

    /** The next {@code times} PUTs of this conferenceID get this answer instead of being processed. */
    public void failConference(String conferenceID, ApiResponse response, int times) {
        byConference.put(conferenceID, new ArmedFault(response, requirePositive(times)));
    }

    /** Every PUT of this conferenceID gets this answer until {@link #clearConference} or {@link #clearAll}. */
    public void failConferenceAlways(String conferenceID, ApiResponse response) {
        byConference.put(conferenceID, new ArmedFault(response, ALWAYS));
    }

    public void clearConference(String conferenceID) {
        byConference.remove(conferenceID);
    }

    /**
     * The next {@code times} PUTs, of any conferenceID, get this answer; it replaces an earlier such
     * fault. For a status only, pass {@code MeetingErrors.typicalFor(status)}.
     */
    public void failNextPuts(int times, ApiResponse response) {
        nextPuts.set(new ArmedFault(response, requirePositive(times)));
    }

    /** Every PUT waits this long before it is answered (faults included); zero for none. */
    public void setPutLatency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        putLatencyMillis.set(latency.toMillis());
    }

    public Duration putLatency() {
        return Duration.ofMillis(putLatencyMillis.get());
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

    /** Clears every fault and the latency. */
    public void clearAll() {
        byConference.clear();
        nextPuts.set(null);
        putLatencyMillis.set(0);
        clearAuthFailure();
    }

    void applyPutLatency() {
        long millis = putLatencyMillis.get();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                // only a stopping simulator interrupts its workers: answer at once
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The injected answer for this PUT, if any; using it counts against the fault's remaining calls. */
    Optional<ApiResponse> takePutFault(String conferenceID) {
        Optional<ApiResponse> global = take(nextPuts.get());
        if (global.isPresent() || conferenceID == null) {
            return global;
        }
        return take(byConference.get(conferenceID));
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
