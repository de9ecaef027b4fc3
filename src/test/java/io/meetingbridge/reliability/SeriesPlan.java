package io.meetingbridge.reliability;

import java.util.Map;
import java.util.NavigableSet;

/**
 * One series as a run published it, for the order checks of both sides: its changes' steps (their place among
 * the series' changes, 0, 1, ...), the steps that must end applied, and when the bridge's series ledger first
 * acknowledged each step as applied.
 *
 * @param name         how violations name the series
 * @param conferenceID the conference the API knows the series as (null: the API never made it)
 */
record SeriesPlan(String name, String conferenceID, Map<String, Integer> stepsByChangeId,
                  NavigableSet<Integer> mustApply, Map<Integer, Long> acknowledged) {

    /** The step of a change of this series, {@link SeriesOrder#UNKNOWN} for any other. */
    int stepOf(String changeId) {
        return stepsByChangeId.getOrDefault(changeId, SeriesOrder.UNKNOWN);
    }

    /** This step if it is one of a change of this series, else {@link SeriesOrder#UNKNOWN}. */
    int known(int step) {
        return stepsByChangeId.containsValue(step) ? step : SeriesOrder.UNKNOWN;
    }
}
