package io.meetingbridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The correctness gate: what fails a run whatever its figures. A change dead-lettered; an occurrence not
 * written (every change makes the workload's count of occurrences, so changes × occurrences are counted, not
 * changes); a conference's changes written out of order; two calls of one conference open at the API at once
 * (the simulator's own record, {@code TrafficRecorder#overlappedConferences}, which the reliability runs judge by
 * too).
 */
final class RunFlaws {

    private static final int CONFERENCES_NAMED = 3;

    private RunFlaws() {
    }

    /** @return one sentence per flaw; empty when the run is clean */
    static List<String> of(OutputScan output, int changes, int occurrencesPerChange, long deadLettered,
                           Set<String> overlappedConferences) {
        List<String> flaws = new ArrayList<>();
        if (deadLettered > 0) {
            flaws.add(deadLettered + " dead-lettered");
        }
        long occurrences = (long) changes * occurrencesPerChange;
        if (output.bulkDistinctOccurrences() < occurrences) {
            flaws.add("%d of %d occurrences written (%d of %d changes whole)".formatted(
                    output.bulkDistinctOccurrences(), occurrences, output.bulkChangesApplied(), changes));
        }
        if (output.orderViolations() > 0) {
            flaws.add("output out of a conference's order " + output.orderViolations() + " times");
        }
        if (!overlappedConferences.isEmpty()) {
            flaws.add("two calls open at once for %d conferences, e.g. %s".formatted(overlappedConferences.size(),
                    overlappedConferences.stream().limit(CONFERENCES_NAMED).toList()));
        }
        return flaws;
    }
}
