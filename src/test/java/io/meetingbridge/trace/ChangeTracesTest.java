package io.meetingbridge.trace;

import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.simulator.MeetingErrors;
import io.meetingbridge.simulator.RecordedPut;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.InMemorySpans;
import io.meetingbridge.testing.SampleChanges;
import io.meetingbridge.testing.TestCredentials;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With traces on: the span tree of each kind of change, what records and requests carry, and hostile input. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ChangeTracesTest {

    static final String UPSTREAM_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String UPSTREAM_SPAN = "00f067aa0ba902b7";
    static final String UPSTREAM = "00-" + UPSTREAM_TRACE + "-" + UPSTREAM_SPAN + "-01";
    static final String API_CALL = "PUT /v1/mmc/management/cycleconferences";

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);

    @BeforeEach
    void tracesOn() {
        InMemorySpans.EXPORTER.reset();
        world.startBridge(b -> b.set("camel.opentelemetry2.enabled", "true")
                .set("otel.traces.exporter", InMemorySpans.NAME)
                .set("otel.bsp.schedule.delay", "20"));
    }

    @Test
    void aModifyIsOneTraceBelowTheRecordsTraceparent() {
        ProducerRecord<byte[], byte[]> record = record("71", SampleChanges.weekly("modify-1", "71"));
        add(record, "traceparent", UPSTREAM);
        add(record, "tracestate", "vendor=abc");

        List<SpanData> trace = publishedTrace("modify-1", record);
        assertThat(SpanTrees.render(trace)).isEqualTo("""
                meeting change
                  apply-change
                    apply-change
                      %s
                      %s
                """.formatted(API_CALL, world.topics.occurrences()));
        SpanData change = named(trace, ChangeTraces.CHANGE_SPAN_NAME).get(0);
        assertThat(change.getTraceId()).isEqualTo(UPSTREAM_TRACE);
        assertThat(change.getParentSpanId()).isEqualTo(UPSTREAM_SPAN);
        assertThat(change.getSpanContext().getTraceState().get("vendor")).isEqualTo("abc");
        assertThat(attr(change, SpanAttributes.CHANGE_ID)).isEqualTo("modify-1");
        assertThat(attr(change, SpanAttributes.CONFERENCE_ID)).isEqualTo("71");
        assertThat(attr(change, SpanAttributes.ACTION)).isEqualTo("modify");
        assertThat(attr(change, SpanAttributes.OUTCOME)).isEqualTo("applied");
        assertThat(attr(change, SpanAttributes.DESTINATION)).isEqualTo(world.topics.changes());
        assertThat(attr(change, SpanAttributes.PARTITION)).isEqualTo("0");
        assertThat(change.getAttributes().get(AttributeKey.longKey(SpanAttributes.OFFSET))).isEqualTo(0L);

        SpanData put = named(trace, API_CALL).get(0);
        assertThat(attr(put, "http.method")).isEqualTo("PUT");
        assertThat(attr(put, "url.path")).isEqualTo("/v1/mmc/management/cycleconferences");
        assertThat(attr(put, "http.url")).doesNotContain("?").endsWith("/v1/mmc/management/cycleconferences");
        assertThat(attr(put, "http.status_code")).isEqualTo("200");
        assertThat(attr(put, SpanAttributes.API_ATTEMPT)).isEqualTo("1");
        assertThat(attr(put, SpanAttributes.API_QUOTA_WAIT_MS)).isEqualTo("0");
        assertThat(attr(put, SpanAttributes.API_CIRCUIT_WAIT_MS)).isNotNull();

        List<ConsumerRecord<byte[], byte[]>> occurrences = world.occurrences();
        assertThat(attr(put, SpanAttributes.API_REQUEST_ID)).isNotNull()
                .isEqualTo(header(occurrences.get(0), "meeting-request-id"));
        // the request and every occurrence carry exactly one traceparent: the bridge's, of the span that sent it
        RecordedPut request = world.api.traffic().recordedPuts().get(0);
        assertThat(request.headers().get("Traceparent")).hasSize(1);
        assertThat(request.header("traceparent")).isEqualTo(traceparent(put));
        SpanData publish = named(trace, world.topics.occurrences()).get(0);
        assertThat(occurrences).hasSize(8).allSatisfy(o -> {
            assertThat(values(o, "traceparent")).containsExactly(traceparent(publish));
            assertThat(values(o, "tracestate")).containsExactly("vendor=abc");
        });
    }

    @Test
    void aCreateIsOneTraceWithItsPost() {
        List<SpanData> trace = publishedTrace("create-1",
                record("crm-1", SampleChanges.create("create-1", "crm-1", "Weekly sync")));
        assertThat(SpanTrees.render(trace)).isEqualTo("""
                meeting change
                  apply-change
                    apply-change
                      POST /v1/mmc/management/cycleconferences
                      %s
                """.formatted(world.topics.occurrences()));
        SpanData change = named(trace, ChangeTraces.CHANGE_SPAN_NAME).get(0);
        assertThat(change.getParentSpanContext().isValid()).as("no traceparent: a trace of its own").isFalse();
        assertThat(attr(change, SpanAttributes.ACTION)).isEqualTo("create");
        assertThat(attr(change, SpanAttributes.SERIES_KEY)).isEqualTo("crm-1");
        assertThat(attr(change, SpanAttributes.CONFERENCE_ID)).isNotNull();
        assertThat(attr(change, SpanAttributes.OUTCOME)).isEqualTo("applied");
    }

    @Test
    void aDeadLetterKeepsTheInputsTraceparentAsDataAndEndsWithTheBridges() {
        ProducerRecord<byte[], byte[]> record = record("72", SampleChanges.weekly("rejected-1", "72"));
        add(record, "traceparent", UPSTREAM);
        world.api.faults().failConference("72", ApiResponse.error(400, MeetingErrors.INVALID_PARAMETER, "bad"), 1);

        List<SpanData> trace = publishedTrace("rejected-1", record);
        assertThat(SpanTrees.render(trace)).isEqualTo("""
                meeting change
                  apply-change
                    apply-change
                      %s
                  %s publish
                """.formatted(API_CALL, world.topics.deadLetter()));
        SpanData change = named(trace, ChangeTraces.CHANGE_SPAN_NAME).get(0);
        assertThat(attr(change, SpanAttributes.OUTCOME)).isEqualTo("dead-lettered");
        assertThat(attr(change, SpanAttributes.DLQ_REASON)).isEqualTo("rejected");
        assertThat(attr(named(trace, API_CALL).get(0), "http.status_code")).isEqualTo("400");

        ConsumerRecord<byte[], byte[]> dead = world.deadLetters().get(0);
        SpanData write = named(trace, world.topics.deadLetter() + " publish").get(0);
        assertThat(values(dead, "traceparent")).containsExactly(UPSTREAM, traceparent(write));
    }

    @Test
    void aRetriedPutIsASpanPerAttempt() {
        world.api.faults().failConference("73", MeetingErrors.typicalFor(503), 2);

        List<SpanData> puts = named(publishedTrace("retried-1", record("73", SampleChanges.weekly("retried-1", "73"))),
                API_CALL);
        assertThat(puts).extracting(s -> attr(s, SpanAttributes.API_ATTEMPT)).containsExactly("1", "2", "3");
        assertThat(puts).extracting(s -> attr(s, "http.status_code")).containsExactly("503", "503", "200");
        assertThat(puts.get(0).getStatus().getStatusCode().name()).isEqualTo("ERROR");
    }

    @Test
    void aRejectedTokenIsRetriedOnceFreshAndNoSecretIsEverOnASpan() {
        world.publish(List.of(record("74", SampleChanges.weekly("first", "74"))));
        world.awaitAllCommitted();
        world.api.faults().failConference("74", ApiResponse.error(401, "USG.000000004", "token expired"), 1);

        List<SpanData> puts = named(publishedTrace("reauth-1", record("74", SampleChanges.weekly("reauth-1", "74"))),
                API_CALL);
        assertThat(puts).extracting(s -> attr(s, "http.status_code")).containsExactly("401", "200");
        assertThat(puts).extracting(s -> attr(s, SpanAttributes.API_ATTEMPT)).containsExactly("1", "2");
        assertThat(world.api.traffic().authCalls()).isEqualTo(2);

        List<String> secrets = new ArrayList<>(List.of(TestCredentials.APP_KEY));
        world.api.traffic().recordedPuts().forEach(p -> secrets.add(p.header("X-Access-Token")));
        assertThat(secrets).hasSizeGreaterThan(2).doesNotContainNull();
        String everything = SpanTrees.everythingSaid(InMemorySpans.EXPORTER.getFinishedSpanItems());
        secrets.forEach(secret -> assertThat(everything).doesNotContain(secret));
        assertThat(everything.toLowerCase()).doesNotContain("signature=").doesNotContain("x-access-token");
    }

    @Test
    void samplingFollowsTheParentByDefault() {
        ProducerRecord<byte[], byte[]> unsampled = record("75", SampleChanges.weekly("unsampled-1", "75"));
        add(unsampled, "traceparent", "00-" + UPSTREAM_TRACE + "-" + UPSTREAM_SPAN + "-00");
        ProducerRecord<byte[], byte[]> sampled = record("76", SampleChanges.weekly("sampled-1", "76"));
        add(sampled, "traceparent", UPSTREAM);
        world.publish(List.of(unsampled, sampled));
        world.awaitAllCommitted();

        SpanTrees.changeSpan(InMemorySpans.EXPORTER, "sampled-1"); // both changes ended before the commit
        assertThat(SpanTrees.everythingSaid(InMemorySpans.EXPORTER.getFinishedSpanItems())).doesNotContain("unsampled-1");
        // the decision travels on: downstream sees the same trace, not sampled
        assertThat(world.occurrences().stream().filter(o -> "75".equals(header(o, "meeting-conference-id"))))
                .hasSize(8).allSatisfy(o -> assertThat(values(o, "traceparent")).singleElement().asString()
                        .startsWith("00-" + UPSTREAM_TRACE + "-").endsWith("-00"));
    }

    @Test
    void aMalformedOrHostileTraceparentStartsANewTraceAndIsNeverEchoed() {
        List<String> hostile = List.of(
                "00-" + UPSTREAM_TRACE + "-" + UPSTREAM_SPAN + "-01-extra",
                "00-00000000000000000000000000000000-" + UPSTREAM_SPAN + "-01",
                "ff-" + UPSTREAM_TRACE + "-" + UPSTREAM_SPAN + "-01",
                "00-" + UPSTREAM_TRACE.toUpperCase() + "-" + UPSTREAM_SPAN + "-01",
                "00-" + UPSTREAM_TRACE + "-" + UPSTREAM_SPAN + "-01\r\nX-Access-Token: forged",
                "kafka.OVERRIDE_TOPIC");
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            ProducerRecord<byte[], byte[]> record = record("8" + i, SampleChanges.weekly("hostile-" + i, "8" + i));
            add(record, "traceparent", hostile.get(i));
            records.add(record);
        }
        // a valid traceparent given twice: which one is meant is not the bridge's guess
        ProducerRecord<byte[], byte[]> twice = record("89", SampleChanges.weekly("hostile-twice", "89"));
        add(twice, "traceparent", UPSTREAM);
        add(twice, "traceparent", "00-" + UPSTREAM_TRACE + "-1111111111111111-01");
        records.add(twice);
        // bytes that are not text
        ProducerRecord<byte[], byte[]> binary = record("90", SampleChanges.weekly("hostile-binary", "90"));
        binary.headers().add("traceparent", new byte[] {(byte) 0xff, 0, (byte) 0xfe, '-', 0x01});
        records.add(binary);
        world.publish(records);
        world.awaitAllCommitted();

        List<String> changeIds = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            changeIds.add("hostile-" + i);
        }
        changeIds.addAll(List.of("hostile-twice", "hostile-binary"));
        for (String changeId : changeIds) {
            SpanData change = SpanTrees.changeSpan(InMemorySpans.EXPORTER, changeId);
            assertThat(change.getParentSpanContext().isValid()).as(changeId).isFalse();
            assertThat(change.getTraceId()).as(changeId).isNotEqualTo(UPSTREAM_TRACE)
                    .isNotEqualTo(UPSTREAM_TRACE.toUpperCase());
        }
        String everything = SpanTrees.everythingSaid(InMemorySpans.EXPORTER.getFinishedSpanItems());
        assertThat(everything).doesNotContain(UPSTREAM_TRACE).doesNotContain(UPSTREAM_TRACE.toUpperCase())
                .doesNotContain("forged").doesNotContain("OVERRIDE_TOPIC");
        assertThat(world.occurrences()).hasSize(8 * changeIds.size()).allSatisfy(o -> {
            assertThat(values(o, "traceparent")).hasSize(1);
            assertThat(values(o, "traceparent").get(0)).doesNotContain(UPSTREAM_TRACE).doesNotContain("forged");
        });
        assertThat(world.api.traffic().recordedPuts()).allSatisfy(p ->
                assertThat(p.header("traceparent")).doesNotContain(UPSTREAM_TRACE).doesNotContain("forged"));
    }

    /** Publishes the records, waits until the bridge has committed them all, and gives the trace of one change. */
    @SafeVarargs
    private List<SpanData> publishedTrace(String changeId, ProducerRecord<byte[], byte[]>... records) {
        world.publish(List.of(records));
        world.awaitAllCommitted();
        return SpanTrees.traceOf(InMemorySpans.EXPORTER, changeId);
    }

    private ProducerRecord<byte[], byte[]> record(String key, String value) {
        return SampleChanges.keyed(world.topics.changes(), key, value);
    }

    private static void add(ProducerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> values(ConsumerRecord<byte[], byte[]> record, String name) {
        List<String> values = new ArrayList<>();
        for (Header h : record.headers().headers(name)) {
            values.add(new String(h.value(), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static List<SpanData> named(List<SpanData> trace, String name) {
        return trace.stream().filter(s -> s.getName().equals(name)).toList();
    }

    private static String attr(SpanData span, String name) {
        return span.getAttributes().get(AttributeKey.stringKey(name));
    }

    private static String traceparent(SpanData span) {
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-01";
    }
}
