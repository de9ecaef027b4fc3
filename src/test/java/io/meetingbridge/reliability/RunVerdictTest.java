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

/**
 * The verdict every reliability run and the soak reach, fed a run by hand: a change an injected API fault
 * dead-lettered is expected in a soak (and its conference goes on without it), while loss, order and an
 * unexpected outcome still fail it.
 */
class RunVerdictTest {

    private static final String CONFERENCE = "700000000";
    private static final int EIGHT = Accounting.OCCURRENCES_PER_CHANGE;

    private final OutputRecords outputs = new OutputRecords();
    private final List<SeriesWrite> writes = new ArrayList<>();
    private final List<PublishedChange> published =
            List.of(AccountingTest.valid("c-0", 0), AccountingTest.valid("c-1", 1), AccountingTest.valid("c-2", 2));

    @Test
    void aRunWhoseChangesWereAllAppliedInOrderPasses() {
        apply(0).apply(1).apply(2);
        assertThat(verdict(false).failures()).isEmpty();
    }

    @Test
    void aChangeAnInjectedFaultDeadLetteredIsExpectedInASoakAndNowhereElse() {
        apply(0);
        outputs.deadLettered("c-1", "rejected");
        apply(2);

        assertThat(verdict(true).failures()).isEmpty();
        assertThat(verdict(false).failures()).containsOnlyKeys("UNEXPECTED OUTCOME", "OUT OF ORDER ON THE OUTPUT",
                "API SIDE");
    }

    @Test
    void aSoakStillFailsOnALostChange() {
        apply(0).apply(2);
        assertThat(verdict(true).failures()).containsKeys("LOST", "OUT OF ORDER ON THE OUTPUT", "API SIDE");
    }

    @Test
    void aSoakStillFailsOnAnOlderChangeAppliedAfterANewerOneWasAcknowledged() {
        apply(0).apply(1).apply(2).apply(1).apply(2);
        assertThat(verdict(true).failures()).containsOnlyKeys("OUT OF ORDER ON THE OUTPUT", "API SIDE");
    }

    @Test
    void aSoakStillFailsOnAnUnexpectedOutcome() {
        apply(0).apply(1);
        outputs.deadLettered("c-2", "invalid-message");
        assertThat(verdict(true).failures()).containsKey("UNEXPECTED OUTCOME");
    }

    @Test
    void aSoakStillFailsOnTwoCallsOpenAtOnce() {
        apply(0).apply(1).apply(2);
        RunVerdict verdict = RunVerdict.of(published, ledger(), SeriesLedgerView.of(outputs.ledger()),
                new ApiView(Map.of(CONFERENCE, writes), Map.of(CONFERENCE, (long) writes.size()), Set.of(CONFERENCE), 0),
                true);
        assertThat(verdict.failures()).containsOnlyKeys("API SIDE");
    }

    /** The change of this seq as the bridge applies it: the API's write, the occurrences, the ledger's record. */
    private RunVerdictTest apply(int seq) {
        writes.add(new SeriesWrite(CONFERENCE, MeetingOperation.UPDATE_SERIES, writes.size() + 1, ChangeMix.subject(seq),
                Instant.ofEpochMilli(outputs.now())));
        outputs.later(1).applied("c-" + seq, CONFERENCE, EIGHT).ledgerSays(CONFERENCE, "c-" + seq, "active");
        return this;
    }

    private Ledger ledger() {
        return Ledger.of(outputs.occurrences(), outputs.deadLetters());
    }

    private RunVerdict verdict(boolean apiFaultsInjected) {
        return RunVerdict.of(published, ledger(), SeriesLedgerView.of(outputs.ledger()),
                new ApiView(Map.of(CONFERENCE, writes), Map.of(CONFERENCE, (long) writes.size()), Set.of(), 0),
                apiFaultsInjected);
    }
}
