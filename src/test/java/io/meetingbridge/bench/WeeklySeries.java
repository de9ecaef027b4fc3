package io.meetingbridge.bench;

import java.time.LocalDate;

/**
 * The benchmark's changes: a weekly series on Mondays and Wednesdays from Tuesday 2026-12-01 that
 * meets exactly {@code occurrences} times (the API schedules at most 50). With 8 it is the tests'
 * {@code SampleChanges.weekly}: four weeks.
 */
final class WeeklySeries {

    static final int MAX_OCCURRENCES = 50;
    private static final LocalDate FIRST_WEDNESDAY = LocalDate.of(2026, 12, 2);
    private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 12, 7);

    private WeeklySeries() {
    }

    static String change(String changeId, String conferenceId, int occurrences) {
        return """
                {"changeId":"%s","conferenceID":"%s","series":{"mediaTypes":"HDVideo","subject":"Weekly sync",\
                "startTime":"2026-12-01 01:00","length":60,"timeZoneID":"56",\
                "attendees":[{"accountId":"u1","appId":"APPID","name":"Alice","role":1}],\
                "cycleParams":{"startDate":"2026-12-01","endDate":"%s","cycle":"Week","interval":1,\
                "point":[1,3],"preRemindDays":1}}}""".formatted(changeId, conferenceId, lastDate(occurrences));
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
