package io.meetingbridge.bench;

import io.meetingbridge.testing.SampleChanges;
import java.time.LocalDate;

/**
 * The benchmark's changes: a weekly series on Mondays and Wednesdays from Tuesday 2026-12-01 that
 * meets exactly {@code occurrences} times (the API schedules at most 50). With 8 it is the tests'
 * {@link SampleChanges#weekly}: four weeks.
 */
final class WeeklySeries {

    static final int MAX_OCCURRENCES = 50;
    private static final LocalDate FIRST_WEDNESDAY = LocalDate.of(2026, 12, 2);
    private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 12, 7);

    private WeeklySeries() {
    }

    static String change(String changeId, String conferenceId, int occurrences) {
        return SampleChanges.weekly(changeId, conferenceId, "Weekly sync", lastDate(occurrences).toString());
    }

    /** Wednesday, Monday, Wednesday, ...: the {@code occurrences}-th meeting's date. */
    private static LocalDate lastDate(int occurrences) {
        if (occurrences < 1 || occurrences > MAX_OCCURRENCES) {
            throw new IllegalArgumentException("1 to " + MAX_OCCURRENCES + " occurrences, not " + occurrences);
        }
        return occurrences % 2 == 0
                ? FIRST_MONDAY.plusWeeks(occurrences / 2 - 1)
                : FIRST_WEDNESDAY.plusWeeks((occurrences - 1) / 2);
    }
}
