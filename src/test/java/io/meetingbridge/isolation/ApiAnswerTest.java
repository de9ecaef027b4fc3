package io.meetingbridge.isolation;

import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the API answers is data too: its headers steer nothing, and a 200 the bridge cannot stand on is rejected. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ApiAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TWO_CONFERENCE_INFOS = """
            [{"conferenceID":"31","subject":"a","vendorField":{"x":[1,2.50,"y"]},
              "subConfs":[{"cycleSubConfID":"s1","startTime":"2026-12-01 01:00","extra":null},
                          {"cycleSubConfID":"s2","startTime":"2026-12-03 01:00","n":60}]},
             {"conferenceID":"31","subject":"b",
              "subConfs":[{"cycleSubConfID":"s3","startTime":"2026-12-08 01:00","unknown":{"deep":true}},
                          {"cycleSubConfID":"s4","startTime":"2026-12-10 01:00"},
                          {"cycleSubConfID":"s5","startTime":"2026-12-15 01:00","big":12345678901234567890}]}]""";

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1).startBridge();

    @Test
    void occurrencesRunOverEveryConferenceInfoAndCarryEachSubConfExactlyWhateverTheAnswersHeadersSay()
            throws IOException {
        world.api.faults().failConference("31", new ApiResponse(200,
                KafkaControlHeaders.forged(world.topics.deadLetter(), "x"), TWO_CONFERENCE_INFOS), 1);
        world.publish("31", SampleChanges.weekly("answer", "31"));
        world.awaitAllCommitted();

        assertThat(world.deadLetters()).isEmpty();
        List<ConsumerRecord<byte[], byte[]>> occurrences = world.occurrences();
        JsonNode answer = JSON.readTree(TWO_CONFERENCE_INFOS);
        List<JsonNode> subConfs = List.of(answer.get(0).get("subConfs").get(0), answer.get(0).get("subConfs").get(1),
                answer.get(1).get("subConfs").get(0), answer.get(1).get("subConfs").get(1),
                answer.get(1).get("subConfs").get(2));
        assertThat(occurrences).hasSize(5);
        for (int i = 0; i < 5; i++) {
            ConsumerRecord<byte[], byte[]> occurrence = occurrences.get(i);
            assertThat(JSON.readTree(occurrence.value())).isEqualTo(subConfs.get(i));
            assertThat(BridgeFixture.text(occurrence.key())).isEqualTo("31");
            assertThat(header(occurrence, "meeting-occurrence-index")).isEqualTo(Integer.toString(i + 1));
            assertThat(header(occurrence, "meeting-occurrence-count")).isEqualTo("5");
            assertThat(header(occurrence, "meeting-cycle-sub-conf-id")).isEqualTo("s" + (i + 1));
            assertThat(occurrence.timestamp()).isGreaterThan(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{}", "null", "\"text\"", "[{}]", "[{\"subConfs\":[]}]", "[{\"subConfs\":{}}]",
            "[{\"subConfs\":[1]}]", "[{\"subConfs\":[\"s\"]}]", "[7]", "not json"})
    void aSuccessWithoutConferenceInfoIsRejectedNotAppliedWithNothing(String body) {
        world.api.faults().failConference("32", new ApiResponse(200, Map.of(), body), 1);
        world.publish("32", SampleChanges.weekly("odd-answer", "32"));
        world.awaitAllCommitted();

        assertThat(world.occurrences()).isEmpty();
        ConsumerRecord<byte[], byte[]> dead = world.deadLetters().get(0);
        assertThat(header(dead, "dlq-reason")).isEqualTo("rejected");
        assertThat(header(dead, "dlq-attempts")).isEqualTo("1");
        assertThat(header(dead, "dlq-detail")).startsWith("Meeting API answered 200");
        assertThat(world.api.traffic().putCalls("32")).isEqualTo(1);
    }
}
