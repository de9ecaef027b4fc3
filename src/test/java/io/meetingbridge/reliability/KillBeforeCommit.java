package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * kill -9 between a change's ledger write and the commit of its input offset: its outputs are published and the
 * ledger holds it as the series' last applied change, but the offset is not committed, so the restarted bridge reads
 * the change again.
 *
 * <p>How the kill lands there: the series' changes are published before the bridge starts, so one poll holds them
 * and the batch (whose offsets are committed only when it ends) goes on with the change after the killed one. Every
 * API call takes {@link #CALL_LATENCY} (6 s), so that next change's call is still waiting for its answer when the
 * ledger shows the killed one applied: that is when the bridge is killed.
 */
final class KillBeforeCommit {

    /** Well below the bridge's response timeout (20 s here), well above the time the test takes to see the ledger. */
    private static final Duration CALL_LATENCY = Duration.ofSeconds(6);

    private KillBeforeCommit() {
    }

    /**
     * Publishes {@code life}, kills the bridge once the ledger holds {@code life.get(killed)} applied (waiting at
     * most {@code ledgerWait}), checks that the kill landed there, restarts the bridge with an instant API and waits
     * until the input is drained. Returns the conferenceID of the one series the killed bridge created.
     */
    static String killAfterLedgerWriteAndRestart(BridgeRig rig, List<LifeChange> life, int killed,
                                                 Duration ledgerWait) {
        LifeChange change = life.get(killed);
        rig.publish(LifeChange.inOrder(life), life.size());
        rig.api.faults().setCallLatency(CALL_LATENCY);
        BridgeJvm bridge = rig.bridge("bridge").with("meeting.api.response-timeout-ms", "20000").start();

        Awaitility.await("the ledger holds " + change.changeId() + " as the series' last applied change")
                .atMost(ledgerWait).pollInterval(Duration.ofMillis(50))
                .failFast("the bridge died", bridge::diedUnexpectedly)
                .until(() -> change.changeId().equals(
                        SeriesLedgerView.read(rig).field(change.seriesKey(), "lastChangeId")));
        bridge.kill();
        // the kill landed where it should: the change's outputs are out, its offset is not committed
        assertThat(rig.admin.committedOffsetSum(rig.topics.group(), rig.topics.changes()))
                .as("committed input offsets when killed").isZero();
        LifeOutputs beforeRestart = LifeOutputs.read(rig);
        assertThat(beforeRestart.lost(life.subList(0, killed + 1))).isEmpty();
        assertThat(beforeRestart.applicationsOf(life.get(killed + 1).changeId()))
                .as("the change after it, not answered yet").isEmpty();
        assertThat(rig.api.scheduledSeries()).hasSize(1);
        String created = rig.api.scheduledSeries().get(0).conferenceID();

        // The killed bridge's call is still inside the API, as a dead client's request is: answered only after the
        // restarted bridge's newer changes, it would undo them. The bridge cannot fence it (README, Reliability);
        // this test is about the uncommitted offset, so it restarts once that call is over.
        Awaitility.await("the killed bridge's call is answered").atMost(CALL_LATENCY.multipliedBy(2))
                .pollInterval(Duration.ofMillis(50)).until(() -> rig.api.traffic().openCalls() == 0);
        rig.api.faults().setCallLatency(Duration.ZERO);
        bridge.start();
        rig.awaitDrained(Duration.ofSeconds(90));
        return created;
    }
}
