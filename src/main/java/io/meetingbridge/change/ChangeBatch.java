package io.meetingbridge.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * One poll's worth of input records, sorted into lanes by conferenceID. Lanes run concurrently, the
 * records of a lane one after the other in offset order, so a series' changes keep their order while
 * different series overlap their API calls. Offsets are committed only once every lane has finished.
 */
public final class ChangeBatch {

    private final List<Exchange> records;
    private final List<List<ReceivedChange>> lanes;

    private ChangeBatch(List<Exchange> records, List<List<ReceivedChange>> lanes) {
        this.records = records;
        this.lanes = lanes;
    }

    public static ChangeBatch of(List<Exchange> records, ChangeParser parser) {
        Map<String, List<ReceivedChange>> byConference = new LinkedHashMap<>();
        for (Exchange record : records) {
            ReceivedChange change = ReceivedChange.parse(SourceRecord.of(record), parser);
            byConference.computeIfAbsent(change.laneKey(), k -> new ArrayList<>()).add(change);
        }
        return new ChangeBatch(records, List.copyOf(byConference.values()));
    }

    public List<List<ReceivedChange>> getLanes() {
        return lanes;
    }

    public int size() {
        return records.size();
    }

    /** Commits, per partition, the offset after the batch's last record. */
    public void commitOffsets() {
        Map<String, KafkaManualCommit> lastPerPartition = new LinkedHashMap<>();
        for (Exchange record : records) {
            var m = record.getMessage();
            lastPerPartition.put(m.getHeader(KafkaConstants.TOPIC) + "-" + m.getHeader(KafkaConstants.PARTITION),
                    m.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class));
        }
        lastPerPartition.values().forEach(KafkaManualCommit::commit);
    }
}
