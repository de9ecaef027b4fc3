package io.meetingbridge.bridge;

import static io.meetingbridge.testing.BridgeFixture.header;
import static io.meetingbridge.testing.BridgeFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.utils.JsonUtils;
import com.huaweicloud.sdk.meeting.v1.model.RestScheduleConfDTO;
import io.meetingbridge.simulator.RecordedPut;
import io.meetingbridge.simulator.StoredOccurrence;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BridgeEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    final BridgeFixture world = BridgeFixture.create().startBridge();

    @Test
    void weeklySeriesBecomesOneKeyedRecordPerOccurrenceInTheApisOrderWithEveryContractHeader() throws Exception {
        world.publish("914087436", SampleChanges.weekly("crm-7731-v4", "914087436"));
        world.awaitAllCommitted();

        List<ConsumerRecord<byte[], byte[]>> occurrences = world.occurrences();
        List<String> starts = occurrences.stream().map(r -> json(r.value()).get("startTime").asText()).toList();
        assertThat(starts).containsExactly("2026-12-02 01:00", "2026-12-07 01:00", "2026-12-09 01:00",
                "2026-12-14 01:00", "2026-12-16 01:00", "2026-12-21 01:00", "2026-12-23 01:00", "2026-12-28 01:00");

        List<String> apiOrder = world.api.series("914087436").orElseThrow().occurrences().stream()
                .map(StoredOccurrence::cycleSubConfID).toList();
        assertThat(occurrences).extracting(r -> header(r, "meeting-cycle-sub-conf-id"))
                .as("the API's occurrences, in its order").containsExactlyElementsOf(apiOrder);
        for (int i = 0; i < occurrences.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = occurrences.get(i);
            JsonNode occurrence = json(record.value());
            assertThat(text(record.key())).isEqualTo("914087436");
            assertThat(header(record, "meeting-conference-id")).isEqualTo("914087436");
            assertThat(header(record, "meeting-cycle-sub-conf-id")).isEqualTo(occurrence.get("cycleSubConfID").asText());
            assertThat(header(record, "meeting-occurrence-index")).isEqualTo(Integer.toString(i + 1));
            assertThat(header(record, "meeting-occurrence-count")).isEqualTo("8");
            assertThat(header(record, "meeting-change-id")).isEqualTo("crm-7731-v4");
            assertThat(header(record, "meeting-request-id")).matches("[0-9a-f]{32}");
            assertThat(header(record, "meeting-source-topic")).isEqualTo(world.topics.changes());
            assertThat(header(record, "meeting-source-partition")).matches("[0-2]");
            assertThat(header(record, "meeting-source-offset")).isEqualTo("0");
            assertThat(occurrence.get("conferenceID").asText()).isEqualTo("914087436");
            assertThat(occurrence.get("mediaType").asText()).isEqualTo("HDVideo");
        }
        assertThat(occurrences).extracting(r -> header(r, "meeting-cycle-sub-conf-id")).doesNotHaveDuplicates();
        assertThat(world.deadLetters()).isEmpty();
    }

    @Test
    void putCarriesTheSeriesTreeUnchangedWithTheTokenAndParsesWithTheOfficialSdk() throws Exception {
        String change = """
                {"conferenceID":"555000111","series":{"mediaTypes":"Voice","length":60,"futureField":{"a":[1,2.50]},\
                "cycleParams":{"startDate":"2026-12-01","endDate":"2026-12-03","cycle":"Day","interval":1,\
                "preRemindDays":0},"confConfigInfo":{"isSendNotify":false,"callInRestriction":2},"language":"en-US"}}""";
        world.publish("555000111", change);
        world.awaitAllCommitted();

        RecordedPut put = world.api.traffic().recordedPuts().get(0);
        assertThat(put.rawQuery()).isEqualTo("conferenceID=555000111");
        assertThat(world.api.tokens().tenantOf(put.header("X-Access-Token")))
                .as("a live token the simulator issued, for no tenant (enterprise mode)").isEmpty();
        assertThat(world.api.traffic().authCalls()).as("the one token the simulator issued").isEqualTo(1);
        assertThat(put.header("Content-Type")).startsWith("application/json");
        assertThat(json(put.body())).isEqualTo(json(change.getBytes()).get("series"));
        assertThat(put.bodyText()).contains("\"length\":60,").contains("2.50");

        RestScheduleConfDTO sdk = JsonUtils.toObject(put.bodyText(), RestScheduleConfDTO.class);
        assertThat(sdk.getMediaTypes()).isEqualTo("Voice");
        assertThat(sdk.getLength()).isEqualTo(60);
        assertThat(sdk.getLanguage()).isEqualTo("en-US");
        assertThat(sdk.getCycleParams().getCycle()).isEqualTo("Day");
        assertThat(sdk.getConfConfigInfo().getCallInRestriction()).isEqualTo(2);
        assertThat(world.occurrences()).hasSize(3);
    }

    @Test
    void aRecordWithoutKeyIsAppliedOnItsValuesConferenceId() throws Exception {
        world.publish(List.of(SampleChanges.record(world.topics.changes(), null, SampleChanges.weekly("c1", "777"))));
        world.awaitAllCommitted();
        assertThat(world.occurrences()).hasSize(8).allSatisfy(r -> assertThat(text(r.key())).isEqualTo("777"));
    }

    @Test
    void committedOffsetsReachTheEndOfTheInputTopic() throws Exception {
        for (int i = 0; i < 30; i++) {
            world.publish("10" + (i % 7), SampleChanges.weekly("c" + i, "10" + (i % 7)));
        }
        world.publish("bad", "not json");
        world.awaitAllCommitted();
        assertThat(world.kafka.committedOffsetSum(world.bridgeGroup(), world.topics.changes())).isEqualTo(31);
        assertThat(world.occurrences()).hasSize(30 * 8);
        assertThat(world.deadLetters()).hasSize(1);
    }

    @Test
    void twoHundredChangesForTwentyConferencesAuthenticateExactlyOnce() {
        List<org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String conference = "20" + (i % 20);
            records.add(SampleChanges.keyed(world.topics.changes(), conference, SampleChanges.weekly("n" + i, conference)));
        }
        world.publish(records);
        world.awaitAllCommitted();

        assertThat(world.api.traffic().authCalls()).isEqualTo(1);
        assertThat(world.api.traffic().putCalls()).isEqualTo(200);
        assertThat(world.occurrences()).hasSize(1600);
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
