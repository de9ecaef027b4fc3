package io.meetingbridge.isolation;

import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.RecordedPut;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Input headers are data, never instructions: for every family of headers that some part of the bridge
 * would obey (camel-kafka's producer controls, Camel's HTTP controls, the API's request headers, the
 * bridge's own dlq-* names, in other letter cases), an invalid and a valid change carry it, and every
 * output record and every request is where and what it would be without it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ForgedHeadersTest {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1).startBridge();

    private Map<String, String> forgedFamilies() {
        Map<String, String> headers = new LinkedHashMap<>();
        // camel-kafka's producer controls, in both spellings of CAMEL-23584 and in other letter cases
        headers.putAll(KafkaControlHeaders.forged(world.topics.occurrences(), "not-a-number"));
        KafkaControlHeaders.bothSpellings(KafkaConstants.OVERRIDE_TOPIC)
                .forEach(name -> headers.put(name.toUpperCase(Locale.ROOT), world.topics.occurrences()));
        KafkaControlHeaders.bothSpellings(KafkaConstants.PARTITION_KEY)
                .forEach(name -> headers.put(name.toLowerCase(Locale.ROOT), "7"));
        headers.put("CamelHttpUri", "http://127.0.0.1:1/forged");
        headers.put("camelhttpmethod", "DELETE");
        headers.put("CamelHttpPath", "/forged");
        headers.put("CamelHttpQuery", "conferenceID=999999");
        headers.put("X-Access-Token", "forged-token");
        headers.put("authorization", "Bearer forged");
        headers.put("Content-Type", "text/plain");
        headers.put("DLQ-Reason", "forged");
        headers.put("dlq-Detail", "forged");
        headers.put("dlq-original-topic", "forged");
        return headers;
    }

    @Test
    void noInputHeaderChoosesWhereOrHowTheBridgeWritesOrCalls() {
        Map<String, String> families = forgedFamilies();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        int family = 0;
        for (Map.Entry<String, String> forged : families.entrySet()) {
            String conference = Integer.toString(900_000 + family);
            records.add(withHeader(SampleChanges.keyed(world.topics.changes(), "bad-" + family,
                    "{\"changeId\":\"bad-" + family + "\",\"conferenceID\":\"not digits\"}"), forged));
            records.add(withHeader(SampleChanges.keyed(world.topics.changes(), conference,
                    SampleChanges.weekly("good-" + family, conference)), forged));
            family++;
        }
        long publishedAt = Instant.now().minusSeconds(60).toEpochMilli();
        world.publish(records);
        world.awaitAllCommitted();

        SoftAssertions soft = new SoftAssertions();
        List<ConsumerRecord<byte[], byte[]>> occurrences = world.occurrences();
        soft.assertThat(occurrences).as("8 occurrences per valid change, nothing else").hasSize(families.size() * 8);
        for (ConsumerRecord<byte[], byte[]> occurrence : occurrences) {
            soft.assertThat(BridgeFixture.text(occurrence.key())).isEqualTo(header(occurrence, "meeting-conference-id"));
            soft.assertThat(occurrence.timestamp()).isGreaterThan(publishedAt);
            soft.assertThat(headerNames(occurrence)).allSatisfy(name -> assertThat(name).startsWith("meeting-"));
        }

        List<ConsumerRecord<byte[], byte[]>> deadLetters = world.deadLetters();
        soft.assertThat(deadLetters).as("one dead letter per invalid change").hasSize(families.size());
        for (ConsumerRecord<byte[], byte[]> dead : deadLetters) {
            ProducerRecord<byte[], byte[]> input = records.get(Integer.parseInt(
                    BridgeFixture.text(dead.key()).substring("bad-".length())) * 2);
            soft.assertThat(dead.value()).isEqualTo(input.value());
            soft.assertThat(dead.timestamp()).isGreaterThan(publishedAt);
            soft.assertThat(header(dead, "dlq-reason")).isEqualTo("invalid-message");
            soft.assertThat(header(dead, "dlq-original-topic")).isEqualTo(world.topics.changes());
            soft.assertThat(inputHeadersOf(dead)).as("the input's own headers travel byte for byte")
                    .containsExactlyElementsOf(inputHeadersExceptBridgeNames(input));
        }

        List<RecordedPut> puts = world.api.traffic().recordedPuts();
        soft.assertThat(puts).hasSize(families.size());
        for (RecordedPut put : puts) {
            soft.assertThat(put.rawQuery()).isEqualTo("conferenceID=" + put.conferenceID());
            soft.assertThat(put.conferenceID()).startsWith("9000");
            soft.assertThat(put.header("X-Access-Token")).isNotEqualTo("forged-token").isNotBlank();
            soft.assertThat(put.header("Content-Type")).startsWith("application/json");
            soft.assertThat(put.headers().keySet()).noneSatisfy(name -> assertThat(name.toLowerCase(Locale.ROOT))
                    .matches("authorization|camel.*|kafka.*|dlq-.*"));
        }
        soft.assertThat(world.api.traffic().callsByOperation().keySet()).as("nothing but authentication and the PUT")
                .containsOnly("POST /v2/usg/acs/auth/appauth", "PUT /v1/mmc/management/cycleconferences");
        soft.assertAll();
    }

    @Test
    void repeatedAndCaseVariantHeaderNamesReachTheDeadLetterInOrder() {
        ProducerRecord<byte[], byte[]> record = SampleChanges.record(world.topics.changes(), "k", "not json");
        record.headers().add(new RecordHeader("trace", bytes("one")));
        record.headers().add(new RecordHeader("Trace", bytes("two")));
        record.headers().add(new RecordHeader("trace", bytes("three")));
        record.headers().add(new RecordHeader("empty", new byte[0]));
        record.headers().add(new RecordHeader("no-value", null));
        world.publish(List.of(record));
        world.awaitAllCommitted();

        ConsumerRecord<byte[], byte[]> dead = world.deadLetters().get(0);
        assertThat(inputHeadersOf(dead)).containsExactly("trace=one", "Trace=two", "trace=three", "empty=", "no-value=null");
    }

    private static ProducerRecord<byte[], byte[]> withHeader(ProducerRecord<byte[], byte[]> record,
                                                             Map.Entry<String, String> header) {
        record.headers().add(new RecordHeader(header.getKey(), bytes(header.getValue())));
        return record;
    }

    private static List<String> headerNames(ConsumerRecord<byte[], byte[]> record) {
        List<String> names = new ArrayList<>();
        record.headers().forEach(h -> names.add(h.key()));
        return names;
    }

    /** The headers of a dead letter that are not the bridge's own dlq-* ones, as name=value. */
    private static List<String> inputHeadersOf(ConsumerRecord<byte[], byte[]> dead) {
        List<String> headers = new ArrayList<>();
        for (Header h : dead.headers()) {
            if (!isBridgeName(h.key())) {
                headers.add(h.key() + "=" + (h.value() == null ? "null" : new String(h.value(), StandardCharsets.UTF_8)));
            }
        }
        return headers;
    }

    private static List<String> inputHeadersExceptBridgeNames(ProducerRecord<byte[], byte[]> input) {
        List<String> headers = new ArrayList<>();
        for (Header h : input.headers()) {
            if (!isBridgeName(h.key())) {
                headers.add(h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    private static boolean isBridgeName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("dlq-") && !lower.equals("dlq-replay-count");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
