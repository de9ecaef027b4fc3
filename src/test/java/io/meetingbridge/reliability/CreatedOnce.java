package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.MeetingOperation;
import io.meetingbridge.simulator.StoredOccurrence;
import io.meetingbridge.simulator.StoredSeries;
import java.util.List;

/** What a create interrupted by a crash must leave behind: one series, and every change applied once, in order. */
final class CreatedOnce {

    private CreatedOnce() {
    }

    /**
     * After {@link LifeChange#createModifyCancelOccurrence}: exactly one POST and one scheduled series (the one the
     * killed bridge made), renamed and without its cancelled occurrence; each change applied once, in order, on that
     * conference, nothing dead-lettered; the ledger active at the last change.
     */
    static void assertCreatedOnceAndAppliedOnce(BridgeRig rig, List<LifeChange> life, String seriesKey, String created) {
        assertThat(rig.api.traffic().calls(MeetingOperation.CREATE_SERIES)).isEqualTo(1);
        assertThat(rig.api.scheduledSeries()).extracting(StoredSeries::conferenceID).containsExactly(created);
        StoredSeries series = rig.api.series(created).orElseThrow();
        assertThat(series.body().get("subject").asText()).isEqualTo(LifeChange.renamedSubject(seriesKey));
        assertThat(series.occurrences()).hasSize(7).extracting(StoredOccurrence::startTime)
                .doesNotContain(LifeChange.utc(LifeChange.CANCELLED_ALONE));

        LifeOutputs outputs = LifeOutputs.read(rig);
        assertThat(outputs.deadLetters()).isEmpty();
        assertThat(outputs.lost(life)).isEmpty();
        assertThat(outputs.orderViolations(life)).isEmpty();
        assertThat(outputs.apiViolations(ApiView.of(rig.api, outputs.conferences(life)), life)).isEmpty();
        assertThat(outputs.conferencesOf(seriesKey)).containsExactly(created);
        for (LifeChange change : life) {
            // a create read again is recognised by the ledger as applied: its occurrences are not repeated
            assertThat(outputs.applicationsOf(change.changeId())).as(change.changeId()).hasSize(1);
        }
        SeriesLedgerView ledger = SeriesLedgerView.read(rig);
        assertThat(ledger.field(seriesKey, "conferenceID")).isEqualTo(created);
        assertThat(ledger.field(seriesKey, "state")).isEqualTo("active");
        assertThat(ledger.field(seriesKey, "lastChangeId")).isEqualTo(life.get(life.size() - 1).changeId());
    }
}
