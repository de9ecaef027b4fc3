package io.meetingbridge.bridge;

import static io.meetingbridge.testing.BridgeFixture.header;
import static io.meetingbridge.testing.BridgeFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailurePolicyTest {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1).startBridge();

    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource({
            "400, MMC.111070005, 1",
            "403, MMC.111070002, 1",
            "404, MMC.111070404, 1",
            "500, MMC.111070003, 1",
            "401, USG.000000004, 2"})
    void refusedChangeIsDeadLetteredByteForByteAndTheNextRecordStillGoesThrough(int status, String code, int attempts) {
        world.api.faults().failConferenceAlways("400400", ApiResponse.error(status, code, "refused by test"));
        ProducerRecord<byte[], byte[]> refused = SampleChanges.keyed(world.topics.changes(), "400400",
                SampleChanges.weekly("chg-refused", "400400"));
        world.publish(List.of(refused, SampleChanges.keyed(world.topics.changes(), "500500",
                SampleChanges.weekly("chg-next", "500500"))));
        world.awaitAllCommitted();

        List<ConsumerRecord<byte[], byte[]>> dead = world.deadLetters();
        assertThat(dead).hasSize(1);
        ConsumerRecord<byte[], byte[]> record = dead.get(0);
        assertThat(record.key()).isEqualTo(refused.key());
        assertThat(record.value()).isEqualTo(refused.value());
        assertThat(header(record, "trace-id")).isEqualTo("trace-400400");
        assertThat(header(record, "dlq-reason")).isEqualTo("rejected");
        assertThat(header(record, "dlq-http-status")).isEqualTo(Integer.toString(status));
        assertThat(header(record, "dlq-error-code")).isEqualTo(code);
        assertThat(header(record, "dlq-error-message")).isEqualTo("refused by test");
        assertThat(header(record, "dlq-request-id")).matches("[0-9a-f]{32}");
        assertThat(header(record, "dlq-detail")).isEqualTo("Meeting API answered HTTP " + status + " " + code
                + " (refused by test)");
        assertThat(header(record, "dlq-exception-class"))
                .isEqualTo("org.apache.camel.http.base.HttpOperationFailedException");
        assertThat(header(record, "dlq-original-topic")).isEqualTo(world.topics.changes());
        assertThat(header(record, "dlq-original-partition")).isEqualTo("0");
        assertThat(header(record, "dlq-original-offset")).isEqualTo("0");
        assertThat(Long.parseLong(header(record, "dlq-original-timestamp"))).isPositive();
        assertThat(header(record, "dlq-attempts")).isEqualTo(Integer.toString(attempts));
        assertThat(header(record, "dlq-failed-at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(header(record, "dlq-change-id")).isEqualTo("chg-refused");
        assertThat(world.api.traffic().putCalls("400400")).isEqualTo(attempts);

        assertThat(world.occurrences()).hasSize(8)
                .allSatisfy(r -> assertThat(header(r, "meeting-change-id")).isEqualTo("chg-next"));
    }

    /** "Server flow control" may come with any status: its error code makes it a 429, retried, never dead-lettered. */
    @Test
    void flowControlCodeOnA400IsRetriedLikeA429() {
        world.api.faults().failConference("429429", ApiResponse.error(400, "MMC.100000429", "server flow control"), 2);
        world.publish("429429", SampleChanges.weekly("chg-throttled", "429429"));
        world.awaitAllCommitted();

        assertThat(world.deadLetters()).isEmpty();
        assertThat(world.api.traffic().putCalls("429429")).isEqualTo(3);
        assertThat(world.occurrences()).hasSize(8)
                .allSatisfy(r -> assertThat(header(r, "meeting-change-id")).isEqualTo("chg-throttled"));
    }

    @Test
    void oneRejectedTokenIsReplacedOnceAndTheChangeIsDelivered() {
        world.publish("111", SampleChanges.weekly("warm-up", "111"));
        world.awaitAllCommitted();
        world.api.tokens().expireAll();

        world.publish("222", SampleChanges.weekly("after-expiry", "222"));
        world.awaitAllCommitted();

        assertThat(world.api.traffic().authCalls()).isEqualTo(2);
        assertThat(world.api.traffic().putCalls("222")).isEqualTo(2);
        assertThat(world.deadLetters()).isEmpty();
        assertThat(world.occurrences()).hasSize(16);
    }

    @Test
    void aRejectedTokenThatCannotBeReplacedPausesInsteadOfDeadLettering() {
        world.publish("111", SampleChanges.weekly("warm-up", "111"));
        world.awaitAllCommitted();
        world.api.tokens().expireAll();

        publishWhileNoTokenCanBeHad("222", "token-revoked");
        tokensAgainThenAllDelivered(16);
    }

    @Test
    void transientAnswersAreRetriedAndTheChangeIsDelivered() {
        world.api.faults().failConference("333", ApiResponse.error(503, "MMC.111070003", "busy"), 2);
        world.publish("333", SampleChanges.weekly("retry-me", "333"));
        world.awaitAllCommitted();

        assertThat(world.api.traffic().putCalls("333")).isEqualTo(3);
        assertThat(world.occurrences()).hasSize(8);
        assertThat(world.deadLetters()).isEmpty();
    }

    @Test
    void transientAnswersThatNeverEndExhaustTheRetriesThenDeadLetter() {
        world.api.faults().failConferenceAlways("444", ApiResponse.error(429, "MMC.100000429", "server flow control")
                .withHeader("Retry-After", "0"));
        world.publish("444", SampleChanges.weekly("exhaust-me", "444"));
        world.awaitAllCommitted();

        ConsumerRecord<byte[], byte[]> record = world.deadLetters().get(0);
        assertThat(header(record, "dlq-reason")).isEqualTo("retries-exhausted");
        assertThat(header(record, "dlq-http-status")).isEqualTo("429");
        assertThat(header(record, "dlq-attempts")).isEqualTo("4");
        assertThat(header(record, "dlq-detail"))
                .isEqualTo("Meeting API answered HTTP 429 MMC.100000429 (server flow control) on each of 4 attempts");
        assertThat(world.api.traffic().putCalls("444")).isEqualTo(4);
    }

    @Test
    void answersSlowerThanTheResponseTimeoutAreRetriedThenDeadLettered() throws Exception {
        world.stopBridge();
        world.startBridge(s -> s.set("meeting.api.response-timeout-ms", "200"));
        world.api.faults().setPutLatency(Duration.ofMillis(1000));
        world.publish("666", SampleChanges.weekly("too-slow", "666"));
        world.awaitAllCommitted();

        ConsumerRecord<byte[], byte[]> record = world.deadLetters().get(0);
        assertThat(header(record, "dlq-reason")).isEqualTo("retries-exhausted");
        assertThat(header(record, "dlq-http-status")).isNull();
        assertThat(header(record, "dlq-attempts")).isEqualTo("4");
        assertThat(header(record, "dlq-detail")).startsWith("Meeting API did not answer on each of 4 attempts: ")
                .contains("Timeout");
    }

    @Test
    void authenticationOutagePausesConsumptionWithoutDeadLetteringAndResumesByItself() {
        publishWhileNoTokenCanBeHad("777", "waits-for-auth");
        assertThat(world.kafka.committedOffsetSum(world.bridgeGroup(), world.topics.changes())).isZero();
        assertThat(world.api.traffic().putCalls()).isZero();

        tokensAgainThenAllDelivered(8);
    }

    @Test
    void invalidChangesAreDeadLetteredWithAPreciseDetailAndNeverReachTheApi() {
        String valid = SampleChanges.weekly("v", "123");
        Map<String, String> cases = Map.of(
                "not-json", "{oops",
                "missing-id", valid.replace("\"conferenceID\":\"123\",", ""),
                "injection", valid.replace("\"123\"", "\"1&userUUID=x\""),
                "length-14", valid.replace("\"length\":60", "\"length\":14"),
                "interval-9", valid.replace("\"interval\":1", "\"interval\":9"),
                "subject-129", SampleChanges.weekly("v", "123", "s".repeat(129)),
                "end-before-start", valid.replace("\"endDate\":\"2026-12-29\"", "\"endDate\":\"2026-11-30\""));
        cases.forEach((name, value) -> world.publish(List.of(
                SampleChanges.record(world.topics.changes(), name, value))));
        world.publish(List.of(SampleChanges.record(world.topics.changes(), "empty", "")));
        world.awaitAllCommitted();

        Map<String, String> details = world.deadLetters().stream().collect(Collectors.toMap(
                r -> text(r.key()), r -> header(r, "dlq-detail")));
        assertThat(details).containsOnlyKeys("not-json", "missing-id", "injection", "length-14", "interval-9",
                "subject-129", "end-before-start", "empty");
        assertThat(details.get("missing-id")).isEqualTo("conferenceID is required");
        assertThat(details.get("injection")).isEqualTo("conferenceID must be a string of ASCII digits, got \"1&userUUID=x\"");
        assertThat(details.get("length-14")).isEqualTo("series.length must be 15..1440, got 14");
        assertThat(details.get("interval-9")).isEqualTo("series.cycleParams.interval must be 1..5 when cycle is Week, got 9");
        assertThat(details.get("subject-129")).isEqualTo("series.subject must be at most 128 characters, got 129");
        assertThat(details.get("end-before-start"))
                .isEqualTo("series.cycleParams.endDate 2026-11-30 is before startDate 2026-12-01");
        assertThat(details.get("not-json")).startsWith("value is not JSON");
        assertThat(details.get("empty")).isEqualTo("value is empty");
        Set<String> unparsed = Set.of("not-json", "empty");
        assertThat(world.deadLetters()).allSatisfy(r -> {
            assertThat(header(r, "dlq-reason")).isEqualTo("invalid-message");
            assertThat(header(r, "dlq-attempts")).isEqualTo("0");
            assertThat(header(r, "dlq-http-status")).isNull();
            assertThat(header(r, "dlq-change-id")).as("changeId, else where the record is").isEqualTo(
                    unparsed.contains(text(r.key()))
                            ? world.topics.changes() + "-" + header(r, "dlq-original-partition") + "@"
                                    + header(r, "dlq-original-offset")
                            : "v");
        });
        assertThat(world.api.traffic().putCalls()).isZero();
    }

    @Test
    void tombstoneIsDeadLetteredWithNoValue() {
        world.publish(List.of(SampleChanges.record(world.topics.changes(), "123", null)));
        world.awaitAllCommitted();
        ConsumerRecord<byte[], byte[]> record = world.deadLetters().get(0);
        assertThat(record.value()).isNull();
        assertThat(text(record.key())).isEqualTo("123");
        assertThat(header(record, "dlq-reason")).isEqualTo("invalid-message");
        assertThat(header(record, "dlq-change-id")).isEqualTo(world.topics.changes() + "-0@0");
    }

    /** The token endpoint answers 503 from now on; a change published now waits: three token requests, no dead letter. */
    private void publishWhileNoTokenCanBeHad(String conference, String changeId) {
        world.api.faults().failAuth(503);
        world.publish(conference, SampleChanges.weekly(changeId, conference));
        Awaitility.await().atMost(BridgeFixture.WAIT).until(() -> world.api.traffic().authCalls() >= 3);
        assertThat(world.kafka.endOffsetSum(world.topics.deadLetter())).isZero();
    }

    /** The token endpoint answers again: everything waiting is delivered, and still nothing was dead-lettered. */
    private void tokensAgainThenAllDelivered(int occurrences) {
        world.api.faults().clearAuthFailure();
        world.awaitAllCommitted();
        assertThat(world.occurrences()).hasSize(occurrences);
        assertThat(world.kafka.endOffsetSum(world.topics.deadLetter())).isZero();
    }
}
