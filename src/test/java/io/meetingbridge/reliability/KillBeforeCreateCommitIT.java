package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 at the other bad point of a create: its occurrences are published and the ledger holds it as the
 * series' last applied change, but the input offset is not committed, so the restarted bridge reads the
 * create again. It must neither POST again nor publish the create twice, and must go on with the changes
 * that followed.
 *
 * <p>How the kill lands there: the three changes of the series are published before the bridge starts, so
 * one poll holds them and the batch (whose offsets are committed only when it ends) goes on with the modify
 * after the create. Every API call takes {@link #CALL_LATENCY} (6 s), so the modify's PUT is still waiting for its
 * answer when the ledger shows the create applied: that is when the bridge is killed.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KillBeforeCreateCommitIT {

    private static final String KEY = "crm-crash-commit";
    /** Well below the bridge's response timeout (20 s here), well above the time the test takes to see the ledger. */
    private static final Duration CALL_LATENCY = Duration.ofSeconds(6);

    @Test
    void aCreateKilledAfterItsLedgerWriteIsNeitherCreatedNorPublishedTwice() {
        try (BridgeRig rig = BridgeRig.start("kill-before-create-commit", 1)) {
            List<LifeChange> life = LifeChange.createModifyCancelOccurrence(KEY);
            LifeChange create = life.get(0);
            rig.publish(LifeChange.inOrder(life), life.size());
            rig.api.faults().setCallLatency(CALL_LATENCY);
            BridgeJvm bridge = rig.bridge("bridge").with("meeting.api.response-timeout-ms", "20000").start();

            Awaitility.await("the ledger holds the create as the series' last applied change")
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                    .failFast("the bridge died", bridge::diedUnexpectedly)
                    .until(() -> create.changeId().equals(SeriesLedgerView.read(rig).field(KEY, "lastChangeId")));
            bridge.kill();
            // the kill landed where it should: the create's outputs are out, its offset is not committed
            assertThat(rig.admin.committedOffsetSum(rig.topics.group(), rig.topics.changes()))
                    .as("committed input offsets when killed").isZero();
            LifeOutputs beforeRestart = LifeOutputs.read(rig);
            assertThat(beforeRestart.lost(List.of(create))).isEmpty();
            assertThat(beforeRestart.applicationsOf(life.get(1).changeId())).as("the modify, not answered yet").isEmpty();
            assertThat(rig.api.scheduledSeries()).hasSize(1);
            String created = rig.api.scheduledSeries().get(0).conferenceID();

            rig.api.faults().setCallLatency(Duration.ZERO);
            bridge.start();
            rig.awaitDrained(Duration.ofSeconds(90));

            CreatedOnce.assertCreatedOnceAndAppliedOnce(rig, life, KEY, created);
            System.out.printf("Killed after the create's ledger write, before the commit, restarted: logs in %s%n",
                    rig.run);
        }
    }
}
