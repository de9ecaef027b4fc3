package io.meetingbridge.simulator;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Assembles the simulated meeting operations into one route per path. Each operation sits behind the
 * {@link MeetingCallGuard}; the series PUT is recorded before anything else, as it always was.
 */
final class MeetingRoutes {

    private MeetingRoutes() {
    }

    /** @param putCreatesUnknownSeries whether a series PUT for an unknown conferenceID creates the series */
    static Map<String, ApiRoute> byPath(SeriesStore store, FaultPlan faults, TokenRegistry tokens,
                                        TrafficRecorder traffic, boolean putCreatesUnknownSeries,
                                        EventSubscription subscription) {
        StartedMeetings started = faults.started();
        Map<MeetingOperation, ApiEndpoint> operations = new EnumMap<>(MeetingOperation.class);
        operations.put(MeetingOperation.CREATE_SERIES, new CreateSeriesEndpoint(store, faults));
        operations.put(MeetingOperation.UPDATE_SERIES,
                new CycleConferenceEndpoint(store, faults, putCreatesUnknownSeries));
        operations.put(MeetingOperation.CANCEL_SERIES, new CancelSeriesEndpoint(store, started));
        operations.put(MeetingOperation.UPDATE_OCCURRENCE, new UpdateOccurrenceEndpoint(store, started));
        operations.put(MeetingOperation.CANCEL_OCCURRENCES, new CancelOccurrencesEndpoint(store, started));
        operations.put(MeetingOperation.SHOW_DETAIL, new MeetingDetailEndpoint(store));
        operations.put(MeetingOperation.SEARCH_MEETINGS, new SearchMeetingsEndpoint(store));
        operations.put(MeetingOperation.CONFIGURE_EVENT_PUSH, subscription::configure);
        operations.put(MeetingOperation.SHOW_EVENT_PUSH, subscription::read);
        operations.put(MeetingOperation.CHANGE_EVENT_PUSH_STATUS, subscription::changeStatus);

        Map<String, Map<String, ApiEndpoint>> endpointsByPath = new HashMap<>();
        operations.forEach((operation, endpoint) -> {
            ApiEndpoint guarded = new MeetingCallGuard(operation, faults, tokens, endpoint);
            ApiEndpoint served =
                    operation == MeetingOperation.UPDATE_SERIES ? recordingPuts(traffic, tokens, guarded) : guarded;
            endpointsByPath.computeIfAbsent(operation.path(), path -> new HashMap<>()).put(operation.method(), served);
        });
        Map<String, ApiRoute> routes = new HashMap<>();
        endpointsByPath.forEach((path, byMethod) -> routes.put(path, new ApiRoute(path, byMethod, traffic, true)));
        return routes;
    }

    /** Tests read every series PUT as it arrived, rejected ones included. */
    private static ApiEndpoint recordingPuts(TrafficRecorder traffic, TokenRegistry tokens, ApiEndpoint endpoint) {
        return request -> {
            traffic.recordPut(RecordedPut.of(request, tokens));
            return endpoint.answer(request);
        };
    }
}
