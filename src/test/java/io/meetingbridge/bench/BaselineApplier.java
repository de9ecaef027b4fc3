package io.meetingbridge.bench;

import io.meetingbridge.change.ChangeValidator;
import io.meetingbridge.change.InvalidChangeException;
import io.meetingbridge.change.ReceivedChange;
import io.meetingbridge.change.ValidChange;
import io.meetingbridge.failure.UnexpectedApiAnswerException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Applies one change the way both baselines do: validated, PUT, and its occurrences (or its dead-letter
 * record) sent and acknowledged before it returns. Thread-safe: the concurrent baseline calls it from
 * every lane at once.
 *
 * <p>Simplification: a failed PUT is dead-lettered at once, without the bridge's retries and backoff;
 * the benchmark's simulator injects no faults, so no run takes that path.
 */
final class BaselineApplier {

    private final KafkaProducer<byte[], byte[]> producer;
    private final BaselineApiClient api;
    private final ChangeValidator validator;
    private final BaselineDeadLetters deadLetters;
    private final String occurrencesTopic;

    BaselineApplier(KafkaProducer<byte[], byte[]> producer, BaselineApiClient api, ChangeValidator validator,
                    BaselineDeadLetters deadLetters, String occurrencesTopic) {
        this.producer = producer;
        this.api = api;
        this.validator = validator;
        this.deadLetters = deadLetters;
        this.occurrencesTopic = occurrencesTopic;
    }

    /** Returns once the change's output is acknowledged; a failed write throws. */
    void apply(ReceivedChange change) throws InterruptedException, ExecutionException {
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
