package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.MeetingOperation;
import io.meetingbridge.simulator.SeriesWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link ApiOrder} fed the API's record of a conference: each broken promise it must report, and none else. */
class ApiOrderTest {

    private static final String CONFERENCE = "700000000";

    private final List<SeriesWrite> writes = new ArrayList<>();
    private final Map<Integer, Long> acknowledged = new TreeMap<>();

    @Test
    void writesInPublicationOrderEndingOnTheLastChangePass() {
        write(0, 1, 2);
        assertThat(violations(Set.of(), 3)).isEmpty();
    }

    @Test
    void aReRunOfWhatWasNotAcknowledgedPasses() {
        write(0, 1, 2, 1, 2);
        assertThat(violations(Set.of(), 5)).isEmpty();
    }

    @Test
    void twoCallsOpenAtOnceAreReported() {
        write(0, 1, 2);
        assertThat(violations(Set.of(CONFERENCE), 3)).singleElement().asString().contains("two calls open at once");
    }

    @Test
    void anOlderChangeWrittenAfterANewerOneWasAcknowledgedIsReported() {
        write(0, 1, 2);
        acknowledged.put(2, at(2));
        write(1, 2);
        assertThat(violations(Set.of(), 5)).singleElement().asString()
                .contains("change 1 applied after the series ledger acknowledged it or a newer change");
    }

    @Test
    void aChangeTheApiNeverReceivedIsReported() {
        write(0, 2);
        assertThat(violations(Set.of(), 2)).singleElement().asString().contains("change 2 applied before change 1");
    }

    @Test
    void anApiThatDoesNotEndOnItsLastWriteIsReported() {
        write(0, 1, 2);
        assertThat(violations(Set.of(), 2)).singleElement().asString().contains("the API holds version 2");
    }

    @Test
    void aHistoryWithForgottenWritesIsReportedRatherThanTrusted() {
        write(0, 1, 2);
        ApiView api = new ApiView(Map.of(CONFERENCE, writes), Map.of(CONFERENCE, 3L), Set.of(), 1);
        assertThat(ApiOrder.violations(api, List.of(plan()), (plan, write) -> (int) write.version() - 1))
                .singleElement().asString().contains("forgot 1 writes");
    }

    /** Writes of these steps, version after version, the i-th at time i. */
    private void write(int... steps) {
        for (int step : steps) {
            writes.add(new SeriesWrite(CONFERENCE, MeetingOperation.UPDATE_SERIES, writes.size() + 1,
                    ChangeMix.subject(step), Instant.ofEpochMilli(at(writes.size()))));
        }
    }

    private static long at(int i) {
        return 1_000 + i;
    }

    private static SeriesPlan plan() {
        return new SeriesPlan("conference " + CONFERENCE, CONFERENCE, Map.of("c-0", 0, "c-1", 1, "c-2", 2),
                new TreeSet<>(List.of(0, 1, 2)), Map.of());
    }

    private List<String> violations(Set<String> overlapped, long versionNow) {
        SeriesPlan plan = plan();
        plan = new SeriesPlan(plan.name(), plan.conferenceID(), plan.stepsByChangeId(), plan.mustApply(), acknowledged);
        ApiView api = new ApiView(Map.of(CONFERENCE, writes), Map.of(CONFERENCE, versionNow), overlapped, 0);
        return ApiOrder.violations(api, List.of(plan), (p, write) -> p.known(ChangeMix.seqOf(write.subject())));
    }
}
