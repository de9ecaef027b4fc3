package io.meetingbridge.change;

import java.util.Collection;
import org.apache.camel.component.kafka.consumer.support.subcription.SubscribeAdapter;
import org.apache.camel.component.kafka.consumer.support.subcription.TopicInfo;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * Subscribes camel-kafka's consumer with a rebalance listener of the bridge's around camel-kafka's own, so a
 * finished prefix whose commit a rebalance refused is committed before its partitions go (on revocation) or
 * as soon as the rebalance is over (on assignment, which Kafka reports to every member after each rebalance).
 * Without it an idle instance would keep that work uncommitted until the next record arrived.
 */
public final class CommitsAcrossRebalances implements SubscribeAdapter {

    private final ChangeBatches batches;
    private final FinishedCommits commits;

    public CommitsAcrossRebalances(ChangeBatches batches, FinishedCommits commits) {
        this.batches = batches;
        this.commits = commits;
    }

    @Override
    public void subscribe(Consumer<?, ?> consumer, ConsumerRebalanceListener camelListener, TopicInfo topicInfo) {
        ConsumerRebalanceListener listener = new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                commits.commitPending(consumer, partitions);
                commits.dropPending(partitions);
                batches.partitionsGone(partitions);
                camelListener.onPartitionsRevoked(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                batches.partitionsAssigned(partitions);
                camelListener.onPartitionsAssigned(partitions);
                commits.commitPending(consumer, consumer.assignment());
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                commits.dropPending(partitions);
                batches.partitionsGone(partitions);
                camelListener.onPartitionsLost(partitions);
            }
        };
        if (topicInfo.isPattern()) {
            consumer.subscribe(topicInfo.getPattern(), listener);
        } else {
            consumer.subscribe(topicInfo.getTopics(), listener);
        }
    }
}
