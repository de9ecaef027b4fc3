package io.meetingbridge.demo;

import static io.meetingbridge.testing.BridgeFixture.header;
import static io.meetingbridge.testing.BridgeFixture.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.simulator.MeetingApiSimulator;
import io.meetingbridge.testing.EmbeddedKafka;
import io.meetingbridge.testing.RunningBridge;
import io.meetingbridge.testing.SampleChanges;
import io.meetingbridge.testing.TestCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;

/**
 * The README's first command: a real Kafka broker and the Meeting API simulator in this JVM, the bridge
 * between them, a few sample changes, and what came out, printed for a person to read.
 */
public final class Demo {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        say("Starting a Kafka broker (KRaft, in this JVM) and the Meeting API simulator ...");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Map.of());
             MeetingApiSimulator api = MeetingApiSimulator.builder()
                     .credential(TestCredentials.APP_ID, TestCredentials.APP_KEY).start()) {
            EmbeddedKafka.Topics topics = new EmbeddedKafka.Topics("meeting.changes", "meeting.occurrences",
                    "meeting.changes.dlq", "meeting.series");
            kafka.createTopic(topics.changes(), 3);
            kafka.createTopic(topics.occurrences(), 3);
            kafka.createTopic(topics.deadLetter(), 1);
            say("Broker at " + kafka.bootstrapServers() + ", simulator at " + api.baseUri());

            // the API will refuse this conference, as it would one that does not exist
            api.faults().failConferenceAlways("900000003",
                    ApiResponse.error(400, "MMC.111070005", "meeting does not exist"));
            List<ProducerRecord<byte[], byte[]>> samples = List.of(
                    SampleChanges.keyed(topics.changes(), "914087436",
                            SampleChanges.weekly("crm-7731-v4", "914087436", "Weekly sync")),
                    SampleChanges.keyed(topics.changes(), "900000002", """
                            {"changeId":"hr-42","conferenceID":"900000002","series":{"mediaTypes":"Voice",\
                            "subject":"Daily stand-up","startTime":"2026-12-01 08:30","length":15,\
                            "cycleParams":{"startDate":"2026-12-01","endDate":"2026-12-05","cycle":"Day",\
                            "interval":1,"preRemindDays":0}}}"""),
                    SampleChanges.keyed(topics.changes(), "914087436",
                            SampleChanges.weekly("crm-7731-v5", "914087436", "Weekly sync (moved)")
                                    .replace("\"interval\":1", "\"interval\":9")),
                    SampleChanges.keyed(topics.changes(), "900000003",
                            SampleChanges.weekly("booking-17", "900000003", "Room review")));

            try (RunningBridge bridge = RunningBridge.with(kafka, topics, api.baseUri().toString())
                    .set("kafka.group-id", "meeting-series-bridge-demo").start()) {
                say("Bridge started; publishing " + samples.size() + " meeting changes to " + topics.changes());
                kafka.send(topics.changes(), samples);
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                        kafka.committedOffsetSum("meeting-series-bridge-demo", topics.changes()) == samples.size());
            }

            List<ConsumerRecord<byte[], byte[]>> occurrences = kafka.read(topics.occurrences(),
                    (int) kafka.endOffsetSum(topics.occurrences()), Duration.ofSeconds(10));
            say("");
            say("%d records on %s:".formatted(occurrences.size(), topics.occurrences()));
            say("  %-10s %-12s %-7s %-18s %-18s %s".formatted("key", "change", "n/of", "start (UTC)", "end (UTC)",
                    "cycleSubConfID"));
            occurrences.stream()
                    .sorted(java.util.Comparator.comparing((ConsumerRecord<byte[], byte[]> r) -> text(r.key()))
                            .thenComparing(r -> Integer.parseInt(header(r, "meeting-occurrence-index"))))
                    .forEach(r -> {
                        JsonNode occurrence = json(r.value());
                        say("  %-10s %-12s %-7s %-18s %-18s %s".formatted(text(r.key()),
                                header(r, "meeting-change-id"),
                                header(r, "meeting-occurrence-index") + "/" + header(r, "meeting-occurrence-count"),
                                occurrence.path("startTime").asText(), occurrence.path("endTime").asText(),
                                occurrence.path("cycleSubConfID").asText()));
                    });

            List<ConsumerRecord<byte[], byte[]>> dead = kafka.read(topics.deadLetter(),
                    (int) kafka.endOffsetSum(topics.deadLetter()), Duration.ofSeconds(10));
            say("");
            say("%d records on %s:".formatted(dead.size(), topics.deadLetter()));
            dead.forEach(r -> say("  key %s, change %s: %s (HTTP %s, %s attempts)%n    %s".formatted(text(r.key()),
                    header(r, "dlq-change-id"), header(r, "dlq-reason"),
                    header(r, "dlq-http-status") == null ? "-" : header(r, "dlq-http-status"),
                    header(r, "dlq-attempts"), header(r, "dlq-detail"))));
            say("");
            say("Done: the Meeting API was called " + api.traffic().putCalls() + " times, authentication "
                    + api.traffic().authCalls() + " time(s).");
        }
    }

    private static JsonNode json(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
