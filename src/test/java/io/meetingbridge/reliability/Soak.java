package io.meetingbridge.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A soak you can run: {@code mvn -q -DskipTests package exec:java@soak [-Dsoak.minutes=N]}.
 *
 * <p>For {@code soak.minutes} (default 3) an upstream producer publishes {@code soak.rate} changes a
 * second (default 40) over {@code soak.conferences} conferences (default 300), some invalid and some
 * to a conference the API always refuses, while the simulator throws random faults at the bridge
 * (seeded by {@code soak.seed}, printed). A third of the way in the bridge is killed (kill -9) and
 * restarted; two thirds in the broker restarts. Then publishing stops, the bridge drains, and the run
 * prints what became of every change. The exit status is 1 if any change was lost, a conference's
 * changes were applied out of order (on the output topic or at the API, {@link RunVerdict}), or a change
 * ended otherwise than it was made to (a valid change dead-lettered for anything but an injected API
 * fault, say; one an injected 400 or 500 dead-lettered is expected, and its conference goes on without it).
 */
public final class Soak {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(20);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

    private Soak() {
    }

    public static void main(String[] args) throws InterruptedException {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "3"));
        Duration length = Duration.ofSeconds(Math.round(minutes * 60));
        double rate = Double.parseDouble(System.getProperty("soak.rate", "40"));
        int conferences = Integer.getInteger("soak.conferences", 300);
        long seed = Long.getLong("soak.seed", System.nanoTime());
        System.out.printf("Soak: %s, %.0f changes/s over %d conferences, seed %d%n", length, rate, conferences, seed);

        RunVerdict verdict;
        try (BridgeRig rig = BridgeRig.start("soak", 6)) {
            // 50 and 99 share no factor below 4,950, so refused changes are published too (every 100th was also a 50th)
            verdict = run(rig, length, rate, ChangeMix.withFailures("soak", conferences, 50, 99, seed), seed);
            System.out.println("Logs in " + rig.run);
        }
        System.out.print(verdict.accounting().table());
        Map<String, List<String>> failures = verdict.failures();
        failures.forEach((what, cases) ->
                System.out.println(what + " (" + cases.size() + "): " + cases.stream().limit(20).toList()));
        if (!failures.isEmpty()) {
            System.exit(1);
        }
    }

    private static RunVerdict run(BridgeRig rig, Duration length, double rate, ChangeMix mix, long seed)
            throws InterruptedException {
        rig.refuse(ChangeMix.REFUSED_CONFERENCE);
        BridgeJvm bridge = rig.bridge("bridge")
                .with("bridge.retry.initial-delay-ms", "100")
                .with("bridge.retry.max-delay-ms", "2000")
                .start();
        Instant start = Instant.now();
        ChangeStream stream = rig.publishUntilStopped(mix::next, rate);
        ScheduledExecutorService progress = printProgress(rig, stream, start);
        List<PublishedChange> published;
        try (SoakFaults faults = SoakFaults.start(rig.api, seed)) {
            sleepUntil(start.plus(length.dividedBy(3)));
            say(start, "kill -9 of the bridge, and a restart");
            bridge.kill();
            bridge.start();
            sleepUntil(start.plus(length.multipliedBy(2).dividedBy(3)));
            say(start, "broker restart");
            rig.broker.restart();
            say(start, "broker back");
            sleepUntil(start.plus(length));
            stream.stop();
            published = stream.awaitPublished(Duration.ofMinutes(3));
            say(start, "published " + published.size() + " changes; faults injected: " + faults.injected());
        }
        rig.awaitDrained(DRAIN_TIMEOUT);
        progress.shutdownNow();
        say(start, "drained; reading both output topics");
        // a valid change an injected 400 or 500 dead-lettered is excused: its conference goes on without it
        return RunVerdict.of(rig, published, true);
    }

    private static ScheduledExecutorService printProgress(BridgeRig rig, ChangeStream stream, Instant start) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "soak-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> {
            try {
                say(start, String.format("published %d, committed %d, occurrence records %d, dead letters %d",
                        stream.acknowledged(), rig.admin.committedOffsetSum(rig.topics.group(), rig.topics.changes()),
                        rig.occurrenceRecords(), rig.admin.endOffsetSum(rig.topics.deadLetter())));
            } catch (RuntimeException e) {
                say(start, "broker not answering: " + e.getMessage());
            }
        }, PROGRESS_EVERY.toMillis(), PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return timer;
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis); // the soak's schedule is by the clock: there is no condition to wait for
        }
    }

    private static void say(Instant start, String what) {
        System.out.printf("[%4ds] %s%n", Duration.between(start, Instant.now()).toSeconds(), what);
    }
}
