package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link SeriesOrder}'s rules, each fed a sequence that keeps it and one that breaks it. */
class SeriesOrderTest {

    private static final NavigableSet<Integer> FOUR_CHANGES = steps(0, 1, 2, 3);

    @Test
    void changesAppliedOnceInOrderPass() {
        assertThat(violations(applied(0, 1, 2, 3), FOUR_CHANGES, Map.of())).isEmpty();
    }

    @Test
    void aReRunRepeatingASuffixThatWasNotAcknowledgedPasses() {
        // a kill lost the ledger writes of 2 and 3: the restarted bridge applies them again
        assertThat(violations(applied(0, 1, 2, 3, 2, 3), FOUR_CHANGES, Map.of(0, 0L, 1, 1L))).isEmpty();
        assertThat(violations(applied(0, 1, 2, 3, 3), FOUR_CHANGES, Map.of(2, 2L))).isEmpty();
    }

    @Test
    void anOlderChangeAppliedAfterTheLedgerAcknowledgedANewerOneIsReported() {
        // a stale instance: the ledger held 3 (at time 3) when the second 2 was applied (at time 4)
        assertThat(violations(applied(0, 1, 2, 3, 2, 3), FOUR_CHANGES, Map.of(3, 3L)))
                .singleElement().asString()
                .contains("change 2 applied after the series ledger acknowledged it or a newer change");
    }

    @Test
    void aDuplicateOfAnAcknowledgedChangeIsReported() {
        assertThat(violations(applied(0, 1, 1, 2, 3), FOUR_CHANGES, Map.of(1, 1L)))
                .singleElement().asString().contains("change 1 applied after the series ledger acknowledged it");
    }

    @Test
    void aChangeLeftOutIsReported() {
        assertThat(violations(applied(0, 1, 3), FOUR_CHANGES, Map.of()))
                .singleElement().asString().contains("change 3 applied before change 2");
        assertThat(violations(applied(0, 1, 2), FOUR_CHANGES, Map.of()))
                .singleElement().asString().contains("the last application is of change 2, not of the last change to apply, 3");
    }

    @Test
    void aSeriesWithChangesToApplyAndNoApplicationIsReported() {
        assertThat(violations(List.of(), FOUR_CHANGES, Map.of())).singleElement().asString().contains("no change applied");
    }

    @Test
    void aReRunStartingBeforeThePreviousReRunIsReported() {
        assertThat(violations(applied(0, 1, 2, 3, 2, 3, 1, 2, 3), FOUR_CHANGES, Map.of()))
                .singleElement().asString().contains("a re-run started at change 1, before the previous re-run's 2");
    }

    @Test
    void aChangeAnInjectedFaultDeadLetteredMayBeMissingAndNothingElse() {
        assertThat(violations(applied(0, 1, 3), steps(0, 1, 3), Map.of())).isEmpty();
        assertThat(violations(applied(0, 3), steps(0, 1, 3), Map.of())).singleElement().asString()
                .contains("change 3 applied before change 1");
    }

    @Test
    void anApplicationOfNoChangeOfTheSeriesIsReported() {
        assertThat(violations(applied(0, SeriesOrder.UNKNOWN, 1, 2, 3), FOUR_CHANGES, Map.of()))
                .singleElement().asString().contains("an application of no published change");
    }

    /** Applications of these steps, the i-th at time i. */
    private static List<SeriesOrder.Applied> applied(int... steps) {
        return IntStream.range(0, steps.length).mapToObj(i -> new SeriesOrder.Applied(steps[i], i)).toList();
    }

    private static NavigableSet<Integer> steps(Integer... steps) {
        return new TreeSet<>(List.of(steps));
    }

    private static List<String> violations(List<SeriesOrder.Applied> applied, NavigableSet<Integer> mustApply,
                                           Map<Integer, Long> acknowledged) {
        List<String> violations = new ArrayList<>();
        SeriesOrder.check("conference 700000000", applied, mustApply, acknowledged, violations);
        return violations;
    }
}
