package io.meetingbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.OutputRecords;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link OutputScan} fed a benchmark's output by hand: what it counts, and each flaw a run must not hide. */
class OutputScanTest {

    private final OutputRecords outputs = new OutputRecords();

    @Test
    void changesAppliedInOrderAreCountedWithTheirOccurrences() {
        outputs.applied("bench-0", "700000000", 8).applied("bench-1", "700000000", 8).applied("bench-2", "700000001", 8);
        OutputScan scan = scan();

        assertThat(scan.bulkChangesApplied()).isEqualTo(3);
        assertThat(scan.bulkOccurrences()).isEqualTo(24);
        assertThat(scan.bulkDistinctOccurrences()).isEqualTo(24);
        assertThat(scan.orderViolations()).isZero();
    }

    @Test
    void aChangeCountsByTheWorkloadsOccurrencesNotByTheCountItsRecordsClaim() {
        outputs.applied("bench-0", "700000000", 8).applied("bench-1", "700000000", 1).applied("bench-2", "700000001", 8);
        OutputScan scan = scan();

        assertThat(scan.bulkChangesApplied()).as("bench-1's one record claims 1 of 1").isEqualTo(2);
        assertThat(scan.bulkDistinctOccurrences()).isEqualTo(17);
    }

    @Test
    void aLostChangeOrALostOccurrenceLeavesAChangeUnapplied() {
        outputs.applied("bench-0", "700000000", 8).applied("bench-2", "700000001", 8, 7);
        assertThat(scan().bulkChangesApplied()).isEqualTo(1);
    }

    @Test
    void aDuplicateShowsAsMoreOccurrencesThanChangesMake() {
        outputs.applied("bench-0", "700000000", 8).applied("bench-0", "700000000", 8);
        OutputScan scan = scan();
        assertThat(scan.bulkChangesApplied()).isEqualTo(1);
        assertThat(scan.bulkOccurrences()).isEqualTo(16);
        assertThat(scan.bulkDistinctOccurrences()).isEqualTo(8);
    }

    @Test
    void anOlderChangeWrittenAfterANewerOneOfItsConferenceIsAnOrderViolation() {
        outputs.applied("bench-1", "700000000", 8).applied("bench-0", "700000000", 8).applied("bench-2", "700000001", 8);
        assertThat(scan().orderViolations()).isEqualTo(1);
    }

    @Test
    void aLiveChangesLatencyRunsFromItsSendingToItsLastOccurrence() {
        long sentAt = outputs.now();
        outputs.later(100).applied("bench-3", "700000000", 8);
        OutputScan scan = OutputScan.of(outputs.occurrences(), 0, 3, 8, Map.of(3, sentAt));
        assertThat(scan.liveLatencies().count()).isEqualTo(1);
        assertThat(scan.liveLatencies().percentile(100)).isEqualTo(100 + 7); // its eighth record, 1 ms apart
    }

    private OutputScan scan() {
        return OutputScan.of(outputs.occurrences(), 0, 3, 8, Map.of());
    }
}
