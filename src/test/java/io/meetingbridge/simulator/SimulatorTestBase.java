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
import org.junit.jupiter.api.AfterEach;

/**
 * A test against its own simulator on a loopback port, with a JDK client for it. JUnit makes a test instance
 * per test method, so each test method gets a fresh simulator, closed after it.
 */
abstract class SimulatorTestBase {

    /** How much of the API a test has already called when it begins. */
    enum Start {
        /** Authenticated once, so the traffic record starts with one authentication call. */
        AUTHENTICATED,
        /** Nothing called: for tests of authentication itself or of a client that authenticates on its own. */
        UNTOUCHED
    }

    final MeetingApiSimulator simulator;
    final SimulatorTestClient client;
    /** Null unless the test began {@link Start#AUTHENTICATED}. */
    final String token;

    SimulatorTestBase() {
        this(Start.AUTHENTICATED);
    }

    SimulatorTestBase(Start start) {
        try {
            simulator = MeetingApiSimulator.builder()
                    .credential(SimulatorTestClient.APP_ID, SimulatorTestClient.APP_KEY).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulator", e);
        }
        client = new SimulatorTestClient(simulator);
        token = start == Start.AUTHENTICATED ? client.accessToken() : null;
    }

    @AfterEach
    void closeSimulator() {
        simulator.close();
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
}
