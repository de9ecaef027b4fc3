package io.meetingbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.change.ChangeValidator;
import io.meetingbridge.simulator.Cycle;
import io.meetingbridge.simulator.CycleRule;
import io.meetingbridge.simulator.OccurrenceCalendar;
import io.meetingbridge.testing.SampleChanges;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeeklySeriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8, 49, 50})
    void isAValidChangeWhoseSeriesMeetsExactlyThatOften(int occurrences) throws Exception {
        JsonNode change = JSON.readTree(WeeklySeries.change("bench-1", "900000001", occurrences));

        new ChangeValidator().validate(change);
        assertThat(dates(change)).hasSize(occurrences);
    }

    @Test
    void eightAreTheTestsWeeklySample() throws Exception {
        JsonNode sample = JSON.readTree(SampleChanges.weekly("bench-1", "900000001"));
        JsonNode eight = JSON.readTree(WeeklySeries.change("bench-1", "900000001", 8));

        assertThat(dates(eight)).isEqualTo(dates(sample));
    }

    @Test
    void refusesMoreThanTheApiSchedules() {
        assertThatThrownBy(() -> WeeklySeries.change("bench-1", "900000001", 51))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<LocalDate> dates(JsonNode change) {
        JsonNode cycle = change.path("series").path("cycleParams");
        return OccurrenceCalendar.dates(new CycleRule(LocalDate.parse(cycle.path("startDate").asText()),
                LocalDate.parse(cycle.path("endDate").asText()), Cycle.WEEK, 1, List.of(1, 3)));
    }
}
