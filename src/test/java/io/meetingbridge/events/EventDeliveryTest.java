package io.meetingbridge.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.ops.MeterRegistries;
import io.meetingbridge.simulator.EventPusher;
import io.meetingbridge.testing.RunningBridge;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 200 only once Kafka holds the event, and each event once across restarts and instances. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EventDeliveryTest {

    private static final List<Duration> QUICK_RETRIES = Collections.nCopies(20, Duration.ofMillis(250));

    @Test
    void kafkaThatCannotTakeTheEventIsAnswered503AndTheRetryLandsOnce() throws Exception {
        EventsRig rig = new EventsRig(1);
        try (RunningBridge bridge = rig.start(Map.of("bridge.producer.request-timeout-ms", "1000",
                "bridge.producer.delivery-timeout-ms", "2000"))) {
            String started = EventsRig.eventInfo("meeting.started", "915001", "sub-1");
            EventPusher pusher = rig.pusher(bridge, QUICK_RETRIES);
            // the topic refuses every record for a while (a broker never lets acks=all wait on a missing
            // replica when the topic has only one, so a too-small record limit stands in for an unavailable topic)
            topicSetting(rig, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "64");

            assertThat(pusher.pushOnce(started).statusCode()).isEqualTo(503);
            assertThat(rig.written()).isZero();
            // Huawei's side retries on its own while the topic still refuses; the topic takes records again
            CompletableFuture<EventPusher.Delivery> retrying = CompletableFuture.supplyAsync(() -> {
                try {
                    return pusher.push(started);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> unavailableAnswers(bridge) >= 2);
            topicSetting(rig, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048588");
            EventPusher.Delivery retried = retrying.get(60, TimeUnit.SECONDS);

            assertThat(retried.delivered()).isTrue();
            assertThat(retried.attempts()).isGreaterThan(1);
            assertThat(rig.records(1)).hasSize(1);
            assertThat(rig.written()).isEqualTo(1);
        }
    }

    @Test
    void aRetryAfterARestartIsNotWrittenAgain() throws Exception {
        EventsRig rig = new EventsRig(2);
        String ended = EventsRig.eventInfo("meeting.end", "915002", "sub-2");
        try (RunningBridge before = rig.start(Map.of())) {
            assertThat(rig.pusher(before, List.of()).pushOnce(ended).body()).contains("written");
        }
        try (RunningBridge after = rig.start(Map.of())) {
            assertThat(rig.pusher(after, QUICK_RETRIES).push(ended).answer().body()).contains("duplicate");
        }
        assertThat(rig.written()).isEqualTo(1);
    }

    @Test
    void twoInstancesBehindOneAddressWriteEachEventOnce() throws Exception {
        EventsRig rig = new EventsRig(3);
        try (RunningBridge first = rig.start(Map.of()); RunningBridge second = rig.start(Map.of())) {
            EventPusher one = rig.pusher(first, QUICK_RETRIES);
            EventPusher other = rig.pusher(second, QUICK_RETRIES);
            for (int meeting = 0; meeting < 10; meeting++) {
                String info = EventsRig.eventInfo("meeting.started", "9160" + meeting, "sub-" + meeting);
                // a load balancer sends Huawei's retry to whichever instance: here always the other one
                EventPusher firstTry = meeting % 2 == 0 ? one : other;
                EventPusher retry = meeting % 2 == 0 ? other : one;
                assertThat(firstTry.push(info).answer().body()).contains("written");
                assertThat(retry.push(info).answer().body()).contains("duplicate");
            }
        }
        assertThat(rig.written()).isEqualTo(10);
    }

    /** Pushes answered 503 because Kafka could not take their event, as the receiver counts them. */
    private static double unavailableAnswers(RunningBridge bridge) {
        Counter unavailable = MeterRegistries.of(bridge.context()).find(EventMeters.RECEIVED)
                .tag("outcome", "unavailable").counter();
        return unavailable == null ? 0 : unavailable.count();
    }

    private static void topicSetting(EventsRig rig, String name, String value) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, rig.eventsTopic);
        rig.kafka.admin().incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                new ConfigEntry(name, value), AlterConfigOp.OpType.SET))))
                .all().get(30, TimeUnit.SECONDS);
        // the controller has it; the broker applies it a moment later
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> value.equals(rig.kafka.admin()
                .describeConfigs(List.of(topic)).all().get().get(topic)
                .get(name).value()));
    }
}
