package io.meetingbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.OutputRecords;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The correctness gate on a run's output made by hand: a clean run passes, and each flaw alone fails it. */
class RunFlawsTest {

    private static final int OCCURRENCES = 8;

    private final OutputRecords outputs = new OutputRecords();

    @Test
    void aRunWithEveryOccurrenceInOrderAndNoOverlapIsClean() {
        threeChangesApplied();
        assertThat(flaws(0, Set.of())).isEmpty();
    }

    @Test
    void oneOccurrenceMissingFailsTheRun() {
        outputs.applied("bench-0", "700000000", OCCURRENCES).applied("bench-1", "700000000", OCCURRENCES)
                .applied("bench-2", "700000001", OCCURRENCES, OCCURRENCES - 1);
        assertThat(flaws(0, Set.of())).containsExactly("23 of 24 occurrences written (2 of 3 changes whole)");
    }

    @Test
    void aPipelineWritingOneOccurrencePerChangeFailsThoughEveryChangeHasOutput() {
        outputs.applied("bench-0", "700000000", 1).applied("bench-1", "700000000", 1).applied("bench-2", "700000001", 1);
        assertThat(flaws(0, Set.of())).containsExactly("3 of 24 occurrences written (0 of 3 changes whole)");
    }

    @Test
    void twoCallsOfOneConferenceOpenAtOnceFailTheRun() {
        threeChangesApplied();
        assertThat(flaws(0, Set.of("700000001")))
                .containsExactly("two calls open at once for 1 conferences, e.g. [700000001]");
    }

    @Test
    void aDeadLetterOrOutputOutOfOrderFailsTheRun() {
        outputs.applied("bench-1", "700000000", OCCURRENCES).applied("bench-0", "700000000", OCCURRENCES)
                .applied("bench-2", "700000001", OCCURRENCES);
        assertThat(flaws(1, Set.of())).containsExactly("1 dead-lettered",
                "output out of a conference's order 1 times");
    }

    private void threeChangesApplied() {
        outputs.applied("bench-0", "700000000", OCCURRENCES).applied("bench-1", "700000000", OCCURRENCES)
                .applied("bench-2", "700000001", OCCURRENCES);
    }

    private List<String> flaws(long deadLettered, Set<String> overlapped) {
        OutputScan scan = OutputScan.of(outputs.occurrences(), 0, 3, OCCURRENCES, Map.of());
        return RunFlaws.of(scan, 3, OCCURRENCES, deadLettered, overlapped);
    }
}
