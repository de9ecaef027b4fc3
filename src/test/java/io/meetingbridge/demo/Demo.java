package io.meetingbridge.demo;

import static io.meetingbridge.testing.BridgeFixture.header;
import static io.meetingbridge.testing.BridgeFixture.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.deadletter.DeadLetterReplay;
import io.meetingbridge.deadletter.ReplaySelection;
import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.simulator.MeetingApiSimulator;
import io.meetingbridge.testing.EmbeddedKafka;
import io.meetingbridge.testing.RunningBridge;
import io.meetingbridge.testing.SampleChanges;
import io.meetingbridge.testing.TestCredentials;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The README's first command: a real Kafka broker and the Meeting API simulator in this JVM, the bridge
 * between them, the whole life of one series and a few changes that go wrong, and what came out, printed
 * for a person to read.
 */
public final class Demo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "meeting-series-bridge-demo";
    private static final String SERIES_KEY = "crm-9001";

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        say("Starting a Kafka broker (KRaft, in this JVM) and the Meeting API simulator ...");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Map.of());
             MeetingApiSimulator api = MeetingApiSimulator.builder()
                     .credential(TestCredentials.APP_ID, TestCredentials.APP_KEY)
                     .eventRetries(Collections.nCopies(10, Duration.ofSeconds(1))).start()) {
            EmbeddedKafka.Topics topics = new EmbeddedKafka.Topics("meeting.changes", "meeting.occurrences",
                    "meeting.changes.dlq", "meeting.series");
            kafka.createTopic(topics.changes(), 3);
            kafka.createTopic(topics.occurrences(), 3);
            kafka.createTopic(topics.deadLetter(), 1);
            say("Broker at " + kafka.bootstrapServers() + ", simulator at " + api.baseUri());

            // the API refuses this conference, as it would one that does not exist, and fails the next one once
            api.faults().failConferenceAlways("900000003", ApiResponse.error(400, "MMC.111070005", "meeting does not exist"));
            api.faults().failConference("900000002", ApiResponse.error(500, "MMC.111070003", "internal error"), 1);

            try (RunningBridge bridge = MeetingEventsDemo.receiverOn(RunningBridge.with(kafka, topics,
                    api.baseUri().toString()).set("kafka.group-id", GROUP)).start()) {
                step(kafka, topics, "The whole life of series " + SERIES_KEY + ", named by its seriesKey only",
                        life(topics.changes()));
                step(kafka, topics, "Changes of series known by conferenceID, three of which go wrong",
                        byConference(topics.changes()));
                say("Replaying the dead letter the API failed with HTTP 500 (hr-42, older than hr-43) ...");
                say("  " + DeadLetterReplay.of(bridge.context()).replay(new ReplaySelection("rejected", "500", null, null),
                        false));
                awaitCommitted(kafka, topics);
                MeetingEventsDemo.run(bridge, api, kafka, SERIES_KEY, Demo::say);
            }
            printOccurrences(kafka, topics);
            printDeadLetters(kafka, topics);
            spMode(kafka, api);
            say("");
            say("Done: the Meeting API had " + api.traffic().callsByOperation() + " calls and "
                    + api.traffic().authCalls() + " authentication(s).");
        }
    }

    /**
     * SP mode: a second bridge serves two enterprises of one App ID, each with its own token; the simulator
     * refuses one of them, whose change is dead-lettered while the other's flows.
     */
    private static void spMode(EmbeddedKafka kafka, MeetingApiSimulator api) {
        EmbeddedKafka.Topics topics = new EmbeddedKafka.Topics("sp.meeting.changes", "sp.meeting.occurrences",
                "sp.meeting.changes.dlq", "sp.meeting.series");
        kafka.createTopic(topics.changes(), 1);
        kafka.createTopic(topics.occurrences(), 1);
        kafka.createTopic(topics.deadLetter(), 1);
        api.faults().refuseTenant("globex", 403);
        say("");
        say("SP mode (meeting.auth.mode=sp): enterprises acme and globex publish series " + SERIES_KEY
                + " each; the API refuses globex ...");
        try (RunningBridge bridge = RunningBridge.with(kafka, topics, api.baseUri().toString())
                .set("kafka.group-id", GROUP).set("meeting.auth.mode", "sp").start()) {
            step(kafka, topics, "Two enterprises, one seriesKey", List.of(
                    SampleChanges.keyed(topics.changes(), SERIES_KEY, SampleChanges.forTenant("acme",
                            SampleChanges.create("acme-v1", SERIES_KEY, "Acme planning"))),
                    SampleChanges.keyed(topics.changes(), SERIES_KEY, SampleChanges.forTenant("globex",
                            SampleChanges.create("globex-v1", SERIES_KEY, "Globex planning")))));
        }
        printOccurrences(kafka, topics);
        printDeadLetters(kafka, topics);
    }

    private static List<ProducerRecord<byte[], byte[]>> life(String topic) {
        return List.of(
                SampleChanges.keyed(topic, SERIES_KEY, SampleChanges.create("crm-9001-v1", SERIES_KEY, "Quarterly planning")),
                SampleChanges.keyed(topic, SERIES_KEY,
                        SampleChanges.modifyBySeriesKey("crm-9001-v2", SERIES_KEY, "Quarterly planning (renamed)")),
                // a patch names only what changes; the rest stays as the API (and the bridge's last PUT) has it
                SampleChanges.keyed(topic, SERIES_KEY, SampleChanges.patch("crm-9001-v2p", SERIES_KEY,
                        "{\"subject\":\"Quarterly planning (room 4)\",\"length\":45}")),
                SampleChanges.keyed(topic, SERIES_KEY,
                        SampleChanges.moveOccurrence("crm-9001-v3", SERIES_KEY, "2026-12-07 01:00", "2026-12-08 03:00")),
                SampleChanges.keyed(topic, SERIES_KEY,
                        SampleChanges.cancelOccurrences("crm-9001-v4", SERIES_KEY, "2026-12-09 01:00")),
                SampleChanges.keyed(topic, SERIES_KEY, SampleChanges.cancel("crm-9001-v5", SERIES_KEY)));
    }

    private static List<ProducerRecord<byte[], byte[]>> byConference(String topic) {
        String daily = """
                {"changeId":"%s","conferenceID":"900000002","series":{"mediaTypes":"Voice",\
                "subject":"%s","startTime":"2026-12-01 08:30","length":15,\
                "cycleParams":{"startDate":"2026-12-01","endDate":"2026-12-05","cycle":"Day",\
                "interval":1,"preRemindDays":0}}}""";
        return List.of(
                SampleChanges.keyed(topic, "914087436", SampleChanges.weekly("crm-7731-v4", "914087436", "Weekly sync")),
                SampleChanges.keyed(topic, "914087436", SampleChanges.weekly("crm-7731-v5", "914087436", "Weekly sync")
                        .replace("\"interval\":1", "\"interval\":9")),
                SampleChanges.keyed(topic, "900000003", SampleChanges.weekly("booking-17", "900000003", "Room review")),
                SampleChanges.keyed(topic, "900000002", daily.formatted("hr-42", "Daily stand-up")),
                SampleChanges.keyed(topic, "900000002", daily.formatted("hr-43", "Daily stand-up, new room")));
    }

    private static void step(EmbeddedKafka kafka, EmbeddedKafka.Topics topics, String title,
                             List<ProducerRecord<byte[], byte[]>> changes) {
        say(title + ": publishing " + changes.size() + " changes to " + topics.changes() + " ...");
        kafka.send(topics.changes(), changes);
        awaitCommitted(kafka, topics);
    }

    private static void awaitCommitted(EmbeddedKafka kafka, EmbeddedKafka.Topics topics) {
        kafka.brokerAdmin().awaitCommitted(GROUP, topics.changes(), kafka.endOffsetSum(topics.changes()),
                Duration.ofSeconds(60), Duration.ofMillis(100), () -> { });
    }

    private static void printOccurrences(EmbeddedKafka kafka, EmbeddedKafka.Topics topics) {
        List<ConsumerRecord<byte[], byte[]>> occurrences = kafka.read(topics.occurrences(),
                (int) kafka.endOffsetSum(topics.occurrences()), Duration.ofSeconds(10));
        say("");
        say("%d records on %s, per conference in the order they were written:".formatted(occurrences.size(),
                topics.occurrences()));
        String row = "  %-10s %-7s %-9s %-12s %-19s %-10s %-6s %-17s %s";
        say(row.formatted("key", "tenant", "series", "change", "action", "state", "n/of", "start (UTC)", "end (UTC)"));
        occurrences.stream()
                .sorted(java.util.Comparator.comparing((ConsumerRecord<byte[], byte[]> r) -> text(r.key()))
                        .thenComparingLong(ConsumerRecord::offset))
                .forEach(r -> {
                    JsonNode occurrence = json(r.value());
                    String seriesKey = header(r, "meeting-series-key");
                    String tenant = header(r, "meeting-tenant");
                    say(row.formatted(text(r.key()), tenant == null ? "-" : tenant, seriesKey == null ? "-" : seriesKey,
                            header(r, "meeting-change-id"),
                            header(r, "meeting-action"), header(r, "meeting-occurrence-state"),
                            header(r, "meeting-occurrence-index") + "/" + header(r, "meeting-occurrence-count"),
                            occurrence.path("startTime").asText(), occurrence.path("endTime").asText()));
                });
    }

    private static void printDeadLetters(EmbeddedKafka kafka, EmbeddedKafka.Topics topics) {
        List<ConsumerRecord<byte[], byte[]>> dead = kafka.read(topics.deadLetter(),
                (int) kafka.endOffsetSum(topics.deadLetter()), Duration.ofSeconds(10));
        say("");
        say("%d records on %s:".formatted(dead.size(), topics.deadLetter()));
        dead.forEach(r -> say("  key %s, change %s%s: %s (HTTP %s, %s attempts)%n    %s".formatted(text(r.key()),
                header(r, "dlq-change-id"), header(r, "dlq-tenant") == null ? "" : " of " + header(r, "dlq-tenant"),
                header(r, "dlq-reason"),
                header(r, "dlq-http-status") == null ? "-" : header(r, "dlq-http-status"),
                header(r, "dlq-attempts"), header(r, "dlq-detail"))));
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
