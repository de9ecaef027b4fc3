package io.meetingbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OccurrenceCalendarTest {

    private static List<LocalDate> dates(String start, String end, Cycle cycle, int interval, Integer... points) {
        return OccurrenceCalendar.dates(
                new CycleRule(LocalDate.parse(start), LocalDate.parse(end), cycle, interval, List.of(points)));
    }

    private static List<LocalDate> days(String... isoDates) {
        return java.util.Arrays.stream(isoDates).map(LocalDate::parse).toList();
    }

    @Test
    void weeklyOnMondaysAndWednesdaysOverFourWeeksFromAMondayMeetsNineTimes() {
        // 2026-03-02 and 2026-03-30 are Mondays: four full weeks plus the closing Monday
        assertThat(dates("2026-03-02", "2026-03-30", Cycle.WEEK, 1, 1, 3)).isEqualTo(days(
                "2026-03-02", "2026-03-04", "2026-03-09", "2026-03-11", "2026-03-16",
                "2026-03-18", "2026-03-23", "2026-03-25", "2026-03-30"));
    }

    @Test
    void weeklyEndingTheSundayBeforeMeetsEightTimes() {
        assertThat(dates("2026-03-02", "2026-03-29", Cycle.WEEK, 1, 3, 1)).hasSize(8)
                .last().isEqualTo(LocalDate.parse("2026-03-25"));
    }

    @Test
    void everyOtherWeekCountsSundayToSaturdayWeeksFromTheStartDatesWeek() {
        // starts on Wednesday 2026-03-04: that week's Monday is before the start, the next week is skipped
        assertThat(dates("2026-03-04", "2026-03-31", Cycle.WEEK, 2, 1, 3))
                .isEqualTo(days("2026-03-04", "2026-03-16", "2026-03-18", "2026-03-30"));
    }

    @Test
    void weeklyWithoutPointsMeetsOnTheStartDatesWeekday() {
        assertThat(dates("2026-12-01", "2026-12-15", Cycle.WEEK, 1))
                .isEqualTo(days("2026-12-01", "2026-12-08", "2026-12-15"));
    }

    @Test
    void dailyWithIntervalTwoMeetsEveryOtherDayIncludingTheEndDate() {
        assertThat(dates("2026-12-30", "2027-01-07", Cycle.DAY, 2))
                .isEqualTo(days("2026-12-30", "2027-01-01", "2027-01-03", "2027-01-05", "2027-01-07"));
    }

    @Test
    void monthlyOnTheThirtyFirstFallsOnTheLastDayOfShorterMonths() {
        assertThat(dates("2028-01-31", "2028-04-30", Cycle.MONTH, 1, 31))
                .isEqualTo(days("2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30"));
        assertThat(dates("2027-02-01", "2027-02-28", Cycle.MONTH, 1, 31)).isEqualTo(days("2027-02-28"));
    }

    @Test
    void twoMonthlyPointsThatShareFebruarysLastDayMeetOnceThere() {
        assertThat(dates("2027-01-01", "2027-03-31", Cycle.MONTH, 1, 30, 31))
                .isEqualTo(days("2027-01-30", "2027-01-31", "2027-02-28", "2027-03-30", "2027-03-31"));
    }

    @Test
    void everyThirdMonthSkipsTheMonthsBetween() {
        assertThat(dates("2026-12-15", "2027-12-14", Cycle.MONTH, 3, 1, 15))
                .isEqualTo(days("2026-12-15", "2027-03-01", "2027-03-15", "2027-06-01", "2027-06-15",
                        "2027-09-01", "2027-09-15", "2027-12-01"));
    }

    @Test
    void stopsAtFiftyOccurrences() {
        List<LocalDate> dates = dates("2026-12-01", "2027-11-30", Cycle.DAY, 1);

        assertThat(dates).hasSize(OccurrenceCalendar.MAX_OCCURRENCES)
                .last().isEqualTo(LocalDate.parse("2027-01-19"));
    }

    @Test
    void ruleRefusesAnIntervalBeyondTheCyclesLimitNamingTheField() {
        assertThatThrownBy(() -> dates("2026-12-01", "2026-12-31", Cycle.WEEK, 6, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cycleParams.interval must be 1..5 for Week");
    }

    @Test
    void ruleRefusesAWeekdayOutsideZeroToSix() {
        assertThatThrownBy(() -> dates("2026-12-01", "2026-12-31", Cycle.WEEK, 1, 7))
                .hasMessage("cycleParams.point 7 is out of range for Week");
    }

    @Test
    void ruleRefusesAnEndBeforeTheStartAndASpanOverAYear() {
        assertThatThrownBy(() -> dates("2026-12-01", "2026-11-30", Cycle.DAY, 1))
                .hasMessageContaining("endDate is before");
        assertThatThrownBy(() -> dates("2026-12-01", "2027-12-02", Cycle.DAY, 1))
                .hasMessageContaining("more than one year");
    }
}
