package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    /** The goal for a SIGTERM hand-over; printed, not asserted: a busy 2-core machine may not meet it. */
    private static final long GOAL_MILLIS = 1000;

    @Test
    void rollingRestartLosesNothingKeepsOrderAndCooperativeKeepsTheGroupWritingThroughAKill() {
        RunResult eager = run("eager", EAGER, 20_260_201L);
        RunResult cooperative = run("cooperative", COOPERATIVE, 20_260_202L);

        System.out.printf("Rolling restart, %d instances, %d partitions, %.0f changes/s, %d cores:%n%s%s",
                INSTANCES, PARTITIONS, CHANGES_PER_SECOND, Runtime.getRuntime().availableProcessors(),
                eager.table(), cooperative.table());
        // SIGTERM hand-overs of the two assignors differ by less than this machine's noise (both well under the
        // goal here); a kill -9 does not: eager stops the whole group until the session times out
        assertThat(cooperative.worstSigtermPause()).as("cooperative SIGTERM pause").isLessThan(3 * GOAL_MILLIS);
        assertThat(eager.worstSigtermPause()).as("eager SIGTERM pause").isLessThan(3 * GOAL_MILLIS);
        assertThat(cooperative.killPause()).as("cooperative kill -9 pause").isLessThan(eager.killPause());
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
            awaitWholeAndCaughtUp(rig, stream);
            handOvers.add(new HandOver("kill -9", killed.name(), from, System.currentTimeMillis()));

            stream.stop();
            List<PublishedChange> published = stream.awaitPublished(Duration.ofSeconds(30));
            rig.awaitDrained(Duration.ofSeconds(60));
            Ledger ledger = rig.ledger();
            RunVerdict verdict = RunVerdict.of(rig, published, false);
            verdict.assertPassed(name);
            Accounting accounting = verdict.accounting();
            // at-least-once: a hand-over may repeat the changes in flight, never a whole backlog
            assertThat(accounting.processedTwice()).as(name + ": processed twice").isLessThan(published.size() / 5);
            return new RunResult(name + " (" + assignor.substring(assignor.lastIndexOf('.') + 1) + ", logs in "
                    + rig.run.root() + ")", accounting, OutputTimeline.of(ledger), handOvers);
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
            return handOvers.stream().filter(h -> h.signal().equals("kill -9")).mapToLong(output::longestPause)
                    .max().orElse(0);
        }

        private java.util.stream.Stream<HandOver> sigterms() {
            return handOvers.stream().filter(h -> h.signal().equals("SIGTERM"));
        }

        String table() {
            StringBuilder table = new StringBuilder(name).append(":\n").append(accounting.table());
            for (HandOver handOver : handOvers) {
                table.append(String.format("%-20s longest output pause %6d ms, partitions paused > %d ms: %d of %d%n",
                        handOver.label(), output.longestPause(handOver), GOAL_MILLIS,
                        output.partitionsPausedLongerThan(GOAL_MILLIS, handOver), PARTITIONS));
            }
            table.append(String.format("worst SIGTERM pause %d ms (goal %d ms: %s)%n", worstSigtermPause(), GOAL_MILLIS,
                    worstSigtermPause() <= GOAL_MILLIS ? "met" : "not met on this machine"));
            return table.toString();
        }
    }
}
