package io.meetingbridge.simulator;

import static io.meetingbridge.simulator.SimulatorTestClient.CONFERENCE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.meeting.v1.MeetingClient;
import com.huaweicloud.sdk.meeting.v1.model.ConferenceInfo;
import com.huaweicloud.sdk.meeting.v1.model.CycleSubConf;
import com.huaweicloud.sdk.meeting.v1.model.UpdateRecurringMeetingRequest;
import com.huaweicloud.sdk.meeting.v1.model.UpdateRecurringMeetingResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The official Huawei SDK as an independent client: if it is happy, the simulator speaks the real API's wire format. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OfficialSdkClientTest extends SimulatorTestBase {

    private final MeetingClient sdk = officialSdk();

    OfficialSdkClientTest() {
        super(Start.UNTOUCHED);
    }

    private static UpdateRecurringMeetingRequest weeklySeries() {
        return new UpdateRecurringMeetingRequest().withConferenceID(CONFERENCE_ID)
                .withBody(sdkWeeklySeries("Weekly sync", 45, List.of(1, 3)));
    }

    @Test
    void sdkUpdatesTheSeriesAndReadsTheOccurrencesTheCalendarComputes() {
        UpdateRecurringMeetingResponse response = sdk.updateRecurringMeeting(weeklySeries());

        assertThat(response.getHttpStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).hasSize(1);
        ConferenceInfo info = response.getBody().get(0);
        assertThat(info.getConferenceID()).isEqualTo(CONFERENCE_ID);
        assertThat(info.getConfType()).hasToString("CYCLE");
        assertThat(info.getConferenceType()).isEqualTo(2);
        assertThat(info.getCycleParams().getPoint()).containsExactly(1, 3);
        List<LocalDate> expected = OccurrenceCalendar.dates(new CycleRule(LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-29"), Cycle.WEEK, 1, List.of(1, 3)));
        assertThat(info.getSubConfs()).extracting(CycleSubConf::getStartTime)
                .containsExactlyElementsOf(expected.stream().map(date -> date + " 01:00").toList());
        assertThat(info.getSubConfs()).extracting(CycleSubConf::getEndTime)
                .containsExactlyElementsOf(expected.stream().map(date -> date + " 01:45").toList());
        assertThat(info.getSubConfs()).extracting(CycleSubConf::getMediaType).containsOnly("HDVideo");
        assertThat(info.getCycleSubConfID()).isEqualTo(info.getSubConfs().get(0).getCycleSubConfID());
    }

    @Test
    void sdkSendsWhatTheDocsDescribeAndReusesItsToken() {
        sdk.updateRecurringMeeting(weeklySeries());
        sdk.updateRecurringMeeting(weeklySeries());

        assertThat(simulator.traffic().authCalls()).isEqualTo(1);
        RecordedPut put = simulator.traffic().recordedPuts().get(1);
        assertThat(put.rawQuery()).isEqualTo("conferenceID=" + CONFERENCE_ID);
        assertThat(put.header("X-Access-Token")).hasSize(40);
        assertThat(put.header("Content-Type")).startsWith("application/json");
        assertThat(simulator.series(CONFERENCE_ID)).hasValueSatisfying(series -> {
            assertThat(series.version()).isEqualTo(2);
            assertThat(series.body().get("length").asInt()).isEqualTo(45);
        });
    }

    @Test
    void sdkReadsInjectedErrorsWithTheRequestId() {
        simulator.faults().failConference(CONFERENCE_ID,
                ApiResponse.error(400, MeetingErrors.MEETING_NOT_FOUND, "meeting does not exist"), 1);

        ClientRequestException error = catchThrowableOfType(ClientRequestException.class,
                () -> sdk.updateRecurringMeeting(weeklySeries()));

        assertThat(error.getHttpStatusCode()).isEqualTo(400);
        assertThat(error.getErrorCode()).isEqualTo(MeetingErrors.MEETING_NOT_FOUND);
        assertThat(error.getErrorMsg()).isEqualTo("meeting does not exist");
        assertThat(error.getRequestId()).matches("[0-9a-f]{32}");
    }
}
