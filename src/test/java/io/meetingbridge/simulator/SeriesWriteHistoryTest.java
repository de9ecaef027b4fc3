package io.meetingbridge.simulator;

import static io.meetingbridge.simulator.SimulatorTestClient.CONFERENCE_ID;
import static io.meetingbridge.simulator.SimulatorTestClient.WEEKLY_SERIES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulator's record of accepted writes: what the reliability tests check a series' order on. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SeriesWriteHistoryTest extends SimulatorTestBase {

    @Test
    void acceptedWritesAreKeptInTheOrderAppliedWithTheirOperationVersionAndSubject() {
        client.putSeries(token);
        simulator.faults().failNextPuts(1, MeetingErrors.typicalFor(400));
        client.put("conferenceID=" + CONFERENCE_ID, token, WEEKLY_SERIES.replace("Weekly sync", "refused"));
        client.put("conferenceID=" + CONFERENCE_ID, token, WEEKLY_SERIES.replace("Weekly sync", "renamed"));
        client.call("DELETE", MeetingOperation.CANCEL_SERIES.path() + "?conferenceID=" + CONFERENCE_ID, token, null);

        assertThat(simulator.writes(CONFERENCE_ID))
                .extracting(SeriesWrite::operation, SeriesWrite::version, SeriesWrite::subject)
                .containsExactly(
                        Tuple.tuple(MeetingOperation.UPDATE_SERIES, 1L, "Weekly sync"),
                        Tuple.tuple(MeetingOperation.UPDATE_SERIES, 2L, "renamed"),
                        Tuple.tuple(MeetingOperation.CANCEL_SERIES, 3L, "renamed"));
        assertThat(simulator.writes(CONFERENCE_ID)).extracting(SeriesWrite::at).isSorted();
        assertThat(simulator.series(CONFERENCE_ID).orElseThrow().version()).isEqualTo(3);
        assertThat(simulator.writes("999999999")).isEmpty();
        assertThat(simulator.writesForgotten()).isZero();
    }
}
