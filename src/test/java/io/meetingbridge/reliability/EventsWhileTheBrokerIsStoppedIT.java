package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.events.EventReceiver;
import io.meetingbridge.simulator.EventPusher;
import io.meetingbridge.testing.EventsReceiverOn;
import io.meetingbridge.testing.RunningBridge;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real broker stopped under the events receiver: the push is answered 503 within the producer's own bounds
 * (the HTTP answer does not hang on a broker that is gone), and once the broker is back Huawei's retry lands once.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EventsWhileTheBrokerIsStoppedIT {

    private static final String SUBSCRIBER_ID = "1988692299";
    private static final String SUBSCRIBER_KEY = "subscriber-key-for-tests";
    private static final String EVENTS_TOPIC = "meeting-events";
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration MAX_BLOCK = Duration.ofSeconds(2);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);
    /**
     * The receiver's worst case, with room for a loaded machine: the duplicate check (with the broker gone it cannot
     * read the topic, so this is where today's 503 comes from), then a send that waits for metadata, then for delivery.
     */
    private static final Duration ANSWER_BOUND = CHECK_TIMEOUT.plus(MAX_BLOCK).plus(DELIVERY_TIMEOUT).plusSeconds(5);

    @Test
    void aStoppedBrokerIsAnswered503InTimeAndTheRetryLandsOnceItIsBack() throws Exception {
        try (BridgeRig rig = BridgeRig.start("events-broker-stopped", 1)) {
            rig.admin.createTopic(EVENTS_TOPIC, 1);
            RunningBridge.Builder settings = RunningBridge.with(rig.broker.bootstrapServers(), rig.topics,
                            rig.api.baseUri().toString())
                    .set("bridge.producer.request-timeout-ms", "1000")
                    .set("bridge.producer.delivery-timeout-ms", Long.toString(DELIVERY_TIMEOUT.toMillis()))
                    .set("bridge.producer.max-block-ms", Long.toString(MAX_BLOCK.toMillis()))
                    .set("bridge.events.write-timeout-ms", Long.toString(CHECK_TIMEOUT.toMillis()));
            try (RunningBridge bridge = EventsReceiverOn.with(settings, EVENTS_TOPIC, SUBSCRIBER_ID, SUBSCRIBER_KEY).start()) {
                EventPusher pusher = new EventPusher(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:"
                        + bridge.context().hasService(EventReceiver.class).port() + "/meeting/events"),
                        SUBSCRIBER_ID, SUBSCRIBER_KEY, Collections.nCopies(200, Duration.ofMillis(250)), Clock.systemUTC());
                assertThat(pusher.pushOnce(eventInfo("meeting.started")).statusCode()).isEqualTo(200);

                rig.broker.stop();
                String ended = eventInfo("meeting.end");
                long asked = System.nanoTime();
                int status = pusher.pushOnce(ended).statusCode();
                Duration answeredIn = Duration.ofNanos(System.nanoTime() - asked);

                assertThat(status).isEqualTo(503);
                assertThat(answeredIn).isLessThan(ANSWER_BOUND);
                CompletableFuture<EventPusher.Delivery> retrying = CompletableFuture.supplyAsync(() -> {
                    try {
                        return pusher.push(ended);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                rig.broker.start();
                assertThat(retrying.get(60, TimeUnit.SECONDS).delivered()).isTrue();

                List<ConsumerRecord<byte[], byte[]>> records = rig.admin.read(EVENTS_TOPIC, 2, Duration.ofSeconds(20));
                assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                        .filteredOn(value -> value.contains("meeting.end")).hasSize(1);
                assertThat(rig.admin.endOffsetSum(EVENTS_TOPIC)).isEqualTo(2);
            }
        }
    }

    private static String eventInfo(String event) {
        return EventPusher.eventInfo(event, 1_700_000_000_000L, "915001", "uuid-915001", "sub-1");
    }
}
