package io.meetingbridge.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * What happens to meetings outside the bridge, in the Meeting app and in the meetings themselves, pushed to the
 * subscriber as Huawei would: an occurrence starts, ends, is concluded; a series is cancelled in the app.
 */
final class AppEvents {

    private final SeriesStore store;
    private final EventSubscription subscription;
    private final Clock clock = Clock.systemUTC();

    AppEvents(SeriesStore store, EventSubscription subscription) {
        this.store = store;
        this.subscription = subscription;
    }

    /** Pushes an event about a meeting (an occurrence when cycleSubConfID is given) now. */
    CompletableFuture<EventPusher.Delivery> happened(String event, String conferenceID, String cycleSubConfID) {
        String uuid = UUID.nameUUIDFromBytes(conferenceID.getBytes(StandardCharsets.UTF_8)).toString();
        return subscription.push(EventPusher.eventInfo(event, clock.millis(), conferenceID, uuid, cycleSubConfID));
    }

    /** Someone cancels the series in the Meeting app: the API shows it cancelled, and meeting.cancel is pushed. */
    ApiResponse cancelledInApp(String conferenceID) {
        ApiResponse answer = store.change(MeetingOperation.CANCEL_SERIES, conferenceID, current -> current == null || current.cancelled()
                ? SeriesStore.Decision.refuse(MeetingErrors.meetingNotFound())
                : SeriesStore.Decision.write(current.asCancelled(), ApiResponse.noContent()));
        if (answer.status() < 300) {
            happened("meeting.cancel", conferenceID, null);
        }
        return answer;
    }
}
