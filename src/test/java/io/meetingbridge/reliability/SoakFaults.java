package io.meetingbridge.reliability;

import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.simulator.MeetingApiSimulator;
import io.meetingbridge.simulator.MeetingErrors;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Trouble for the soak, at random (seeded), one thing at a time for half a second to a few seconds:
 * outages answering 503, 502, 504 or 429 with Retry-After to every PUT, latency spikes, the odd 400
 * or 500, and every access token revoked at once. Between two faults the API behaves.
 */
final class SoakFaults implements AutoCloseable {

    /** An outage fails every PUT until it ends; no soak sends this many in one. */
    private static final int UNTIL_ENDED = 1_000_000;

    private final MeetingApiSimulator api;
    private final Random random;
    private final Map<String, Integer> injected = new TreeMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "soak-faults");
        thread.setDaemon(true);
        return thread;
    });
    private Runnable endOfCurrentFault;

    private SoakFaults(MeetingApiSimulator api, long seed) {
        this.api = api;
        this.random = new Random(seed);
    }

    static SoakFaults start(MeetingApiSimulator api, long seed) {
        SoakFaults faults = new SoakFaults(api, seed);
        faults.timer.schedule(faults::tick, 1, TimeUnit.SECONDS);
        return faults;
    }

    /** How many faults of each kind were injected. */
    synchronized Map<String, Integer> injected() {
        return Map.copyOf(injected);
    }

    private synchronized void tick() {
        if (endOfCurrentFault != null) {
            endOfCurrentFault.run();
            endOfCurrentFault = null;
        } else {
            injectOne();
        }
        timer.schedule(this::tick, 500 + random.nextInt(2500), TimeUnit.MILLISECONDS);
    }

    private void injectOne() {
        switch (random.nextInt(8)) {
            case 0, 1 -> outage("503 outage", MeetingErrors.typicalFor(503));
            case 2 -> outage("502/504 outage", MeetingErrors.typicalFor(random.nextBoolean() ? 502 : 504));
            case 3 -> outage("429 with Retry-After", MeetingErrors.typicalFor(429).withHeader("Retry-After", "1"));
            case 4 -> {
                int status = random.nextBoolean() ? 400 : 500;
                api.faults().failNextPuts(1 + random.nextInt(2), MeetingErrors.typicalFor(status));
                count("400 or 500");
            }
            case 5, 6 -> {
                api.faults().setPutLatency(Duration.ofMillis(200 + random.nextInt(1300)));
                endOfCurrentFault = () -> api.faults().setPutLatency(Duration.ZERO);
                count("latency spike");
            }
            default -> {
                api.tokens().expireAll();
                count("token expiry");
            }
        }
    }

    private void outage(String kind, ApiResponse answer) {
        api.faults().failNextPuts(UNTIL_ENDED, answer);
        // the fault plan cannot disarm an armed failure: one last one replaces the rest
        endOfCurrentFault = () -> api.faults().failNextPuts(1, answer);
        count(kind);
    }

    private void count(String kind) {
        injected.merge(kind, 1, Integer::sum);
    }

    /** Stops injecting and ends the fault in progress. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (endOfCurrentFault != null) {
            endOfCurrentFault.run();
        }
    }
}
