package io.meetingbridge.ops;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;

/** A producer shared by several users: each may close its view, the producer stays open for the others. */
final class UnclosedProducer<K, V> implements Producer<K, V> {

    private final Supplier<Producer<K, V>> shared;

    UnclosedProducer(Supplier<Producer<K, V>> shared) {
        this.shared = shared;
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<K, V> record) {
        return shared.get().send(record);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback) {
        return shared.get().send(record, callback);
    }

    @Override
    public void flush() {
        shared.get().flush();
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return shared.get().partitionsFor(topic);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return shared.get().metrics();
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
        return shared.get().clientInstanceId(timeout);
    }

    @Override
    public void initTransactions() {
        shared.get().initTransactions();
    }

    @Override
    public void beginTransaction() {
        shared.get().beginTransaction();
    }

    @Override
    @Deprecated
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, String consumerGroupId) {
        shared.get().sendOffsetsToTransaction(offsets, consumerGroupId);
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
                                         ConsumerGroupMetadata groupMetadata) {
        shared.get().sendOffsetsToTransaction(offsets, groupMetadata);
    }

    @Override
    public void commitTransaction() {
        shared.get().commitTransaction();
    }

    @Override
    public void abortTransaction() {
        shared.get().abortTransaction();
    }

    /** Leaves the shared producer open: its owner closes it, once, after its last user. */
    @Override
    public void close() {
    }

    /** Leaves the shared producer open: its owner closes it, once, after its last user. */
    @Override
    public void close(Duration timeout) {
    }
}
