package io.meetingbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.meeting.v1.MeetingClient;
import com.huaweicloud.sdk.meeting.v1.model.CancelRecurringMeetingRequest;
import com.huaweicloud.sdk.meeting.v1.model.CancelRecurringMeetingResponse;
import com.huaweicloud.sdk.meeting.v1.model.CancelRecurringSubMeetingRequest;
import com.huaweicloud.sdk.meeting.v1.model.CancelRecurringSubMeetingResponse;
import com.huaweicloud.sdk.meeting.v1.model.ConferenceInfo;
import com.huaweicloud.sdk.meeting.v1.model.CreateRecurringMeetingRequest;
import com.huaweicloud.sdk.meeting.v1.model.CycleSubConf;
import com.huaweicloud.sdk.meeting.v1.model.CycleSubConfConfigDTO;
import com.huaweicloud.sdk.meeting.v1.model.RestCancelSingleRecordCycleConfListReqBody;
import com.huaweicloud.sdk.meeting.v1.model.RestScheduleConfDTO;
import com.huaweicloud.sdk.meeting.v1.model.RestScheduleCycleConfDTO;
import com.huaweicloud.sdk.meeting.v1.model.SearchMeetingsRequest;
import com.huaweicloud.sdk.meeting.v1.model.SearchMeetingsResponse;
import com.huaweicloud.sdk.meeting.v1.model.ShowMeetingDetailRequest;
import com.huaweicloud.sdk.meeting.v1.model.ShowMeetingDetailResponse;
import com.huaweicloud.sdk.meeting.v1.model.UpdateRecurringMeetingRequest;
import com.huaweicloud.sdk.meeting.v1.model.UpdateRecurringSubMeetingRequest;
import com.huaweicloud.sdk.meeting.v1.model.UpdateRecurringSubMeetingResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The official Huawei SDK drives the whole life of a series: if its requests are served and its
 * parsers read the answers, the simulator's paths, queries, bodies and shapes match the real API's.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OfficialSdkLifecycleTest extends SimulatorTestBase {

    private final MeetingClient sdk = officialSdk();

    OfficialSdkLifecycleTest() {
        super(Start.UNTOUCHED);
    }

    /** Tuesdays and Thursdays. */
    private static RestScheduleConfDTO weeklySeries(String subject, int length) {
        return sdkWeeklySeries(subject, length, List.of(2, 4));
    }

    private ConferenceInfo create(String subject) {
        List<ConferenceInfo> created = sdk.createRecurringMeeting(
                new CreateRecurringMeetingRequest().withBody(weeklySeries(subject, 45))).getBody();
        assertThat(created).hasSize(1);
        return created.get(0);
    }

    private ConferenceInfo detail(String conferenceID) {
        ShowMeetingDetailResponse detail = sdk.showMeetingDetail(
                new ShowMeetingDetailRequest().withConferenceID(conferenceID).withOffset(0).withLimit(20));
        assertThat(detail.getHttpStatusCode()).isEqualTo(200);
        assertThat(detail.getData().getCount()).isZero();
        return detail.getConferenceData();
    }

    private static List<String> ids(ConferenceInfo info) {
        return info.getSubConfs().stream().map(CycleSubConf::getCycleSubConfID).toList();
    }

    @Test
    void createsShowsAndListsASeries() {
        ConferenceInfo created = create("Weekly sync");

        assertThat(created.getConferenceID()).matches("[0-9]{9}");
        assertThat(created.getSubConfs()).hasSize(9); // Tuesdays and Thursdays of December 2026
        assertThat(created.getSubConfs().get(0).getStartTime()).isEqualTo("2026-12-01 01:00");
        assertThat(created.getSubConfs().get(0).getEndTime()).isEqualTo("2026-12-01 01:45");
        assertThat(created.getCycleSubConfID()).isEqualTo(ids(created).get(0));
        assertThat(simulator.series(created.getConferenceID())).isPresent();

        ConferenceInfo shown = detail(created.getConferenceID());
        assertThat(shown.getSubject()).isEqualTo("Weekly sync");
        assertThat(ids(shown)).containsExactlyElementsOf(ids(created));
        assertThat(shown.getCycleParams().getPoint()).containsExactly(2, 4);

        create("Board meeting");
        SearchMeetingsResponse listed = sdk.searchMeetings(
                new SearchMeetingsRequest().withSearchKey("Weekly").withOffset(0).withLimit(10).withQueryAll(true));
        assertThat(listed.getCount()).isEqualTo(1);
        assertThat(listed.getData()).singleElement().satisfies(entry -> {
            assertThat(entry.getConferenceID()).isEqualTo(created.getConferenceID());
            assertThat(entry.getStartTime()).isEqualTo("2026-12-01 01:00");
        });
        assertThat(simulator.traffic().calls(MeetingOperation.SEARCH_MEETINGS)).isEqualTo(1);
    }

    @Test
    void updatesTheSeriesThenMovesAndCancelsOccurrences() {
        String conferenceID = create("Weekly sync").getConferenceID();

        List<ConferenceInfo> updated = sdk.updateRecurringMeeting(new UpdateRecurringMeetingRequest()
                .withConferenceID(conferenceID).withBody(weeklySeries("Weekly sync", 60))).getBody();
        List<String> ids = ids(updated.get(0));
        assertThat(updated.get(0).getSubConfs().get(0).getEndTime()).isEqualTo("2026-12-01 02:00");

        UpdateRecurringSubMeetingResponse moved = sdk.updateRecurringSubMeeting(new UpdateRecurringSubMeetingRequest()
                .withConferenceID(conferenceID)
                .withBody(new RestScheduleCycleConfDTO().withCycleSubConfID(ids.get(1)).withMediaTypes("Voice")
                        .withStartTime("2026-12-03 05:00").withLength(30).withDescription("later")
                        .withConfConfigInfo(new CycleSubConfConfigDTO().withEnableWaitingRoom(true))));
        assertThat(moved.getHttpStatusCode()).isEqualTo(200);
        CycleSubConf occurrence = detail(conferenceID).getSubConfs().get(1);
        assertThat(occurrence.getCycleSubConfID()).isEqualTo(ids.get(1));
        assertThat(occurrence.getStartTime()).isEqualTo("2026-12-03 05:00");
        assertThat(occurrence.getEndTime()).isEqualTo("2026-12-03 05:30");
        assertThat(occurrence.getMediaType()).isEqualTo("Voice");
        assertThat(occurrence.getDescription()).isEqualTo("later");
        assertThat(occurrence.getConfConfigInfo().getEnableWaitingRoom()).isTrue();

        CancelRecurringSubMeetingResponse cancelled = sdk.cancelRecurringSubMeeting(
                new CancelRecurringSubMeetingRequest().withConferenceID(conferenceID)
                        .withBody(new RestCancelSingleRecordCycleConfListReqBody()
                                .withCycleSubConfIDs(List.of(ids.get(0), ids.get(8)))));
        assertThat(cancelled.getHttpStatusCode()).isEqualTo(200);
        assertThat(ids(detail(conferenceID))).containsExactlyElementsOf(ids.subList(1, 8));
        assertThat(simulator.series(conferenceID).orElseThrow().occurrences()).hasSize(7);
    }

    @Test
    void cancelsTheSeriesAndReadsNotFoundAfterwards() {
        String conferenceID = create("Weekly sync").getConferenceID();

        CancelRecurringMeetingResponse cancelled = sdk.cancelRecurringMeeting(
                new CancelRecurringMeetingRequest().withConferenceID(conferenceID));

        assertThat(cancelled.getHttpStatusCode()).isEqualTo(200);
        assertThat(simulator.series(conferenceID).orElseThrow().cancelled()).isTrue();
        ClientRequestException again = catchThrowableOfType(ClientRequestException.class,
                () -> sdk.cancelRecurringMeeting(new CancelRecurringMeetingRequest().withConferenceID(conferenceID)));
        assertThat(again.getHttpStatusCode()).isEqualTo(400);
        assertThat(again.getErrorCode()).isEqualTo(MeetingErrors.MEETING_NOT_FOUND);
        ClientRequestException gone = catchThrowableOfType(ClientRequestException.class,
                () -> detail(conferenceID));
        assertThat(gone.getErrorCode()).isEqualTo(MeetingErrors.MEETING_NOT_FOUND);
    }

    @Test
    void readsTheAlreadyStartedRefusal() {
        ConferenceInfo created = create("Weekly sync");
        simulator.faults().markOccurrenceStarted(created.getCycleSubConfID());

        ClientRequestException refused = catchThrowableOfType(ClientRequestException.class,
                () -> sdk.cancelRecurringSubMeeting(new CancelRecurringSubMeetingRequest()
                        .withConferenceID(created.getConferenceID())
                        .withBody(new RestCancelSingleRecordCycleConfListReqBody()
                                .withCycleSubConfIDs(List.of(created.getCycleSubConfID())))));

        assertThat(refused.getHttpStatusCode()).isEqualTo(400);
        assertThat(refused.getErrorCode()).isEqualTo(MeetingErrors.MEETING_ALREADY_STARTED);
        assertThat(refused.getRequestId()).matches("[0-9a-f]{32}");
    }
}
