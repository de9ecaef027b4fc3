package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.MeetingOperation;
import io.meetingbridge.simulator.SeriesWrite;
import io.meetingbridge.testing.OutputRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link LifeOutputs} fed by hand a series' life as the bridge would write it, and each way it could go wrong. */
class LifeOutputsTest {

    private static final String KEY = "crm-1";
    private static final String CONFERENCE = "123456789";
    private static final List<LifeChange> LIFE = LifeChange.createModifyCancelOccurrence(KEY);

    private final OutputRecords outputs = new OutputRecords();
    private final List<SeriesWrite> writes = new ArrayList<>();

    @Test
    void aLifeAppliedInOrderPassesEveryCheck() {
        apply(0).apply(1).apply(2);
        LifeOutputs life = read();

        assertThat(life.lost(LIFE)).isEmpty();
        assertThat(life.orderViolations(LIFE)).isEmpty();
        assertThat(life.apiViolations(api(Set.of()), LIFE)).isEmpty();
        assertThat(life.conferencesOf(KEY)).containsExactly(CONFERENCE);
    }

    @Test
    void aLostChangeIsReported() {
        apply(0).apply(1);
        LifeOutputs life = read();

        assertThat(life.lost(LIFE)).singleElement().asString().startsWith(KEY + "-cancel-occurrence");
        assertThat(life.orderViolations(LIFE)).singleElement().asString().contains("the last application is of change 1");
    }

    @Test
    void anApplicationWithTheWrongStateIsNotComplete() {
        apply(0).apply(1);
        outputs.appliedLife(LIFE.get(2).changeId(), CONFERENCE, KEY, "cancel-occurrences", "scheduled", 1);
        assertThat(read().lost(LIFE)).singleElement().asString().startsWith(KEY + "-cancel-occurrence");
    }

    @Test
    void anOlderChangeAppliedAfterTheLedgerAcknowledgedANewerOneIsReportedOnBothSides() {
        apply(0).apply(1).apply(2).apply(1);
        LifeOutputs life = read();

        assertThat(life.orderViolations(LIFE)).singleElement().asString()
                .contains("output, " + KEY).contains("change 1 applied after the series ledger acknowledged");
        assertThat(life.apiViolations(api(Set.of()), LIFE)).singleElement().asString()
                .contains("API, " + KEY).contains("change 1 applied after the series ledger acknowledged");
    }

    @Test
    void aDuplicateOfAnAcknowledgedChangeIsReported() {
        apply(0).apply(1).apply(1).apply(2);
        assertThat(read().orderViolations(LIFE)).singleElement().asString().contains("change 1 applied after");
    }

    @Test
    void twoCallsOpenAtOnceOnTheSeriesAreReported() {
        apply(0).apply(1).apply(2);
        assertThat(read().apiViolations(api(Set.of(CONFERENCE)), LIFE)).singleElement().asString()
                .contains("two calls open at once");
    }

    @Test
    void outputsOfASeriesOnAnotherConferenceAreReported() {
        apply(0).apply(1).apply(2);
        outputs.appliedLife("other-create", CONFERENCE, "crm-unknown", "create", "scheduled", 8);
        assertThat(read().orderViolations(LIFE)).anySatisfy(v -> assertThat(v).contains("outputs of series"));
    }

    /** A change of the life applied as the bridge applies it: the API's write, its occurrences, the ledger's record. */
    private LifeOutputsTest apply(int step) {
        LifeChange change = LIFE.get(step);
        MeetingOperation operation = switch (change.action()) {
            case "create" -> MeetingOperation.CREATE_SERIES;
            case "modify" -> MeetingOperation.UPDATE_SERIES;
            default -> MeetingOperation.CANCEL_OCCURRENCES;
        };
        String subject = step == 0 ? LifeChange.subject(KEY) : LifeChange.renamedSubject(KEY);
        writes.add(new SeriesWrite(CONFERENCE, operation, writes.size() + 1, subject, Instant.ofEpochMilli(outputs.now())));
        outputs.later(1).appliedLife(change.changeId(), CONFERENCE, KEY, change.action(), change.state(), change.records())
                .ledgerSays(KEY, change.changeId(), "active");
        return this;
    }

    private LifeOutputs read() {
        return LifeOutputs.of(Ledger.of(outputs.occurrences(), outputs.deadLetters()),
                SeriesLedgerView.of(outputs.ledger()));
    }

    private ApiView api(Set<String> overlapped) {
        return new ApiView(Map.of(CONFERENCE, writes), Map.of(CONFERENCE, (long) writes.size()), overlapped, 0);
    }
}
