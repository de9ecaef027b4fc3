package io.meetingbridge.change;

import static io.meetingbridge.change.ChangeSamples.accept;
import static io.meetingbridge.change.ChangeSamples.assertRejected;
import static io.meetingbridge.change.ChangeSamples.bytes;
import static io.meetingbridge.change.ChangeSamples.example;
import static io.meetingbridge.change.ChangeSamples.exampleCycle;
import static io.meetingbridge.change.ChangeSamples.exampleSeries;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ChangeValidatorTest {

    private final ChangeParser parser = new ChangeParser();
    private final ChangeValidator validator = new ChangeValidator();

    @Test
    void acceptsTheDesignExampleAndKeepsItsSeriesTree() throws Exception {
        JsonNode envelope = parser.parse(bytes(example()));

        ValidChange change = validator.validate(envelope);

        assertThat(change.changeId()).isEqualTo("crm-7731-v4");
        assertThat(change.conferenceID()).isEqualTo("914087436");
        assertThat(change.action()).isEqualTo(ChangeAction.MODIFY);
        assertThat(change.seriesKey()).isNull();
        assertThat(change.body()).isSameAs(envelope.get("series")).isEqualTo(exampleSeries(example()));
        assertThat(change.occurrenceStart()).isNull();
        assertThat(change.cycleSubConfIDs()).isEmpty();
        assertThat(change.occurrenceStarts()).isEmpty();
    }

    @Test
    void acceptsAChangeWithoutChangeId() throws Exception {
        ObjectNode change = example();
        change.remove("changeId");

        assertThat(accept(bytes(change)).changeId()).isNull();
    }

    @Test
    void acceptsUnknownFieldsAtTheTopAndInsideTheSeries() throws Exception {
        ObjectNode change = example();
        change.put("schemaVersion", 2);
        exampleSeries(change).putObject("futureSetting").put("level", new BigDecimal("1.50"));
        exampleCycle(change).put("cycleCount", 0);

        ValidChange valid = accept(bytes(change));

        assertThat(valid.body()).isEqualTo(exampleSeries(change));
        assertThat(valid.body().get("futureSetting").get("level").decimalValue()).isEqualByComparingTo("1.50");
    }

    @Test
    void acceptsAnEmptyStartTimeAndADailyCycleWithoutPoint() throws Exception {
        ObjectNode change = example();
        exampleSeries(change).put("startTime", "");
        exampleCycle(change).put("cycle", "Day").put("interval", 15).remove("point");

        assertThat(accept(bytes(change)).body().get("cycleParams").get("cycle").textValue()).isEqualTo("Day");
    }

    @Test
    void acceptsALeapDayAndASpanOfExactlyOneYear() throws Exception {
        ObjectNode change = example();
        exampleCycle(change).put("startDate", "2028-02-29").put("endDate", "2029-02-28").put("cycle", "Month")
                .put("interval", 3).putArray("point").add(31);

        assertThat(accept(bytes(change)).body().get("cycleParams").get("endDate").textValue()).isEqualTo("2029-02-28");
    }

    @Test
    void requiresConferenceId() {
        ObjectNode change = example();
        change.remove("conferenceID");

        assertRejected(change, "conferenceID is required");
    }

    @Test
    void refusesAConferenceIdThatCouldInjectIntoTheQueryString() {
        assertRejected(example().put("conferenceID", "1&userUUID=x"),
                "conferenceID must be a string of ASCII digits, got \"1&userUUID=x\"");
    }

    @Test
    void refusesAConferenceIdGivenAsANumber() {
        assertRejected(example().put("conferenceID", 914087436L),
                "conferenceID must be a string of ASCII digits, got 914087436");
    }

    @Test
    void refusesDigitsOfAnotherScript() {
        assertRejected(example().put("conferenceID", "٩١٤٠٨٧٤٣٦"),
                "conferenceID must be a string of ASCII digits, got \"٩١٤٠٨٧٤٣٦\"");
    }

    @Test
    void refusesALengthUnderFifteenMinutes() {
        ObjectNode change = example();
        exampleSeries(change).put("length", 14);

        assertRejected(change, "series.length must be 15..1440, got 14");
    }

    @Test
    void refusesASubjectOver128Characters() {
        ObjectNode change = example();
        exampleSeries(change).put("subject", "s".repeat(129));

        assertRejected(change, "series.subject must be at most 128 characters, got 129");
    }

    @Test
    void refusesAMediaTypeOnlyTheAnswersUse() {
        ObjectNode change = example();
        exampleSeries(change).put("mediaTypes", "Video");

        assertRejected(change, "series.mediaTypes must be one of Voice, HDVideo, got \"Video\"");
    }

    @Test
    void refusesADateThatDoesNotExist() {
        ObjectNode change = example();
        exampleCycle(change).put("startDate", "2026-02-30");

        assertRejected(change, "series.cycleParams.startDate must be a real date, got \"2026-02-30\"");
    }

    @Test
    void refusesAnEndDateBeforeTheStartDate() {
        ObjectNode change = example();
        exampleCycle(change).put("endDate", "2026-11-30");

        assertRejected(change, "series.cycleParams.endDate 2026-11-30 is before startDate 2026-12-01");
    }

    @Test
    void refusesASpanOverAYear() {
        ObjectNode change = example();
        exampleCycle(change).put("endDate", "2027-12-02");

        assertRejected(change, "series.cycleParams.endDate 2027-12-02 is more than a year after startDate 2026-12-01");
    }

    @Test
    void refusesAnIntervalOutsideTheCyclesRange() {
        ObjectNode change = example();
        exampleCycle(change).put("interval", 9);

        assertRejected(change, "series.cycleParams.interval must be 1..5 when cycle is Week, got 9");
    }

    @Test
    void refusesAWeekdayPointOverSix() {
        ObjectNode change = example();
        exampleCycle(change).putArray("point").add(1).add(7);

        assertRejected(change, "series.cycleParams.point[1] must be 0..6 when cycle is Week, got 7");
    }

    @Test
    void refusesDayZeroOfAMonth() {
        ObjectNode change = example();
        exampleCycle(change).put("cycle", "Month").putArray("point").add(0);

        assertRejected(change, "series.cycleParams.point[0] must be 1..31 when cycle is Month, got 0");
    }

    @Test
    void refusesMoreThan2000Attendees() {
        assertRejected(ChangeSamples.hundredThousandAttendees(),
                "series.attendees must have at most 2000 items, got 100000");
    }

    @Test
    void reportsTheFirstProblemInPathOrderAndCountsTheOthers() {
        ObjectNode change = example().put("conferenceID", "x");
        exampleSeries(change).put("length", 14).put("mediaTypes", "Video").remove("cycleParams");

        assertRejected(change, "conferenceID must be a string of ASCII digits, got \"x\" (and 3 more problems)");
    }
}
