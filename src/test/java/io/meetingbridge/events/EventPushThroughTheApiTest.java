package io.meetingbridge.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.ledger.SeriesLedger;
import io.meetingbridge.ledger.SeriesState;
import io.meetingbridge.ops.BridgeManagement;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole way back: the bridge registers its receiver through the API (JMX, App ID token), the simulator
 * verifies it and pushes an occurrence's start and end and a cancel made in the app; they land on the events
 * topic, and the ledger learns the cancel, so that a later modify of the series is rejected by the API.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EventPushThroughTheApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withSimulator(
            simulator -> simulator.eventRetries(Collections.nCopies(20, Duration.ofMillis(200))));

    @Test
    void registeredThroughTheApiTheSimulatorsEventsReachKafkaAndTheLedger() throws Exception {
        EventsRig rig = new EventsRig(1);
        world.startBridge(rig::receiverOn);
        ObjectName eventPush = BridgeManagement.objectName("meeting-series-bridge", BridgeManagement.EVENT_PUSH_MBEAN);

        String shown = (String) ManagementFactory.getPlatformMBeanServer().invoke(eventPush, "register",
                new Object[]{EventsRig.url(world.bridge()).toString()}, new String[]{String.class.getName()});

        assertThat(new ObjectMapper().readTree(shown).path("status").asInt()).isEqualTo(1);
        assertThat(shown).doesNotContain(EventsRig.SUBSCRIBER_KEY);
        assertThat(rig.written()).isZero();

        world.publish("k-ev", SampleChanges.create("c1", "k-ev", "Pushed back"));
        world.awaitAllCommitted();
        SeriesLedger ledger = world.bridge().bean("seriesLedger", SeriesLedger.class);
        String conferenceID = ledger.bySeriesKey(null, "k-ev").orElseThrow().conferenceID();
        control("events?event=meeting.started&conferenceID=" + conferenceID + "&cycleSubConfID=occ-1");
        control("events?event=meeting.end&conferenceID=" + conferenceID + "&cycleSubConfID=occ-1");

        List<ConsumerRecord<byte[], byte[]>> records = rig.records(2);
        assertThat(records).extracting(r -> header(r, EventRecords.EVENT)).containsExactly("meeting.started", "meeting.end");
        assertThat(records).allSatisfy(r -> {
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(conferenceID);
            assertThat(header(r, EventRecords.CYCLE_SUB_CONF_ID)).isEqualTo("occ-1");
        });

        control("app/cancel?conferenceID=" + conferenceID);
        Awaitility.await().atMost(BridgeFixture.WAIT)
                .until(() -> ledger.bySeriesKey(null, "k-ev").orElseThrow().state() == SeriesState.CANCELLED);
        assertThat(rig.written()).isEqualTo(3);

        world.publish("k-ev", SampleChanges.modifyBySeriesKey("c2", "k-ev", "Too late"));
        world.awaitAllCommitted();
        assertThat(world.deadLetters()).extracting(r -> header(r, "dlq-reason")).containsExactly("rejected");
    }

    private void control(String command) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(world.api.baseUri() + "/simulator/"
                + command)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(command).isLessThan(300);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
