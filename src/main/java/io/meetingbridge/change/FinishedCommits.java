package io.meetingbridge.change;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits each partition up to its first unfinished change. A commit refused while the group rebalances is
 * kept and made again once the rebalance is over, or with a later batch; a partition that goes to another
 * instance takes its uncommitted work with it (its next owner repeats it). Used on the polling thread only,
 * by {@link ChangeBatches} and by the rebalance listener ({@link CommitsAcrossRebalances}).
 */
public final class FinishedCommits {

    private static final Logger LOG = LoggerFactory.getLogger(FinishedCommits.class);

    private final Duration commitTimeout;
    /** Finished prefixes whose commit has not gone through yet (a rebalance was under way). */
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new ConcurrentHashMap<>();

    public FinishedCommits(Duration commitTimeout) {
        this.commitTimeout = commitTimeout;
    }

    /** After a batch: commits every partition it touched up to where it resumes. */
    void commitBatch(Consumer<?, ?> consumer, List<ChangeBatch.PartitionProgress> progress) {
        progress.forEach(p -> uncommitted.put(p.partition, new OffsetAndMetadata(p.resumeAt)));
        commitPending(consumer, Set.copyOf(uncommitted.keySet()));
    }

    /** Commits what finished in these partitions but is not committed yet; a failure keeps it for later. */
    void commitPending(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>();
        partitions.forEach(partition -> {
            OffsetAndMetadata offset = uncommitted.get(partition);
            if (offset != null) {
                due.put(partition, offset);
            }
        });
        if (due.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(due, commitTimeout);
            due.forEach(uncommitted::remove);
        } catch (KafkaException e) {
            LOG.warn("Could not commit what finished ({}); it is committed once the group is stable again",
                    e.toString());
        }
    }

    /** These partitions went to another instance: what was not committed, their next owner repeats. */
    void dropPending(Collection<TopicPartition> partitions) {
        partitions.forEach(uncommitted::remove);
    }
}
