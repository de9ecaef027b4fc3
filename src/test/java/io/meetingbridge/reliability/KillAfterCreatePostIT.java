package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.AnswerHold;
import io.meetingbridge.simulator.MeetingOperation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 at the worst point of a create: the API has made the series, the bridge has not heard its
 * conferenceID, so its ledger still says {@code creating}. The restarted bridge must find and adopt that
 * series rather than POST again, then apply the changes that followed the create, in order; and so must
 * another instance of the group when the killed one's partition goes to it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KillAfterCreatePostIT {

    private static final String KEY = "crm-crash-post";

    @Test
    void aCreateKilledBeforeItsAnswerIsAdoptedNotCreatedTwice() {
        try (BridgeRig rig = BridgeRig.start("kill-after-create-post", 1)) {
            AnswerHold hold = rig.api.faults().holdCreates();
            BridgeJvm bridge = bridge(rig, "bridge").start();
            List<LifeChange> life = LifeChange.createModifyCancelOccurrence(KEY);
            rig.publish(LifeChange.inOrder(life), life.size());

            String created = killWhileTheAnswerIsHeld(rig, hold, bridge, life);
            bridge.start();
            rig.awaitDrained(Duration.ofSeconds(90));

            assertAdoptedAndAppliedOnce(rig, life, created);
            System.out.printf("Killed after the create's POST, restarted: logs in %s%n", rig.run);
        }
    }

    /**
     * The same kill with two instances in the group: the partition goes to the instance that was running all
     * along, which learnt the killed one's "creating" from the ledger topic while following it.
     */
    @Test
    void aCreateKilledBeforeItsAnswerIsAdoptedByTheOtherInstance() {
        try (BridgeRig rig = BridgeRig.start("kill-after-create-post-two", 1)) {
            AnswerHold hold = rig.api.faults().holdCreates();
            BridgeJvm owner = bridge(rig, "bridge-a").start();
            rig.awaitMembers(1);
            // the one partition stays with its owner when the second instance joins (sticky assignment)
            BridgeJvm other = bridge(rig, "bridge-b").start();
            rig.awaitMembers(2);
            List<LifeChange> life = LifeChange.createModifyCancelOccurrence(KEY);
            rig.publish(LifeChange.inOrder(life), life.size());

            String created = killWhileTheAnswerIsHeld(rig, hold, owner, life);
            rig.awaitDrained(Duration.ofSeconds(90));

            assertThat(other.isRunning()).isTrue();
            assertAdoptedAndAppliedOnce(rig, life, created);
            System.out.printf("Killed after the create's POST, the other instance took over: logs in %s%n",
                    rig.run);
        }
    }

    private static BridgeJvm bridge(BridgeRig rig, String name) {
        // the kill must come before the bridge gives up on the held answer: a wide margin on a busy machine
        return rig.bridge(name).with("meeting.api.response-timeout-ms", "20000");
    }

    /** Waits until the create's POST has stored the series, kills the bridge, releases the answer; the series' id. */
    private static String killWhileTheAnswerIsHeld(BridgeRig rig, AnswerHold hold, BridgeJvm bridge,
                                                   List<LifeChange> life) {
        // the POST has stored the series; its answer is held, so the bridge has not heard the conferenceID
        assertThat(hold.awaitHeld(Duration.ofSeconds(90))).as("the bridge POSTs the create").isTrue();
        assertThat(rig.api.scheduledSeries()).hasSize(1);
        String created = rig.api.scheduledSeries().get(0).conferenceID();
        SeriesLedgerView before = SeriesLedgerView.read(rig);
        assertThat(before.field(KEY, "state")).as("the ledger before the kill").isEqualTo("creating");
        assertThat(before.field(KEY, "conferenceID")).isNull();
        bridge.kill();
        hold.release();
        assertThat(rig.admin.committedOffsetSum(rig.topics.group(), rig.topics.changes())).isZero();
        assertThat(LifeOutputs.read(rig).applicationsOf(life.get(0).changeId())).isEmpty();
        return created;
    }

    private static void assertAdoptedAndAppliedOnce(BridgeRig rig, List<LifeChange> life, String created) {
        // the one the killed bridge made, found in the list of scheduled meetings
        assertThat(rig.api.traffic().calls(MeetingOperation.SEARCH_MEETINGS)).isPositive();
        CreatedOnce.assertCreatedOnceAndAppliedOnce(rig, life, KEY, created);
    }
}
