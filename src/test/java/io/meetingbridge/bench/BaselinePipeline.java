package io.meetingbridge.bench;

import io.meetingbridge.failure.UnexpectedApiAnswerException;
import io.meetingbridge.change.ChangeParser;
import io.meetingbridge.change.ChangeValidator;
import io.meetingbridge.change.InvalidChangeException;
import io.meetingbridge.change.ReceivedChange;
import io.meetingbridge.change.SourceRecord;
import io.meetingbridge.change.ValidChange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The hand-written pipeline the bridge is measured against, with the bridge's semantics and none of
 * its machinery: each polled record in turn is parsed and validated, PUT, and its occurrences (or its
 * dead-letter record) sent and acknowledged; the poll is committed once all of its records are.
 *
 * <p>Simplification: a failed PUT is dead-lettered at once, without the bridge's retries and backoff;
 * the benchmark's simulator injects no faults, so no run takes that path.
 */
final class BaselinePipeline {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final BaselineApiClient api;
    private final ChangeParser parser;
    private final ChangeValidator validator;
    private final BaselineDeadLetters deadLetters;
    private final String changesTopic;
    private final String occurrencesTopic;
    private final Duration pollTimeout;

    BaselinePipeline(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer,
                     BaselineApiClient api, ChangeParser parser, ChangeValidator validator,
                     BaselineDeadLetters deadLetters, BridgeProperties settings) {
        this.consumer = consumer;
        this.producer = producer;
        this.api = api;
        this.parser = parser;
        this.validator = validator;
        this.deadLetters = deadLetters;
        this.changesTopic = settings.text("bridge.topics.changes");
        this.occurrencesTopic = settings.text("bridge.topics.occurrences");
        this.pollTimeout = settings.millis("bridge.consumer.poll-timeout-ms");
    }

    /** Consumes until {@link #stop()}; a failure to write output ends it with nothing committed for that poll. */
    void run() throws IOException, InterruptedException, ExecutionException {
        consumer.subscribe(List.of(changesTopic));
        try {
            while (true) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    apply(received(record));
                }
                if (!records.isEmpty()) {
                    consumer.commitSync(); // the positions after this poll's records, all acknowledged by now
                }
            }
        } catch (WakeupException stopping) {
            // stop() was called: leave with the last complete poll committed
        }
    }

    /** Callable from any thread. */
    void stop() {
        consumer.wakeup();
    }

    private void apply(ReceivedChange change) throws IOException, InterruptedException, ExecutionException {
        ValidChange valid;
        try {
            valid = validator.validate(change.tree());
        } catch (InvalidChangeException e) {
            sendAndAwait(List.of(deadLetters.invalid(change, e)));
            return;
        }
        BaselineApiClient.Answer answer;
        try {
            answer = api.putSeries(valid);
        } catch (IOException e) {
            sendAndAwait(List.of(deadLetters.unanswered(change, e)));
            return;
        }
        if (answer.status() != 200) {
            sendAndAwait(List.of(deadLetters.rejected(change, answer)));
            return;
        }
        try {
            sendAndAwait(BaselineOccurrences.of(occurrencesTopic, change, valid.conferenceID(), answer));
        } catch (UnexpectedApiAnswerException e) {
            sendAndAwait(List.of(deadLetters.rejected(change, answer)));
        }
    }

    private ReceivedChange received(ConsumerRecord<byte[], byte[]> record) {
        SourceRecord source = new SourceRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value(), List.of(record.headers().toArray()));
        return ReceivedChange.parse(source, parser);
    }

    /** Sends all records at once, then waits for every acknowledgement; a failed write throws. */
    private void sendAndAwait(List<ProducerRecord<byte[], byte[]>> records)
            throws InterruptedException, ExecutionException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<byte[], byte[]> record : records) {
            acks.add(producer.send(record));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
    }
}
