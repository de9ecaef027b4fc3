package io.meetingbridge.lifecycle;

import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hostile records of every action end as invalid-message with a precise sentence; the API is never called. */
class HostileActionsTest {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1).startBridge();

    @Test
    void everyHostileActionRecordIsDeadLetteredWithItsSentenceAndCallsNothing() {
        String ids = String.join(",", java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(i -> "\"id-" + i + "\"")
                .toList());
        Map<String, String> sentenceByRecord = Map.of(
                """
                {"changeId":"h1","action":"cancel","conferenceID":"914087436","series":%s}"""
                        .formatted(SampleChanges.weeklySeries("x")), "series is not allowed for action cancel",
                """
                {"changeId":"h2","action":"create","seriesKey":"k","conferenceID":"914087436","series":%s}"""
                        .formatted(SampleChanges.weeklySeries("x")), "conferenceID is not allowed for action create",
                """
                {"changeId":"h3","action":"cancel-occurrences","conferenceID":"914087436","cycleSubConfIDs":[%s]}"""
                        .formatted(ids), "cycleSubConfIDs must have 1..50 items, got 51",
                """
                {"changeId":"h4","action":"create","seriesKey":"crm\\u00007731","series":%s}"""
                        .formatted(SampleChanges.weeklySeries("x")),
                "seriesKey must be a string without control characters, got \"crm\\u00007731\"",
                """
                {"changeId":"h5","action":"modify-occurrence","conferenceID":"914087436","occurrence":{"cycleSubConfID":"a",\
                "occurrenceStart":"2026-12-02 01:00","mediaTypes":"HDVideo","startTime":"2026-12-02 05:00","length":30}}""",
                "occurrence.occurrenceStart is not allowed with occurrence.cycleSubConfID",
                """
                {"changeId":"h6","action":"cancel-occurrences","conferenceID":"914087436","occurrenceStarts":["2026-02-30 01:00"]}""",
                "occurrenceStarts[0] must be a real time, got \"2026-02-30 01:00\"",
                """
                {"changeId":"h7","action":"archive","conferenceID":"914087436"}""",
                "action must be one of create, modify, cancel, modify-occurrence, cancel-occurrences, patch, got \"archive\"");
        List<String> records = new ArrayList<>(sentenceByRecord.keySet());
        records.forEach(value -> world.publish("914087436", value));
        world.awaitAllCommitted();

        List<ConsumerRecord<byte[], byte[]>> deadLetters = world.deadLetters();
        assertThat(deadLetters).hasSize(records.size());
        for (ConsumerRecord<byte[], byte[]> deadLetter : deadLetters) {
            String value = new String(deadLetter.value(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(header(deadLetter, "dlq-reason")).isEqualTo("invalid-message");
            assertThat(header(deadLetter, "dlq-attempts")).isEqualTo("0");
            assertThat(header(deadLetter, "dlq-detail")).as(value).isEqualTo(sentenceByRecord.get(value));
        }
        assertThat(world.api.traffic().callsByOperation()).isEmpty();
        assertThat(world.occurrences()).isEmpty();
    }
}
