package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.CreateHold;
import io.meetingbridge.simulator.MeetingOperation;
import io.meetingbridge.simulator.StoredOccurrence;
import io.meetingbridge.simulator.StoredSeries;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 at the worst point of a create: the API has made the series, the bridge has not heard its
 * conferenceID, so its ledger still says {@code creating}. The restarted bridge must find and adopt that
 * series rather than POST again, then apply the changes that followed the create, in order.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KillAfterCreatePostIT {

    private static final String KEY = "crm-crash-post";

    @Test
    void aCreateKilledBeforeItsAnswerIsAdoptedNotCreatedTwice() {
        try (BridgeRig rig = BridgeRig.start("kill-after-create-post", 1)) {
            CreateHold hold = rig.api.faults().holdCreates();
            // the kill must come before the bridge gives up on the held answer: a wide margin on a busy machine
            BridgeJvm bridge = rig.bridge("bridge").with("meeting.api.response-timeout-ms", "20000").start();
            List<LifeChange> life = LifeChange.createModifyCancelOccurrence(KEY);
            rig.publish(LifeChange.inOrder(life), life.size());

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

            bridge.start();
            rig.awaitDrained(Duration.ofSeconds(90));

            // exactly one series: the one the killed bridge made, found in the list of scheduled meetings
            assertThat(rig.api.traffic().calls(MeetingOperation.CREATE_SERIES)).isEqualTo(1);
            assertThat(rig.api.traffic().calls(MeetingOperation.SEARCH_MEETINGS)).isPositive();
            assertThat(rig.api.scheduledSeries()).extracting(StoredSeries::conferenceID).containsExactly(created);
            StoredSeries series = rig.api.series(created).orElseThrow();
            assertThat(series.body().get("subject").asText()).isEqualTo(LifeChange.renamedSubject(KEY));
            assertThat(series.occurrences()).hasSize(7).extracting(StoredOccurrence::startTime)
                    .doesNotContain(LifeChange.utc(LifeChange.CANCELLED_ALONE));

            // every change applied once, in order, on that series' conference
            LifeOutputs outputs = LifeOutputs.read(rig);
            assertThat(outputs.deadLetters()).isEmpty();
            assertThat(outputs.lost(life)).isEmpty();
            assertThat(outputs.orderViolations(life)).isEmpty();
            assertThat(outputs.conferencesOf(KEY)).containsExactly(created);
            for (LifeChange change : life) {
                assertThat(outputs.applicationsOf(change.changeId())).as(change.changeId()).hasSize(1);
            }
            SeriesLedgerView ledger = SeriesLedgerView.read(rig);
            assertThat(ledger.field(KEY, "conferenceID")).isEqualTo(created);
            assertThat(ledger.field(KEY, "state")).isEqualTo("active");
            assertThat(ledger.field(KEY, "lastChangeId")).isEqualTo(life.get(2).changeId());
            System.out.printf("Killed after the create's POST, restarted: logs in %s%n", rig.run.root());
        }
    }
}
