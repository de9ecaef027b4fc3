package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.simulator.AnswerHold;
import io.meetingbridge.simulator.RecordedPut;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 of a patch between its PUT and its ledger write: the API has applied the patched series, but its answer is
 * held, so the bridge has published nothing for it and its ledger still names the create as the series' last
 * applied change. The restarted bridge reads the patch again and applies it over the series the API now holds: the
 * same PUT body again (a merge patch applied twice gives what it gave once), the attendees only the ledger knows
 * kept, the occurrences published once, and the change after it applied in order.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KillAfterPatchPutIT {

    private static final String KEY = "crm-crash-patch-put";

    @Test
    void aPatchKilledAfterItsPutIsAppliedAgainToTheSameSeries() throws Exception {
        try (BridgeRig rig = BridgeRig.start("kill-after-patch-put", 1)) {
            List<LifeChange> life = LifeChange.createPatchCancelOccurrence(KEY);
            LifeChange create = life.get(0);
            LifeChange patch = life.get(1);
            AnswerHold hold = rig.api.faults().holdSeriesUpdates();
            // the kill must come before the bridge gives up on the held answer: a wide margin on a busy machine
            BridgeJvm bridge = rig.bridge("bridge").with("meeting.api.response-timeout-ms", "20000").start();
            rig.publish(LifeChange.inOrder(life), life.size());

            assertThat(hold.awaitHeld(Duration.ofSeconds(90))).as("the bridge PUTs the patch").isTrue();
            String created = rig.api.scheduledSeries().get(0).conferenceID();
            assertThat(rig.api.series(created).orElseThrow().body().get("subject").asText())
                    .as("the API has applied the patch").isEqualTo(LifeChange.renamedSubject(KEY));
            assertThat(SeriesLedgerView.read(rig).field(KEY, "lastChangeId"))
                    .as("the ledger before the kill").isEqualTo(create.changeId());
            bridge.kill();
            hold.release();
            assertThat(LifeOutputs.read(rig).applicationsOf(patch.changeId())).as("the patch's outputs").isEmpty();

            bridge.start();
            rig.awaitDrained(Duration.ofSeconds(90));

            CreatedOnce.assertCreatedOnceAndAppliedOnce(rig, life, KEY, created);
            List<RecordedPut> puts = rig.api.traffic().recordedPuts();
            assertThat(puts).as("the patch's PUT, before the kill and after the restart").hasSize(2);
            assertThat(puts.get(1).bodyText()).as("the patch applied again").isEqualTo(puts.get(0).bodyText());
            assertThat(rig.api.series(created).orElseThrow().body().get("attendees")).isEqualTo(new ObjectMapper()
                    .readTree("[{\"accountId\":\"u1\",\"appId\":\"APPID\",\"name\":\"Alice\",\"role\":1}]"));
            System.out.printf("Killed after the patch's PUT, before its ledger write, restarted: logs in %s%n",
                    rig.run);
        }
    }
}
