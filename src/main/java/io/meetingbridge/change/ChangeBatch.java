package io.meetingbridge.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll's worth of input records, sorted into lanes by conferenceID. Lanes run concurrently, the
 * records of a lane one after the other in offset order, so a series' changes keep their order while
 * different series overlap their API calls. Offsets are committed only once every lane has finished.
 */
public final class ChangeBatch {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeBatch.class);

    private final List<Exchange> records;
    private final List<List<ReceivedChange>> lanes;

    private ChangeBatch(List<Exchange> records, List<List<ReceivedChange>> lanes) {
        this.records = records;
        this.lanes = lanes;
    }

    public static ChangeBatch of(List<Exchange> records, ChangeParser parser) {
        List<Exchange> owned = stillAssigned(records);
        Map<String, List<ReceivedChange>> byConference = new LinkedHashMap<>();
        for (Exchange record : owned) {
            ReceivedChange change = ReceivedChange.parse(SourceRecord.of(record), parser);
            byConference.computeIfAbsent(change.laneKey(), k -> new ArrayList<>()).add(change);
        }
        return new ChangeBatch(owned, List.copyOf(byConference.values()));
    }

    /**
     * camel-kafka keeps polled records across polls and does not drop those of partitions revoked in a
     * rebalance meanwhile. Their new owner reads them again from the committed offset, so applying them
     * here too would race it and could apply an older change of a series after a newer one. This runs on
     * the polling thread, where the consumer's assignment is current.
     */
    private static List<Exchange> stillAssigned(List<Exchange> records) {
        if (records.isEmpty()) {
            return records;
        }
        Set<TopicPartition> assignment = manualCommit(records.get(0)).getConsumer().assignment();
        List<Exchange> owned = records.stream()
                .filter(r -> assignment.contains(manualCommit(r).getPartition())).toList();
        if (owned.size() < records.size()) {
            LOG.info("Left {} polled records to the new owners of partitions revoked since they were polled",
                    records.size() - owned.size());
        }
        return owned;
    }

    private static DefaultKafkaManualCommit manualCommit(Exchange record) {
        return record.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, DefaultKafkaManualCommit.class);
    }

    public List<List<ReceivedChange>> getLanes() {
        return lanes;
    }

    public int size() {
        return records.size();
    }

    /** Commits, per partition, the offset after the batch's last record. */
    public void commitOffsets() {
        Map<TopicPartition, KafkaManualCommit> lastPerPartition = new LinkedHashMap<>();
        for (Exchange record : records) {
            lastPerPartition.put(manualCommit(record).getPartition(), manualCommit(record));
        }
        lastPerPartition.values().forEach(KafkaManualCommit::commit);
    }
}
