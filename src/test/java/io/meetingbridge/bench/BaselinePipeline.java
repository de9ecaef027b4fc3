package io.meetingbridge.bench;

import io.meetingbridge.change.ChangeParser;
import io.meetingbridge.change.ReceivedChange;
import io.meetingbridge.change.SourceRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The hand-written pipeline the bridge is measured against, with the bridge's semantics and none of
 * its machinery: each poll's records are parsed, handed to a {@link BaselineScheduler} (one at a time,
 * or in key-ordered lanes) that applies them, and the poll is committed once all of them are acknowledged.
 */
final class BaselinePipeline {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final BaselineScheduler scheduler;
    private final ChangeParser parser;
    private final String changesTopic;
    private final Duration pollTimeout;

    BaselinePipeline(KafkaConsumer<byte[], byte[]> consumer, BaselineScheduler scheduler, ChangeParser parser,
                     BridgeProperties settings) {
        this.consumer = consumer;
        this.scheduler = scheduler;
        this.parser = parser;
        this.changesTopic = settings.text("bridge.topics.changes");
        this.pollTimeout = settings.millis("bridge.consumer.poll-timeout-ms");
    }

    /** Consumes until {@link #stop()}; a failure to write output ends it with nothing committed for that poll. */
    void run() throws InterruptedException, ExecutionException {
        consumer.subscribe(List.of(changesTopic));
        try {
            while (true) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
                if (records.isEmpty()) {
                    continue;
                }
                List<ReceivedChange> poll = new ArrayList<>(records.count());
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    poll.add(received(record));
                }
                scheduler.applyAll(poll);
                consumer.commitSync(); // the positions after this poll's records, all acknowledged by now
            }
        } catch (WakeupException stopping) {
            // stop() was called: leave with the last complete poll committed
        }
    }

    /** Callable from any thread. */
    void stop() {
        consumer.wakeup();
    }

    /** Parsed once, on the consumer's thread, as the bridge does when it sorts a batch into lanes. */
    private ReceivedChange received(ConsumerRecord<byte[], byte[]> record) {
        SourceRecord source = new SourceRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value(), List.of(record.headers().toArray()));
        return ReceivedChange.parse(source, parser);
    }
}
