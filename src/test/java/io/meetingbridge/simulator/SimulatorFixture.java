package io.meetingbridge.simulator;

import com.huaweicloud.sdk.meeting.v1.MeetingClient;
import com.huaweicloud.sdk.meeting.v1.MeetingCredentials;
import com.huaweicloud.sdk.meeting.v1.model.AuthTypeEnum;
import com.huaweicloud.sdk.meeting.v1.model.CycleParams;
import com.huaweicloud.sdk.meeting.v1.model.RestAttendeeDTO;
import com.huaweicloud.sdk.meeting.v1.model.RestScheduleConfDTO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test's simulator on a loopback port, a JDK client for it and, when asked, an access token.
 * As a field with {@code @RegisterExtension}, each test gets its own, closed after it.
 */
final class SimulatorFixture implements AfterEachCallback {

    final MeetingApiSimulator simulator;
    final SimulatorTestClient client;
    /** Null unless made by {@link #authenticated()}. */
    final String token;

    private SimulatorFixture(boolean authenticate) {
        try {
            simulator = SimulatorTestClient.startSimulator();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulator", e);
        }
        client = new SimulatorTestClient(simulator);
        token = authenticate ? client.accessToken() : null;
    }

    static SimulatorFixture started() {
        return new SimulatorFixture(false);
    }

    /** Also authenticated once, so the traffic record starts with one authentication call. */
    static SimulatorFixture authenticated() {
        return new SimulatorFixture(true);
    }

    /** The official SDK's client, pointed at this simulator with the test credentials; it authenticates itself. */
    MeetingClient officialSdk() {
        return MeetingClient.newBuilder()
                .withCredential(new MeetingCredentials().withAuthType(AuthTypeEnum.APP_ID)
                        .withAppId(SimulatorTestClient.APP_ID).withAppKey(SimulatorTestClient.APP_KEY)
                        .withUserId(SimulatorTestClient.USER_ID))
                .withEndpoint(simulator.baseUri().toString())
                .build();
    }

    /** A weekly series through December 2026 at 01:00 UTC, as an SDK body, on these weekdays (0 = Sunday). */
    static RestScheduleConfDTO sdkWeeklySeries(String subject, int lengthMinutes, List<Integer> weekdays) {
        return new RestScheduleConfDTO()
                .withMediaTypes("HDVideo").withSubject(subject).withStartTime("2026-12-01 01:00")
                .withLength(lengthMinutes).withTimeZoneID("56").withLanguage("en-US")
                .withAttendees(List.of(new RestAttendeeDTO().withAccountId(SimulatorTestClient.USER_ID)
                        .withAppId(SimulatorTestClient.APP_ID).withName("Alice")))
                .withCycleParams(new CycleParams().withStartDate("2026-12-01").withEndDate("2026-12-29")
                        .withCycle("Week").withInterval(1).withPoint(weekdays).withPreRemindDays(1));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        simulator.close();
    }
}
