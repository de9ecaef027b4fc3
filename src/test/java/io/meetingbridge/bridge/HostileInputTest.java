package io.meetingbridge.bridge;

import static io.meetingbridge.testing.BridgeFixture.header;
import static io.meetingbridge.testing.BridgeFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetingbridge.change.HostileCorpus;
import io.meetingbridge.isolation.KafkaControlHeaders;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(2).startBridge();

    @Test
    void everyHostileRecordIsDeadLetteredWithItsSentenceAndTheBridgeGoesOn() {
        List<HostileCorpus.Case> corpus = HostileCorpus.cases();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        corpus.forEach(c -> records.add(new ProducerRecord<>(world.topics.changes(),
                SampleChanges.bytes(c.name()), c.value())));
        records.add(SampleChanges.keyed(world.topics.changes(), "424242", SampleChanges.weekly("after", "424242")));
        world.publish(records);
        world.awaitAllCommitted();

        Map<String, String> details = world.deadLetters().stream()
                .collect(Collectors.toMap(r -> text(r.key()), r -> header(r, "dlq-detail")));
        assertThat(details).hasSize(corpus.size());
        corpus.forEach(c -> assertThat(details.get(c.name())).as(c.name()).isEqualTo(c.sentence()));
        assertThat(world.api.traffic().putCalls()).isEqualTo(1);
        assertThat(world.occurrences()).hasSize(8);
    }

    @Test
    void thousandRandomlyMutatedChangesAreEachAccountedForAndNothingStalls() throws Exception {
        long seed = Long.getLong("mutation.seed", System.nanoTime());
        System.out.println("HostileInputTest mutation seed: " + seed + " (rerun with -Dmutation.seed=" + seed + ")");
        ChangeMutator mutator = new ChangeMutator(new Random(seed));
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String conference = Integer.toString(500_000 + i);
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(world.topics.changes(),
                    SampleChanges.bytes(conference), mutator.mutate(SampleChanges.weekly("m-" + i, conference)));
            mutator.addHostileHeaders(record, world.topics.occurrences());
            records.add(record);
        }
        world.publish(records);
        world.awaitAllCommitted();

        Set<String> accounted = new HashSet<>();
        List<ConsumerRecord<byte[], byte[]>> occurrences = world.occurrences();
        occurrences.forEach(r -> accounted.add(header(r, "meeting-source-partition") + "@"
                + header(r, "meeting-source-offset")));
        List<ConsumerRecord<byte[], byte[]>> dead = world.deadLetters();
        dead.forEach(r -> accounted.add(header(r, "dlq-original-partition") + "@" + header(r, "dlq-original-offset")));
        assertThat(accounted).as("every input record became occurrences or a dead letter (seed " + seed + ")")
                .hasSize(1000);
        assertThat(occurrences).as("only occurrences on the occurrences topic (seed " + seed + ")")
                .allSatisfy(r -> assertThat(header(r, "meeting-conference-id")).isEqualTo(text(r.key())));
        System.out.println("HostileInputTest: " + (1000 - dead.size()) + " applied, " + dead.size()
                + " dead-lettered");
    }

    /** Breaks a valid change in one of many ways: some breaks are harmless, most are not. */
    private static final class ChangeMutator {
        private static final String[] FIELDS = {"changeId", "conferenceID", "series", "series.mediaTypes",
                "series.subject", "series.startTime", "series.length", "series.timeZoneID", "series.attendees",
                "series.cycleParams", "series.cycleParams.startDate", "series.cycleParams.endDate",
                "series.cycleParams.cycle", "series.cycleParams.interval", "series.cycleParams.point",
                "series.cycleParams.preRemindDays"};
        private static final JsonNode[] VALUES = {JSON.nullNode(), JSON.getNodeFactory().numberNode(-1),
                JSON.getNodeFactory().numberNode(99_999), JSON.getNodeFactory().numberNode(1.5),
                JSON.getNodeFactory().textNode(""), JSON.getNodeFactory().textNode("2026-02-30"),
                JSON.getNodeFactory().textNode("1&userUUID=x"), JSON.getNodeFactory().textNode("\u0000\u202e"),
                JSON.getNodeFactory().booleanNode(true), JSON.createArrayNode(), JSON.createObjectNode()};

        /** Header names some part of a pipeline might obey, in the letter cases a producer might use. */
        private static final String[] HEADER_NAMES = Stream.concat(
                // camel-kafka's producer controls in both spellings of CAMEL-23584, one also in lower case
                Stream.concat(KafkaControlHeaders.all().stream(), Stream.of(KafkaConstants.OVERRIDE_TOPIC.toLowerCase(Locale.ROOT))),
                Stream.of("CamelHttpUri", "CamelHttpMethod", "CamelHttpQuery", "CamelHttpPath", "X-Access-Token",
                        "Authorization", "Content-Type", "dlq-reason", "DLQ-DETAIL", "dlq-original-topic",
                        "dlq-replay-count", "trace-id")).toArray(String[]::new);

        private final Random random;

        ChangeMutator(Random random) {
            this.random = random;
        }

        /** Up to three headers a hostile producer might set, with values meant to steer or to break. */
        void addHostileHeaders(ProducerRecord<byte[], byte[]> record, String occurrencesTopic) {
            String[] values = {occurrencesTopic, "not-a-number", "1", "", "http://127.0.0.1:1/x", "DELETE",
                    "conferenceID=1", "\u0000"};
            for (int h = random.nextInt(4); h > 0; h--) {
                record.headers().add(HEADER_NAMES[random.nextInt(HEADER_NAMES.length)],
                        SampleChanges.bytes(values[random.nextInt(values.length)]));
            }
        }

        byte[] mutate(String change) throws Exception {
            byte[] bytes = SampleChanges.bytes(change);
            switch (random.nextInt(6)) {
                case 0 -> {
                    return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
                }
                case 1 -> {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                    return bytes;
                }
                default -> {
                    ObjectNode tree = (ObjectNode) JSON.readTree(bytes);
                    String[] path = FIELDS[random.nextInt(FIELDS.length)].split("\\.");
                    ObjectNode parent = tree;
                    for (int i = 0; i < path.length - 1; i++) {
                        parent = (ObjectNode) parent.get(path[i]);
                    }
                    if (random.nextInt(4) == 0) {
                        parent.remove(path[path.length - 1]);
                    } else {
                        parent.set(path[path.length - 1], VALUES[random.nextInt(VALUES.length)]);
                    }
                    return JSON.writeValueAsBytes(tree);
                }
            }
        }
    }
}
