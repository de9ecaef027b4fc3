package io.meetingbridge.change;

import static io.meetingbridge.change.ChangeSamples.accept;
import static io.meetingbridge.change.ChangeSamples.assertRejected;
import static io.meetingbridge.change.ChangeSamples.bytes;
import static io.meetingbridge.change.ChangeSamples.example;
import static io.meetingbridge.change.ChangeSamples.exampleCycle;
import static io.meetingbridge.change.ChangeSamples.exampleSeries;
import static io.meetingbridge.change.ChangeSamples.with;
import static io.meetingbridge.change.ChangeSamples.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.huaweicloud.sdk.core.utils.JsonUtils;
import com.huaweicloud.sdk.meeting.v1.model.CycleParams;
import com.huaweicloud.sdk.meeting.v1.model.RestAttendeeDTO;
import com.huaweicloud.sdk.meeting.v1.model.RestConfConfigDTO;
import com.huaweicloud.sdk.meeting.v1.model.RestScheduleConfDTO;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertRejected(without(example(), "conferenceID"), "conferenceID is required");
    }

    /** The design example with one field set to a value its rule refuses: the sentence names the field and the value. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a conference ID that could inject into the query string | conferenceID                 | "1&userUUID=x" | conferenceID must be a string of ASCII digits, got "1&userUUID=x"
            a conference ID given as a number                       | conferenceID                 | 914087436      | conferenceID must be a string of ASCII digits, got 914087436
            digits of another script                                | conferenceID                 | "٩١٤٠٨٧٤٣٦"    | conferenceID must be a string of ASCII digits, got "٩١٤٠٨٧٤٣٦"
            a length under fifteen minutes                          | series.length                | 14             | series.length must be 15..1440, got 14
            a media type only the answers use                       | series.mediaTypes            | "Video"        | series.mediaTypes must be one of Voice, HDVideo, got "Video"
            a date that does not exist                              | series.cycleParams.startDate | "2026-02-30"   | series.cycleParams.startDate must be a real date, got "2026-02-30"
            an end date before the start date                       | series.cycleParams.endDate   | "2026-11-30"   | series.cycleParams.endDate 2026-11-30 is before startDate 2026-12-01
            a span over a year                                      | series.cycleParams.endDate   | "2027-12-02"   | series.cycleParams.endDate 2027-12-02 is more than a year after startDate 2026-12-01
            an interval outside the range of its cycle              | series.cycleParams.interval  | 9              | series.cycleParams.interval must be 1..5 when cycle is Week, got 9
            a weekday point over six                                | series.cycleParams.point     | [1, 7]         | series.cycleParams.point[1] must be 0..6 when cycle is Week, got 7
            """)
    void refusesAFieldOutsideItsRule(String what, String path, String json, String sentence) {
        assertRejected(with(example(), path, json), sentence);
    }

    @Test
    void refusesASubjectOver128Characters() {
        assertRejected(with(example(), "series.subject", TextNode.valueOf("s".repeat(129))),
                "series.subject must be at most 128 characters, got 129");
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

    /** The official Huawei SDK as an independent check: a series it writes, every field set, is valid and kept as written. */
    @Test
    void aSeriesWrittenByTheOfficialSdkIsValidAndReadsBackEqual() throws Exception {
        ObjectMapper json = new ObjectMapper();
        RestScheduleConfDTO sdkBody = everyFieldSet();
        String sdkJson = JsonUtils.toJSON(sdkBody);
        ObjectNode envelope = json.createObjectNode().put("conferenceID", "914087436");
        envelope.set("series", json.readTree(sdkJson));

        ValidChange change = validator.validate(parser.parse(bytes(envelope)));

        assertThat(change.body()).isEqualTo(json.readTree(sdkJson));
        assertThat(JsonUtils.toObject(json.writeValueAsString(change.body()), RestScheduleConfDTO.class))
                .isEqualTo(sdkBody);
        assertThat(change.body().path("confConfigInfo").path("guestPwd").asText()).isEqualTo("123456");
    }

    private static RestScheduleConfDTO everyFieldSet() {
        return new RestScheduleConfDTO()
                .withStartTime("2026-12-01 01:00")
                .withLength(90)
                .withSubject("Quarterly review")
                .withMediaTypes("HDVideo")
                .withGroupuri("group-7")
                .withAttendees(List.of(new RestAttendeeDTO()
                        .withUserUUID("uuid-1").withAccountId("u1").withAppId("APPID").withName("Alice")
                        .withRole(1).withPhone("+8613800000000").withPhone2("+8613800000001")
                        .withPhone3("+8613800000002").withEmail("alice@example.com").withSms("+8613800000003")
                        .withIsMute(0).withIsAutoInvite(1).withType("normal").withAddress("room 1")
                        .withDeptUUID("dept-1").withDeptName("Sales").withUniqueType(0)))
                .withIsAutoRecord(1)
                .withEncryptMode(2)
                .withLanguage("en-US")
                .withTimeZoneID("56")
                .withRecordType(3)
                .withLiveAddress("rtmp://live.example.com/a")
                .withAuxAddress("rtmp://live.example.com/b")
                .withRecordAuxStream(1)
                .withConfConfigInfo(new RestConfConfigDTO()
                        .withIsSendNotify(false).withIsSendSms(false).withIsSendCalendar(true)
                        .withIsAutoMute(true).withIsHardTerminalAutoMute(false).withIsGuestFreePwd(false)
                        .withCallInRestriction(2).withAllowGuestStartConf(true).withGuestPwd("123456")
                        .withVmrIDType(1).withProlongLength(15).withEnableWaitingRoom(true)
                        .withIsHostCameraOn(true).withIsGuestCameraOn(false))
                .withRecordAuthType(2)
                .withVmrFlag(0)
                .withCycleParams(new CycleParams()
                        .withStartDate("2026-12-01").withEndDate("2027-03-01").withCycle("Month")
                        .withInterval(1).withPoint(List.of(1, 15)).withPreRemindDays(2))
                .withVmrID("vmr-1")
                .withConcurrentParticipants(50)
                .withSupportSimultaneousInterpretation(true);
    }

    @Test
    void aPatchedSeriesIsValidatedAsTheSeriesOfAModifyOfItsTenantsSeries() throws Exception {
        ValidChange patch = ChangeSamples.acceptInSpMode(bytes(new ObjectMapper().readTree("""
                {"changeId":"p1","corpId":"acme","action":"patch","seriesKey":"crm-7731","patch":{"length":45}}""")));
        ChangeValidator spMode = new ChangeValidator(true);

        ValidChange patched = spMode.validatePatched(patch, "914087436", exampleSeries(example()));

        assertThat(patched).isEqualTo(new ValidChange("p1", ChangeAction.PATCH, "crm-7731", "914087436",
                exampleSeries(example()), null, List.of(), List.of(), "acme"));
        ObjectNode withoutMediaTypes = exampleSeries(example()).deepCopy();
        withoutMediaTypes.remove("mediaTypes");
        assertThatThrownBy(() -> spMode.validatePatched(patch, "914087436", withoutMediaTypes))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessage("the patched series is not valid: series.mediaTypes is required");
    }
}
