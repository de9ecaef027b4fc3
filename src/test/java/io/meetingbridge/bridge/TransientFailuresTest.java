package io.meetingbridge.bridge;

import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.simulator.MeetingErrors;
import io.meetingbridge.simulator.RecordedPut;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The retry rows of the failure policy, through the running bridge: what is retried, when, and how often. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TransientFailuresTest {

    /**
     * A gap between two PUTs is the retry delay plus the 503's way back, the bridge's handling of it and the
     * next request's way out: on loopback a few milliseconds, on a loaded 2-core machine up to this.
     */
    private static final long ANSWER_AND_RESEND_MS = 250;

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {408, 429, 502, 503, 504})
    void eachTransientStatusIsRetriedAndTheChangeDelivered(int status) {
        assertDeliveredAfterFailedPuts("71", MeetingErrors.typicalFor(status), 2);
    }

    @Test
    void aDroppedConnectionIsRetriedAndTheChangeDelivered() {
        assertDeliveredAfterFailedPuts("72", ApiResponse.dropConnection(), 1);
    }

    /** The conference's first PUTs meet the fault; its change is still delivered, by one PUT more than failed. */
    private void assertDeliveredAfterFailedPuts(String conference, ApiResponse fault, int failedPuts) {
        world.startBridge();
        world.api.faults().failConference(conference, fault, failedPuts);
        world.publish(conference, SampleChanges.weekly("retried-" + conference, conference));
        world.awaitAllCommitted();

        assertThat(world.occurrences()).hasSize(8);
        assertThat(world.api.traffic().putCalls(conference)).isEqualTo(failedPuts + 1);
    }

    @Test
    void aRefusedConnectionIsRetriedThenDeadLetteredAsRetriesExhausted() {
        world.startBridge();
        world.publish("73", SampleChanges.weekly("token-first", "73"));
        world.awaitAllCommitted();
        world.api.close(); // the token stays cached; every PUT now meets a closed port
        world.publish("74", SampleChanges.weekly("refused", "74"));
        world.awaitAllCommitted();

        ConsumerRecord<byte[], byte[]> dead = world.deadLetters().get(0);
        assertThat(header(dead, "dlq-reason")).isEqualTo("retries-exhausted");
        assertThat(header(dead, "dlq-attempts")).isEqualTo("4");
        assertThat(header(dead, "dlq-detail")).contains("did not answer").contains("Connect");
    }

    @Test
    void aTokenRejectedAfterTwoTransientFailuresStillGetsItsFreshToken() {
        world.startBridge();
        world.api.faults().failNextPuts(2, MeetingErrors.typicalFor(503));
        world.api.faults().failConference("75", ApiResponse.error(401, "USG.000000004", "token expired"), 1);
        world.publish("75", SampleChanges.weekly("after-two-503", "75"));
        world.awaitAllCommitted();

        assertThat(world.deadLetters()).isEmpty();
        assertThat(world.occurrences()).hasSize(8);
        assertThat(world.api.traffic().putCalls("75")).isEqualTo(4);
        assertThat(world.api.traffic().authCalls()).isEqualTo(2);
    }

    @Test
    void retryAfterSetsTheRealDelayBeforeTheNextAttempt() {
        world.startBridge(s -> s.set("bridge.retry.max-delay-ms", "3000"));
        world.api.faults().failConference("76", MeetingErrors.typicalFor(503).withRetryAfter(1), 1);
        world.api.faults().failConference("77", MeetingErrors.typicalFor(503), 1);
        world.publish("76", SampleChanges.weekly("asks-to-wait", "76"));
        world.publish("77", SampleChanges.weekly("backs-off", "77"));
        world.awaitAllCommitted();

        assertThat(gaps("76").get(0)).as("waited as asked").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(gaps("77").get(0)).as("the policy's first delay, 20 ms").isLessThan(Duration.ofMillis(900));
    }

    @Test
    void eachDelayIsInsideItsJitteredBandAndUnderTheCap() {
        long initial = 300;
        long cap = 900;
        world.startBridge(s -> s.set("bridge.retry.redeliveries", "4")
                .set("bridge.retry.initial-delay-ms", Long.toString(initial))
                .set("bridge.retry.max-delay-ms", Long.toString(cap)));
        world.api.faults().failConferenceAlways("78", MeetingErrors.typicalFor(503));
        world.publish("78", SampleChanges.weekly("never-answered", "78"));
        world.awaitAllCommitted();

        List<Duration> gaps = gaps("78");
        List<Band> bands = Band.doublingFrom(initial, cap, 4);
        assertThat(gaps).hasSize(4);
        for (int i = 0; i < bands.size(); i++) {
            long gap = gaps.get(i).toMillis();
            Band band = bands.get(i);
            assertThat(gap).as("delay %d of %s: %s", i + 1, gaps, band)
                    .isBetween(band.low(), band.high() + ANSWER_AND_RESEND_MS);
        }
        assertThat(header(world.deadLetters().get(0), "dlq-attempts")).isEqualTo("5");
    }

    /**
     * Where Camel's exponential backoff puts each delay: it doubles the previous delay, jitter included, then
     * moves it up or down by at most the collision-avoidance factor and cuts it at the cap. So the jitter
     * compounds until the cap: the n-th band is initial x 2^(n-1) x (1 -+ 0.15)^n.
     */
    record Band(long low, long high) {

        /** camel's collisionAvoidanceFactor, the +-15% that application.properties promises */
        static final double JITTER = 0.15;

        static List<Band> doublingFrom(long initial, long cap, int count) {
            List<Band> bands = new ArrayList<>();
            double low = initial * (1 - JITTER);
            double high = initial * (1 + JITTER);
            for (int i = 0; i < count; i++) {
                low = Math.min(low, cap);
                high = Math.min(high, cap);
                bands.add(new Band((long) low - 1, Math.min(cap, (long) Math.ceil(high) + 1))); // 1 ms of rounding
                low = 2 * low * (1 - JITTER);
                high = 2 * high * (1 + JITTER);
            }
            return bands;
        }
    }

    /** The time between one conference's consecutive PUTs. */
    private List<Duration> gaps(String conference) {
        List<RecordedPut> puts = world.api.traffic().recordedPuts().stream()
                .filter(p -> conference.equals(p.conferenceID())).toList();
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < puts.size(); i++) {
            gaps.add(Duration.between(puts.get(i - 1).receivedAt(), puts.get(i).receivedAt()));
        }
        return gaps;
    }
}
