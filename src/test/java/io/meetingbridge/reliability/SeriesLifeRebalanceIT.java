package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.MeetingOperation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances in one group while 20 series live their whole life (create, modify, move an occurrence,
 * cancel another, cancel the series), keyed by seriesKey on a 3-partition input. A second instance joins
 * while the creates and modifies are being applied, the first leaves (SIGTERM) while the occurrence edits
 * are: partitions move twice in the middle of every series' life (each step of the lives is published only
 * once the rebalance before it happened), most likely while the instance giving them up is applying changes. No series may be created twice, none of
 * a series' changes lost or applied out of order.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SeriesLifeRebalanceIT {

    private static final int SERIES = 20;
    private static final Duration CALL_LATENCY = Duration.ofMillis(200);

    @Test
    void partitionsMovingMidLifeNeitherCreateTwiceNorReorderNorLose() {
        try (BridgeRig rig = BridgeRig.start("series-life-rebalance", 3)) {
            List<List<LifeChange>> lives = IntStream.range(0, SERIES)
                    .mapToObj(i -> LifeChange.wholeLife("life-%02d".formatted(i))).toList();
            List<LifeChange> all = lives.stream().flatMap(List::stream).toList();
            // every change takes a few calls of this long: an instance is busy when the partitions move
            rig.api.faults().setCallLatency(CALL_LATENCY);
            BridgeJvm a = rig.bridge("bridge-a").start();
            BridgeJvm b = rig.bridge("bridge-b");
            List<PublishedChange> published = new ArrayList<>();

            // the creates and modifies, while the second instance starts and joins
            rig.awaitMembers(1);
            ChangeStream first = publish(rig, steps(lives, 0, 1), 2);
            b.start();
            rig.awaitMembers(2);
            int publishedAtJoin = first.acknowledged();
            published.addAll(first.awaitPublished(Duration.ofSeconds(60)));

            // the occurrence edits, while the first instance leaves
            ChangeStream second = publish(rig, steps(lives, 2, 3), 4);
            rig.awaitCommitted(2 * SERIES + SERIES / 2, Duration.ofSeconds(90));
            a.stop();
            int publishedAtLeave = 2 * SERIES + second.acknowledged();
            published.addAll(second.awaitPublished(Duration.ofSeconds(60)));
            rig.awaitMembers(1);

            // the cancels, to the instance left
            published.addAll(publish(rig, steps(lives, 4, 4), 10).awaitPublished(Duration.ofSeconds(60)));
            rig.awaitDrained(Duration.ofSeconds(90));

            assertThat(published).hasSize(all.size());
            Set<Integer> partitions = published.stream().map(PublishedChange::partition).collect(Collectors.toSet());
            assertThat(partitions).as("the series are spread over every input partition").hasSize(3);

            // no series created twice: one POST each, one conference each, and none left scheduled
            assertThat(rig.api.traffic().calls(MeetingOperation.CREATE_SERIES)).isEqualTo(SERIES);
            assertThat(rig.api.scheduledSeries()).as("series left scheduled after every series was cancelled").isEmpty();
            LifeOutputs outputs = LifeOutputs.read(rig);
            SeriesLedgerView ledger = SeriesLedgerView.read(rig);
            Set<String> conferences = new HashSet<>();
            for (List<LifeChange> life : lives) {
                String key = life.get(0).seriesKey();
                assertThat(outputs.conferencesOf(key)).as("conferences of " + key).hasSize(1);
                String conference = outputs.conferencesOf(key).iterator().next();
                conferences.add(conference);
                assertThat(rig.api.series(conference).orElseThrow().cancelled()).as(key + " cancelled").isTrue();
                assertThat(ledger.field(key, "conferenceID")).as("ledger of " + key).isEqualTo(conference);
                assertThat(ledger.field(key, "state")).as("ledger of " + key).isEqualTo("cancelled");
                assertThat(ledger.field(key, "lastChangeId")).as("ledger of " + key)
                        .isEqualTo(life.get(life.size() - 1).changeId());
            }
            assertThat(conferences).hasSize(SERIES);

            // nothing lost, nothing dead-lettered, each series' outputs in the order of its life
            assertThat(outputs.deadLetters()).isEmpty();
            assertThat(outputs.lost(all)).isEmpty();
            assertThat(outputs.orderViolations(all)).isEmpty();
            assertThat(outputs.apiViolations(ApiView.of(rig.api, outputs.conferences(all)), all)).isEmpty();
            long repeated = all.stream().filter(c -> outputs.applicationsOf(c.changeId()).size() > 1).count();
            System.out.printf("%d series, %d changes; instance 2 joined after %d were published, instance 1 left after "
                            + "%d; %d changes published twice (logs in %s)%n", SERIES, all.size(), publishedAtJoin,
                    publishedAtLeave, repeated, rig.run);
        }
    }

    /** The changes of these steps of every life, step after step, series after series. */
    private static List<LifeChange> steps(List<List<LifeChange>> lives, int firstStep, int lastStep) {
        List<LifeChange> changes = new ArrayList<>();
        for (int step = firstStep; step <= lastStep; step++) {
            for (List<LifeChange> life : lives) {
                changes.add(life.get(step));
            }
        }
        return changes;
    }

    private static ChangeStream publish(BridgeRig rig, List<LifeChange> changes, double perSecond) {
        return ChangeStream.start(rig.broker.bootstrapServers(), rig.topics.changes(), LifeChange.inOrder(changes),
                perSecond, changes.size());
    }
}
