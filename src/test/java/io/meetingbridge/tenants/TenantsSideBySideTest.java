package io.meetingbridge.tenants;

import static io.meetingbridge.testing.BridgeFixture.header;
import static io.meetingbridge.testing.SampleChanges.create;
import static io.meetingbridge.testing.SampleChanges.forTenant;
import static io.meetingbridge.testing.SampleChanges.modifyBySeriesKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.deadletter.DeadLetterHeaders;
import io.meetingbridge.occurrence.OccurrenceHeaders;
import io.meetingbridge.ops.BridgeManagement;
import io.meetingbridge.simulator.RecordedPut;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.EmbeddedKafka;
import io.meetingbridge.testing.RunningBridge;
import io.meetingbridge.testing.SampleChanges;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SP mode end to end, over loopback HTTP to the simulator and the in-JVM broker: two enterprises' changes flow
 * while a third is refused by the authentication service, beside a bridge in enterprise mode on the same API. All
 * three SP tenants use the same seriesKey and the same changeIds (the duplicate filter is on), and their changes
 * interleave on one partition and one lane thread.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TenantsSideBySideTest {

    private static final String SERIES = "crm-7731";
    private static final int OCCURRENCES = 8;

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);

    @Test
    void aRefusedTenantIsDeadLetteredWhileTheOtherTenantsAndAnEnterpriseFlow() throws Exception {
        world.api.faults().refuseTenant("globex", 403);
        world.publish(List.of(
                change(forTenant("acme", create("v1", SERIES, "Acme weekly"))),
                change(forTenant("globex", create("v1", SERIES, "Globex weekly"))),
                change(forTenant("initech", create("v1", SERIES, "Initech weekly"))),
                change(forTenant("acme", modifyBySeriesKey("v2", SERIES, "Acme weekly, later"))),
                change(forTenant("globex", SampleChanges.weekly("v2", "914000001"))),
                change(forTenant("initech", modifyBySeriesKey("v2", SERIES, "Initech weekly, later")))));
        EmbeddedKafka.Topics enterpriseTopics = world.kafka.createTopics(1);
        world.kafka.send(enterpriseTopics.changes(), List.of(
                SampleChanges.record(enterpriseTopics.changes(), SERIES, create("ent-1", SERIES, "Enterprise weekly")),
                SampleChanges.record(enterpriseTopics.changes(), SERIES,
                        modifyBySeriesKey("ent-2", SERIES, "Enterprise weekly, later"))));

        String appliedIds = "applied-ids-" + world.topics.changes();
        world.kafka.createTopic(appliedIds, 1);
        world.startBridge(s -> s.set("meeting.auth.mode", "sp").set("bridge.api.max-in-flight", "1")
                .set("bridge.dedup.enabled", "true").set("bridge.dedup.topic", appliedIds));
        try (RunningBridge enterprise = RunningBridge.with(world.kafka, enterpriseTopics, world.api.baseUri().toString())
                .start()) {
            world.awaitAllCommitted();
            world.awaitAllCommitted(enterpriseTopics);
        }

        List<ConsumerRecord<byte[], byte[]>> occurrences = world.occurrences();
        assertThat(occurrences).hasSize(2 * 2 * OCCURRENCES);
        Map<String, String> tenantByConference = occurrences.stream().collect(Collectors.toMap(
                r -> header(r, OccurrenceHeaders.CONFERENCE_ID), r -> header(r, OccurrenceHeaders.TENANT), (a, b) -> {
                    assertThat(a).as("one conference, one tenant").isEqualTo(b);
                    return a;
                }));
        assertThat(tenantByConference).hasSize(2).containsValues("acme", "initech");
        assertThat(occurrences).allSatisfy(r -> assertThat(header(r, OccurrenceHeaders.SERIES_KEY)).isEqualTo(SERIES));

        List<ConsumerRecord<byte[], byte[]>> deadLetters = world.deadLetters();
        assertThat(deadLetters).hasSize(2).allSatisfy(dead -> {
            assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo("rejected");
            assertThat(header(dead, DeadLetterHeaders.TENANT)).isEqualTo("globex");
            assertThat(header(dead, DeadLetterHeaders.HTTP_STATUS)).isEqualTo("403");
            assertThat(header(dead, DeadLetterHeaders.ERROR_CODE)).isEqualTo("USG.000000005");
        });

        List<ConsumerRecord<byte[], byte[]>> enterpriseOccurrences =
                world.kafka.read(enterpriseTopics.occurrences(), 2 * OCCURRENCES, BridgeFixture.WAIT);
        assertThat(enterpriseOccurrences).hasSize(2 * OCCURRENCES)
                .allSatisfy(r -> assertThat(header(r, OccurrenceHeaders.TENANT)).isNull())
                .noneSatisfy(r -> assertThat(tenantByConference).containsKey(header(r, OccurrenceHeaders.CONFERENCE_ID)));

        // each PUT carried the token of its own series' enterprise, as the simulator saw it
        List<RecordedPut> puts = world.api.traffic().recordedPuts();
        assertThat(puts).hasSize(3).allSatisfy(put -> assertThat(put.tenant())
                .isEqualTo(tenantByConference.getOrDefault(put.conferenceID(), "")));
        // acme, initech, globex once (its refusal is remembered), and the enterprise bridge
        assertThat(world.api.traffic().authCalls()).isEqualTo(4);

        // operators see the enterprises held and refused, as totals on /observe/metrics and per corpId in JMX
        assertThat(metrics()).contains("meeting_bridge_tenant_tokens 2.0").contains("meeting_bridge_tenant_refused 1.0")
                .contains("meeting_bridge_tenant_refusals_total 1.0").doesNotContain("corpId=")
                // the refusal was the enterprise's: it neither opened the circuit nor paused consumption
                .contains("meeting_bridge_api_circuit_open 0.0").contains("meeting_bridge_consumption_paused 0.0");
        String[] tenants = (String[]) ManagementFactory.getPlatformMBeanServer().getAttribute(
                BridgeManagement.objectName("meeting-series-bridge", BridgeManagement.TENANTS_MBEAN), "Tenants");
        assertThat(tenants).hasSize(3).anySatisfy(line -> assertThat(line).startsWith("globex: refused until")
                .contains("HTTP 403 USG.000000005"));
    }

    @Test
    void anOutageOfTheAuthenticationServicePausesEveryTenantAndDeadLettersNothing() throws Exception {
        world.api.faults().failAuth(503);
        world.publish(List.of(change(forTenant("acme", create("v1", SERIES, "Acme weekly"))),
                change(forTenant("initech", create("v1", SERIES, "Initech weekly")))));
        world.startBridge(s -> s.set("meeting.auth.mode", "sp"));

        Awaitility.await().atMost(BridgeFixture.WAIT).until(() -> world.api.traffic().authCalls() >= 3);
        assertThat(world.kafka.committedOffsetSum(world.bridgeGroup(), world.topics.changes())).isZero();
        String pausedReason = (String) ManagementFactory.getPlatformMBeanServer().getAttribute(
                BridgeManagement.objectName("meeting-series-bridge", BridgeManagement.DELIVERY_MBEAN), "PausedReason");
        assertThat(pausedReason).contains("no access token").contains("503");

        world.api.faults().clearAuthFailure();
        world.awaitAllCommitted();
        assertThat(world.occurrences()).hasSize(2 * OCCURRENCES);
        assertThat(world.kafka.endOffsetSum(world.topics.deadLetter())).isZero();
    }

    private String metrics() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(world.bridge().managementUrl() + "/observe/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private ProducerRecord<byte[], byte[]> change(String value) {
        return SampleChanges.record(world.topics.changes(), SERIES, value);
    }
}
