package io.meetingbridge.demo;

import io.meetingbridge.events.EventPushRegistration;
import io.meetingbridge.events.EventReceiver;
import io.meetingbridge.ledger.KnownOccurrence;
import io.meetingbridge.ledger.SeriesEntry;
import io.meetingbridge.ledger.SeriesLedger;
import io.meetingbridge.simulator.MeetingApiSimulator;
import io.meetingbridge.testing.EmbeddedKafka;
import io.meetingbridge.testing.EventsReceiverOn;
import io.meetingbridge.testing.RunningBridge;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** The demo's way back: the bridge registers its events receiver, the simulator pushes an occurrence's start and end. */
final class MeetingEventsDemo {

    static final String TOPIC = "meeting.events";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MeetingEventsDemo() {
    }

    /** The receiver on, on a free loopback port, with a subscriber key of the demo's own. */
    static RunningBridge.Builder receiverOn(RunningBridge.Builder bridge) {
        return EventsReceiverOn.with(bridge, TOPIC, "demo-subscriber", "demo-subscriber-key");
    }

    static void run(RunningBridge bridge, MeetingApiSimulator api, EmbeddedKafka kafka, String seriesKey,
                    Consumer<String> say) throws Exception {
        URI url = URI.create("http://127.0.0.1:" + bridge.context().hasService(EventReceiver.class).port()
                + "/meeting/events");
        say.accept("Registering " + url + " as the meeting event push (the API verifies it at once) ...");
        say.accept("  " + bridge.bean("eventPushRegistration", EventPushRegistration.class).register(url.toString()));
        SeriesEntry series = bridge.bean("seriesLedger", SeriesLedger.class).bySeriesKey(null, seriesKey).orElseThrow();
        KnownOccurrence occurrence = series.occurrences().get(0);
        say.accept("The occurrence of " + occurrence.startTime() + " starts and ends in the Meeting app ...");
        for (String event : new String[] {"meeting.started", "meeting.end"}) {
            control(api, "events?event=" + event + "&conferenceID=" + series.conferenceID() + "&cycleSubConfID="
                    + occurrence.cycleSubConfID());
        }
        say.accept("");
        say.accept("On " + TOPIC + ":");
        for (ConsumerRecord<byte[], byte[]> record : kafka.read(TOPIC, 2, Duration.ofSeconds(30))) {
            StringBuilder headers = new StringBuilder();
            for (Header header : record.headers()) {
                headers.append(' ').append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8));
            }
            say.accept("  key " + new String(record.key(), StandardCharsets.UTF_8) + headers);
            say.accept("    " + new String(record.value(), StandardCharsets.UTF_8));
        }
    }

    private static void control(MeetingApiSimulator api, String command) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(api.baseUri() + "/simulator/" + command))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }
}
