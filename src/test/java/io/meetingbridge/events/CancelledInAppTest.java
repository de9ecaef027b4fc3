package io.meetingbridge.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.ledger.SeriesEntry;
import io.meetingbridge.ledger.SeriesLedger;
import io.meetingbridge.ledger.SeriesState;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A series cancelled in the Meeting app is cancelled in the series ledger once its event is on Kafka. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CancelledInAppTest {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);

    @Test
    void theLedgerLearnsASeriesCancelledInTheApp() throws Exception {
        EventsRig rig = new EventsRig(1);
        world.startBridge(rig::receiverOn);
        world.publish("k-app", SampleChanges.create("c1", "k-app", "Cancelled in the app"));
        world.awaitAllCommitted();
        SeriesLedger ledger = world.bridge().bean("seriesLedger", SeriesLedger.class);
        SeriesEntry applied = ledger.bySeriesKey(null, "k-app").orElseThrow();
        String conferenceID = applied.conferenceID();
        var pusher = rig.pusher(world.bridge(), List.of());

        // an occurrence's cancel, and another meeting's, leave the series as it is
        assertThat(pusher.pushOnce(EventsRig.eventInfo(AppCancellations.CANCEL, conferenceID, "sub-1")).statusCode())
                .isEqualTo(200);
        assertThat(pusher.pushOnce(EventsRig.eventInfo(AppCancellations.CANCEL, "999999", null)).statusCode())
                .isEqualTo(200);
        assertThat(ledger.bySeriesKey(null, "k-app").orElseThrow().state()).isEqualTo(SeriesState.ACTIVE);

        assertThat(pusher.pushOnce(EventsRig.eventInfo(AppCancellations.CANCEL, conferenceID, null)).statusCode())
                .isEqualTo(200);

        SeriesEntry cancelled = ledger.bySeriesKey(null, "k-app").orElseThrow();
        assertThat(cancelled.state()).isEqualTo(SeriesState.CANCELLED);
        // what the bridge last applied stays: a replay of an older change is still superseded
        assertThat(cancelled.lastChangeId()).isEqualTo(applied.lastChangeId());
        assertThat(cancelled.lastApplied()).isEqualTo(applied.lastApplied());
        assertThat(rig.written()).isEqualTo(3);
    }
}
