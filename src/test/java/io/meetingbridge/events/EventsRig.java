package io.meetingbridge.events;

import io.meetingbridge.simulator.EventPusher;
import io.meetingbridge.testing.EmbeddedKafka;
import io.meetingbridge.testing.EventsReceiverOn;
import io.meetingbridge.testing.RunningBridge;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A broker, an events topic of its own, and bridges whose events receiver listens on a free loopback port. */
final class EventsRig {

    static final String SUBSCRIBER_ID = "1988692299";
    static final String SUBSCRIBER_KEY = "subscriber-key-for-tests";

    final EmbeddedKafka kafka = EmbeddedKafka.shared();
    final EmbeddedKafka.Topics topics = kafka.createTopics(1);
    final String eventsTopic = "events-of-" + topics.changes();
    final HttpClient http = HttpClient.newHttpClient();

    EventsRig(int partitions) {
        kafka.createTopic(eventsTopic, partitions);
    }

    /** A bridge with the receiver on; settings override the rig's. */
    RunningBridge start(Map<String, String> settings) {
        RunningBridge.Builder builder = receiverOn(RunningBridge.with(kafka, topics, "http://127.0.0.1:9"));
        settings.forEach(builder::set);
        return builder.start();
    }

    /** The receiver on, on a free loopback port, writing to this rig's events topic. */
    RunningBridge.Builder receiverOn(RunningBridge.Builder builder) {
        return EventsReceiverOn.with(builder, eventsTopic, SUBSCRIBER_ID, SUBSCRIBER_KEY);
    }

    static URI url(RunningBridge bridge) {
        int port = bridge.context().hasService(EventReceiver.class).port();
        return URI.create("http://127.0.0.1:" + port + "/meeting/events");
    }

    EventPusher pusher(RunningBridge bridge, List<Duration> retries) {
        return new EventPusher(http, url(bridge), SUBSCRIBER_ID, SUBSCRIBER_KEY, retries, Clock.systemUTC());
    }

    /** A signed body for the given time and nonce, with another subscriber id or key when the test wants one. */
    String signed(RunningBridge bridge, String subscriberId, String key, String eventInfo, long timestamp) {
        return new EventPusher(http, url(bridge), subscriberId, key, List.of(), Clock.systemUTC())
                .body(eventInfo, timestamp, "85262798");
    }

    HttpResponse<String> post(RunningBridge bridge, String method, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(bridge)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    List<ConsumerRecord<byte[], byte[]>> records(int atLeast) {
        return kafka.read(eventsTopic, atLeast, Duration.ofSeconds(atLeast == 0 ? 1 : 20));
    }

    long written() {
        return kafka.endOffsetSum(eventsTopic);
    }

    static String eventInfo(String event, String meetingId, String cycleSubId) {
        return EventPusher.eventInfo(event, 1_700_000_000_000L, meetingId, "uuid-" + meetingId, cycleSubId);
    }
}
