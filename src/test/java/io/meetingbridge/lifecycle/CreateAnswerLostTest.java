package io.meetingbridge.lifecycle;

import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.AnswerHold;
import io.meetingbridge.simulator.MeetingErrors;
import io.meetingbridge.simulator.MeetingOperation;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gap of a crash without a crash: the API made the series but its answer to the POST never arrived
 * (the response timeout). Sending the POST again would make a second series; the bridge looks for the
 * series it made first, as after a crash, and adopts it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CreateAnswerLostTest {

    private static final String KEY = "crm-lost-answer";

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1)
            .startBridge(s -> s.set("meeting.api.response-timeout-ms", "500"));

    @Test
    void aCreateWhoseAnswerTimedOutIsAdoptedNotPostedAgain() {
        AnswerHold hold = world.api.faults().holdCreates();
        world.publish(KEY, SampleChanges.create("c1", KEY, "Lost answer sync"));
        world.publish(KEY, SampleChanges.modifyBySeriesKey("c2", KEY, "Lost answer sync, renamed"));
        assertThat(hold.awaitHeld(BridgeFixture.WAIT)).isTrue();
        String created = world.api.scheduledSeries().get(0).conferenceID();

        // the bridge gives up on the held answer and does what it does next: look for the series, or POST again
        Awaitility.await("the bridge's next call after the timed-out POST").atMost(BridgeFixture.WAIT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> world.api.traffic().calls(MeetingOperation.SEARCH_MEETINGS) > 0
                        || world.api.traffic().calls(MeetingOperation.CREATE_SERIES) > 1);
        hold.release();
        world.awaitAllCommitted();

        assertThat(world.api.traffic().calls(MeetingOperation.CREATE_SERIES)).isEqualTo(1);
        assertThat(world.api.scheduledSeries()).hasSize(1);
        assertThat(world.deadLetters()).isEmpty();
        List<ConsumerRecord<byte[], byte[]>> records = world.occurrences();
        assertThat(records).allSatisfy(r -> assertThat(header(r, "meeting-conference-id")).isEqualTo(created));
        assertThat(records).extracting(r -> header(r, "meeting-change-id"))
                .containsExactly("c1", "c1", "c1", "c1", "c1", "c1", "c1", "c1",
                        "c2", "c2", "c2", "c2", "c2", "c2", "c2", "c2");
        assertThat(records.subList(0, 8)).allSatisfy(r -> assertThat(header(r, "meeting-action")).isEqualTo("create"));
        assertThat(world.api.series(created).orElseThrow().body().get("subject").asText())
                .isEqualTo("Lost answer sync, renamed");
    }

    @Test
    void aCreateRefusedTransientlyIsSentAgainOnceNoSeriesWasMade() {
        createRefusedWith503(1, "Refused once sync");

        assertThat(world.api.traffic().calls(MeetingOperation.SEARCH_MEETINGS)).isEqualTo(1);
        assertThat(world.api.traffic().calls(MeetingOperation.CREATE_SERIES)).isEqualTo(2);
        assertThat(world.api.scheduledSeries()).hasSize(1);
        assertThat(world.deadLetters()).isEmpty();
        assertThat(world.occurrences()).hasSize(8)
                .allSatisfy(r -> assertThat(header(r, "meeting-action")).isEqualTo("create"));
    }

    @Test
    void aCreateThatNeverSucceedsIsDeadLetteredOnceItsRetriesAreUsedUp() {
        createRefusedWith503(100, "Never made sync");

        // the first POST and one per retry (bridge.retry.redeliveries=3), each after a search that found nothing
        assertThat(world.api.traffic().calls(MeetingOperation.CREATE_SERIES)).isEqualTo(4);
        assertThat(world.api.traffic().calls(MeetingOperation.SEARCH_MEETINGS)).isEqualTo(3);
        assertThat(world.api.scheduledSeries()).isEmpty();
        assertThat(world.occurrences()).isEmpty();
        assertThat(world.deadLetters()).singleElement().satisfies(r -> {
            assertThat(header(r, "dlq-reason")).isEqualTo("retries-exhausted");
            assertThat(header(r, "dlq-http-status")).isEqualTo("503");
        });
    }

    /** The API answers the next POSTs that create a series with a transient 503; a create is sent and handled. */
    private void createRefusedWith503(int times, String subject) {
        world.api.faults().failNext(MeetingOperation.CREATE_SERIES, times, MeetingErrors.typicalFor(503));
        world.publish(KEY, SampleChanges.create("c1", KEY, subject));
        world.awaitAllCommitted();
    }
}
