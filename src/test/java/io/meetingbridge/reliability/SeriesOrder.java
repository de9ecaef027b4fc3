package io.meetingbridge.reliability;

import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

/**
 * The order rules for one series' applications as either side saw them: the output topic (an application is
 * the occurrence records of one API answer) or the Meeting API (an application is one write it accepted).
 * Each application is named by its change's step, the change's place among the series' published changes
 * (0, 1, ...), and timed (epoch ms).
 *
 * <p>At-least-once lets a change be applied again: a crash, a failed batch or a rebalance re-runs a batch from
 * the last committed offset, and the bridge skips what its series ledger records as applied already. A
 * re-run therefore repeats a suffix of what was applied (output {@code 0,1,2,3,2,3} after a kill that lost the
 * ledger writes of 2 and 3), but never goes back past a change the bridge acknowledged. Per series:
 * <ol>
 * <li>no change is applied before every earlier change that must end applied has been (a dead-lettered change
 *     may be missing, and nothing else);</li>
 * <li>a re-run (an application of a change no newer than the one before it) never starts before the previous
 *     re-run did: committed offsets only move forward;</li>
 * <li>once the series ledger records change {@code j} as the series' last applied one (at time T), no change
 *     {@code <= j} is applied after T: the bridge that wrote it, and every instance that takes the partition over
 *     after it, skips those; only a stale instance, still running a lane it no longer owns, applies one (output
 *     {@code 0,1,2,3,2,3} where the ledger held 3 before the second 2);</li>
 * <li>the last application is of the last change that must end applied, or of a newer one (applied, then
 *     dead-lettered by a failed re-run): the series ends in its latest state.</li>
 * </ol>
 * A series with changes to apply and no application at all breaks rule 4. An application that is of no change
 * of the series (step {@link #UNKNOWN}) is a violation of its own.
 */
final class SeriesOrder {

    /** The step of an application that is of no published change of its series. */
    static final int UNKNOWN = -1;

    /** One application: the change's step and when it was applied (epoch ms). */
    record Applied(int step, long atMillis) {
    }

    private SeriesOrder() {
    }

    /**
     * Adds to {@code violations} the first break of the four rules in one series' applications, in the order
     * applied.
     *
     * @param mustApply    the steps of the series' changes that must end applied (every published one, less
     *                     those an injected API fault dead-lettered)
     * @param acknowledged when the series ledger first recorded each step as the series' last applied change
     */
    static void check(String series, List<Applied> applications, NavigableSet<Integer> mustApply,
                      Map<Integer, Long> acknowledged, List<String> violations) {
        int frontier = -1;
        int previous = Integer.MIN_VALUE;
        int reRunStart = Integer.MIN_VALUE;
        for (int i = 0; i < applications.size(); i++) {
            Applied applied = applications.get(i);
            int step = applied.step();
            String violation = null;
            if (step == UNKNOWN) {
                violation = "an application of no published change of the series";
            } else if (step > frontier && !mustApply.subSet(frontier, false, step, false).isEmpty()) {
                violation = "change " + step + " applied before change " + mustApply.higher(frontier);
            } else if (step <= previous && step < reRunStart) {
                violation = "a re-run started at change " + step + ", before the previous re-run's " + reRunStart;
            } else if (acknowledgedSince(step, acknowledged, applied.atMillis())) {
                violation = "change " + step + " applied after the series ledger acknowledged it or a newer change";
            }
            if (violation != null) {
                violations.add(series + ": " + violation + around(applications, i));
                return;
            }
            if (i == 0 || step <= previous) {
                reRunStart = step;
            }
            frontier = Math.max(frontier, step);
            previous = step;
        }
        if (!mustApply.isEmpty() && previous < mustApply.last()) {
            violations.add(series + (applications.isEmpty() ? ": no change applied" : ": the last application is of "
                    + "change " + previous + ", not of the last change to apply, " + mustApply.last()
                    + around(applications, applications.size() - 1)));
        }
    }

    /** Whether the ledger acknowledged this step or a later one before the time given. */
    private static boolean acknowledgedSince(int step, Map<Integer, Long> acknowledged, long atMillis) {
        return acknowledged.entrySet().stream().anyMatch(e -> e.getKey() >= step && e.getValue() < atMillis);
    }

    /** The steps applied around position i, enough to see what went wrong. */
    private static String around(List<Applied> applications, int i) {
        return " (applications ..., " + applications.subList(Math.max(0, i - 8), Math.min(applications.size(), i + 4))
                .stream().map(Applied::step).toList() + ", ...)";
    }
}
