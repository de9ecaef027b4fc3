package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A rolling restart as Kubernetes does it, while changes stream in: three bridge processes in one group on a
 * 6-partition input; each in turn gets SIGTERM and is started afresh once the group has caught up, then one
 * gets kill -9. Nothing is lost, every series stays in order across every hand-over, duplicates are counted,
 * and the longest pause of the group's output during each hand-over is printed, once with the eager
 * RangeAssignor and once with the default cooperative-sticky one.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class RollingRestartIT {

    private static final String EAGER = "org.apache.kafka.clients.consumer.RangeAssignor";
    private static final String COOPERATIVE = "org.apache.kafka.clients.consumer.CooperativeStickyAssignor";
    private static final int INSTANCES = 3;
    private static final int PARTITIONS = 6;
    private static final double CHANGES_PER_SECOND = 40;
    /** The goal for a hand-over the group's output keeps going through (README, Rolling restarts). */
    private static final long GOAL_MILLIS = 1000;
    /** camel.component.kafka.session-timeout-ms of the rig's bridges: how long a killed member stays in the group. */
    private static final long SESSION_TIMEOUT_MILLIS = 6000;

    @Test
    void rollingRestartLosesNothingKeepsOrderAndCooperativeKeepsTheGroupWritingThroughAKill() {
        RunResult eager = run("eager", EAGER, 20_260_201L);
        RunResult cooperative = run("cooperative", COOPERATIVE, 20_260_202L);

        System.out.printf("Rolling restart, %d instances, %d partitions, %.0f changes/s, %d cores:%n%s%s",
                INSTANCES, PARTITIONS, CHANGES_PER_SECOND, Runtime.getRuntime().availableProcessors(),
                eager.table(), cooperative.table());
        // README, Rolling restarts: no SIGTERM hand-over pauses the group's output for more than the goal, whatever the
        // assignor; with cooperative-sticky the other members keep writing through a kill -9 as well
        assertThat(cooperative.worstSigtermPause()).as("cooperative SIGTERM pause").isLessThanOrEqualTo(GOAL_MILLIS);
        assertThat(eager.worstSigtermPause()).as("eager SIGTERM pause").isLessThanOrEqualTo(GOAL_MILLIS);
        assertThat(cooperative.killPause()).as("cooperative kill -9 pause, %s", cooperative.killPauses())
                .isLessThanOrEqualTo(GOAL_MILLIS);
        // eager is printed, not compared: whether a kill -9 stops its whole group depends on when the restarted
        // process rejoins against the dead member's session (seen here: from 172 to 5936 ms), and its partitions'
        // pauses in the table say which happened
    }

    private static RunResult run(String name, String assignor, long seed) {
        try (BridgeRig rig = BridgeRig.start("rolling-" + name, PARTITIONS)) {
            List<BridgeJvm> bridges = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                bridges.add(rig.bridge("bridge-" + i).with("bridge.consumer.partition-assignor", assignor).start());
            }
            ChangeStream stream = rig.publishUntilStopped(ChangeMix.valid(name, 60, seed)::next, CHANGES_PER_SECOND);
            awaitWholeAndCaughtUp(rig, stream);

            List<HandOver> handOvers = new ArrayList<>();
            for (BridgeJvm bridge : bridges) {
                long from = System.currentTimeMillis();
                bridge.stop();
                bridge.start();
                awaitWholeAndCaughtUp(rig, stream);
                handOvers.add(new HandOver("SIGTERM", bridge.name(), from, System.currentTimeMillis()));
            }
            BridgeJvm killed = bridges.get(0);
            long from = System.currentTimeMillis();
            killed.kill();
            killed.start();
            // the dead member keeps its place, and its partitions, until its session times out: the group counts
            // three members and its other partitions' commits make up the sum before that, so wait for it
            Awaitility.await("the killed member's session timed out").atMost(Duration.ofMillis(2 * SESSION_TIMEOUT_MILLIS))
                    .until(() -> System.currentTimeMillis() - from > SESSION_TIMEOUT_MILLIS);
            awaitWholeAndCaughtUp(rig, stream);
            handOvers.add(new HandOver("kill -9", killed.name(), from, System.currentTimeMillis()));

            stream.stop();
            List<PublishedChange> published = stream.awaitPublished(Duration.ofSeconds(30));
            rig.awaitDrained(Duration.ofSeconds(60));
            Ledger ledger = rig.ledger();
            RunVerdict verdict = RunVerdict.of(rig, published, false);
            verdict.assertPassed(name);
            Accounting accounting = verdict.accounting();
            // a SIGTERM commits the batch in flight before the partitions move: only the kill -9 may repeat changes,
            // those the killed process had applied and not yet committed, never a backlog
            HandOver kill = handOvers.get(handOvers.size() - 1);
            long publishedDuringKill = Math.round(CHANGES_PER_SECOND * (kill.toMillis() - kill.fromMillis()) / 1000.0);
            assertThat(accounting.processedTwice()).as("%s: processed twice, at most what was published during the kill -9 "
                    + "hand-over (%d ms)", name, kill.toMillis() - kill.fromMillis()).isLessThanOrEqualTo(
                    (int) publishedDuringKill);
            return new RunResult(name + " (" + assignor.substring(assignor.lastIndexOf('.') + 1) + ", logs in "
                    + rig.run + ")", accounting, OutputTimeline.of(ledger), handOvers);
        }
    }

    /** Kubernetes' next step waits for readiness: here, every instance in the group and the backlog worked off. */
    private static void awaitWholeAndCaughtUp(BridgeRig rig, ChangeStream stream) {
        rig.awaitMembers(INSTANCES);
        rig.awaitCommitted(stream.acknowledged(), Duration.ofSeconds(90));
    }

    /** One assignor's run: what became of the changes, and each hand-over's pause. */
    private record RunResult(String name, Accounting accounting, OutputTimeline output, List<HandOver> handOvers) {

        long worstSigtermPause() {
            return sigterms().mapToLong(output::longestPause).max().orElse(0);
        }

        long killPause() {
            return output.longestPause(kill());
        }

        /** How the kill -9 hand-over went, partition by partition. */
        String killPauses() {
            HandOver kill = kill();
            return String.format("the group's output paused %d ms; per partition (ms) %s; the hand-over took %d ms, the "
                            + "session timeout is %d ms", killPause(), output.longestPauseByPartition(kill),
                    kill.toMillis() - kill.fromMillis(), SESSION_TIMEOUT_MILLIS);
        }

        private HandOver kill() {
            return handOvers.stream().filter(h -> h.signal().equals("kill -9")).findFirst().orElseThrow();
        }

        private java.util.stream.Stream<HandOver> sigterms() {
            return handOvers.stream().filter(h -> h.signal().equals("SIGTERM"));
        }

        String table() {
            StringBuilder table = new StringBuilder(name).append(":\n").append(accounting.table());
            for (HandOver handOver : handOvers) {
                table.append(String.format("%-20s longest output pause %6d ms, partitions paused > %d ms: %d of %d, "
                                + "each partition's longest pause (ms): %s%n", handOver.label(), output.longestPause(handOver),
                        GOAL_MILLIS, output.partitionsPausedLongerThan(GOAL_MILLIS, handOver), PARTITIONS,
                        output.longestPauseByPartition(handOver)));
            }
            table.append(String.format("worst SIGTERM pause %d ms (goal %d ms: %s)%n", worstSigtermPause(), GOAL_MILLIS,
                    worstSigtermPause() <= GOAL_MILLIS ? "met" : "not met on this machine"));
            return table.toString();
        }
    }
}
