package io.meetingbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huaweicloud.sdk.core.utils.JsonUtils;
import com.huaweicloud.sdk.meeting.v1.model.RestAttendeeDTO;
import com.huaweicloud.sdk.meeting.v1.model.RestConfConfigDTO;
import com.huaweicloud.sdk.meeting.v1.model.RestScheduleConfDTO;
import io.meetingbridge.change.ChangeParser;
import io.meetingbridge.change.ChangeValidator;
import io.meetingbridge.change.ValidChange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model against the official Huawei SDK: same field names, same values, nothing lost. */
class RestScheduleConfTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChangeParser parser = new ChangeParser();
    private final ChangeValidator validator = new ChangeValidator();

    @Test
    void aBodyWrittenByTheOfficialSdkIsValidAndReadsBackEqual() throws Exception {
        RestScheduleConfDTO sdkBody = everyFieldSet();
        String sdkJson = JsonUtils.toJSON(sdkBody);

        ValidChange change = validate(JSON.readTree(sdkJson));

        RestScheduleConf model = model(change);

        assertThat(change.body()).isEqualTo(JSON.readTree(sdkJson));
        assertThat(JSON.<JsonNode>valueToTree(model)).isEqualTo(JSON.readTree(sdkJson));
        String modelJson = JSON.writeValueAsString(model);
        assertThat(JsonUtils.toObject(modelJson, RestScheduleConfDTO.class)).isEqualTo(sdkBody);
        assertThat(model.getConfConfigInfo().getGuestPwd()).isEqualTo("123456");
    }

    @Test
    void fieldsTheModelDoesNotDeclareSurviveARoundTrip() throws Exception {
        JsonNode series = JSON.readTree("""
                {"mediaTypes":"Voice","webinar":true,
                 "attendees":[{"accountId":"u1","appId":"A","nickname":{"zh":"爱丽丝"}}],
                 "cycleParams":{"startDate":"2026-12-01","endDate":"2026-12-29","cycle":"Day","cycleCount":0},
                 "confConfigInfo":{"inviteMode":"AUTO_INVITE","audienceCallInRestriction":[0,2]}}
                """);

        RestScheduleConf model = model(validate(series));

        assertThat(model.getOtherFields()).containsOnlyKeys("webinar");
        assertThat(JSON.<JsonNode>valueToTree(model)).isEqualTo(series);
    }

    /** The validated series bound to the typed model (the validator no longer binds it). */
    private static RestScheduleConf model(ValidChange change) throws Exception {
        return JSON.treeToValue(change.body(), RestScheduleConf.class);
    }

    private ValidChange validate(JsonNode series) throws Exception {
        ObjectNode envelope = JSON.createObjectNode().put("conferenceID", "914087436");
        envelope.set("series", series);
        return validator.validate(parser.parse(envelope.toString().getBytes(StandardCharsets.UTF_8)));
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
                .withCycleParams(new com.huaweicloud.sdk.meeting.v1.model.CycleParams()
                        .withStartDate("2026-12-01").withEndDate("2027-03-01").withCycle("Month")
                        .withInterval(1).withPoint(List.of(1, 15)).withPreRemindDays(2))
                .withVmrID("vmr-1")
                .withConcurrentParticipants(50)
                .withSupportSimultaneousInterpretation(true);
    }
}
