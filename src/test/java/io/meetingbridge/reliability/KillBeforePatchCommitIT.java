package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.simulator.MeetingOperation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 of a patch at the point a modify is tested at: its PUT answered, its occurrences published, the ledger
 * holding it as the series' last applied change (with the fields confDetail does not show), the input offset not
 * committed. The restarted bridge reads the patch again: it must not PUT or publish it twice, must keep the attendees
 * only the ledger knows, and must go on with the change after it. The kill lands as in {@link KillBeforeCreateCommitIT}:
 * every API call takes 6 s, so the next change's call is still waiting when the ledger shows the patch applied.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KillBeforePatchCommitIT {

    private static final String KEY = "crm-crash-patch";
    private static final Duration CALL_LATENCY = Duration.ofSeconds(6);

    @Test
    void aPatchKilledAfterItsLedgerWriteIsNeitherPutNorPublishedTwice() throws Exception {
        try (BridgeRig rig = BridgeRig.start("kill-before-patch-commit", 1)) {
            List<LifeChange> life = LifeChange.createPatchCancelOccurrence(KEY);
            LifeChange patch = life.get(1);
            rig.publish(LifeChange.inOrder(life), life.size());
            rig.api.faults().setCallLatency(CALL_LATENCY);
            BridgeJvm bridge = rig.bridge("bridge").with("meeting.api.response-timeout-ms", "20000").start();

            Awaitility.await("the ledger holds the patch as the series' last applied change")
                    .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                    .failFast("the bridge died", bridge::diedUnexpectedly)
                    .until(() -> patch.changeId().equals(SeriesLedgerView.read(rig).field(KEY, "lastChangeId")));
            bridge.kill();
            assertThat(rig.admin.committedOffsetSum(rig.topics.group(), rig.topics.changes()))
                    .as("committed input offsets when killed").isZero();
            LifeOutputs beforeRestart = LifeOutputs.read(rig);
            assertThat(beforeRestart.lost(life.subList(0, 2))).isEmpty();
            assertThat(beforeRestart.applicationsOf(life.get(2).changeId())).as("not answered yet").isEmpty();
            String created = rig.api.scheduledSeries().get(0).conferenceID();

            rig.api.faults().setCallLatency(Duration.ZERO);
            bridge.start();
            rig.awaitDrained(Duration.ofSeconds(90));

            CreatedOnce.assertCreatedOnceAndAppliedOnce(rig, life, KEY, created);
            assertThat(rig.api.traffic().calls(MeetingOperation.UPDATE_SERIES)).as("the patch's PUT").isEqualTo(1);
            assertThat(rig.api.series(created).orElseThrow().body().get("attendees")).isEqualTo(new ObjectMapper()
                    .readTree("[{\"accountId\":\"u1\",\"appId\":\"APPID\",\"name\":\"Alice\",\"role\":1}]"));
            System.out.printf("Killed after the patch's ledger write, before the commit, restarted: logs in %s%n",
                    rig.run);
        }
    }
}
