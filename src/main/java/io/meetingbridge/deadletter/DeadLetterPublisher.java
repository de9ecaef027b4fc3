package io.meetingbridge.deadletter;

import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.camel.Body;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes dead letters with Kafka's own producer, so the input's headers travel as data (every name, in
 * every letter case, repeated names included) and none of them can steer the write. A record that does not
 * fit the dead-letter topic is written as a reference instead of failing forever: with the input's headers
 * and key when they fit, without them when not.
 */
public final class DeadLetterPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final Producer<byte[], byte[]> producer;

    /** @param producer the bridge's producer (acks=all, idempotence, its size limit), closed by its owner */
    public DeadLetterPublisher(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    /** Returns the record as written, once the broker acknowledged it. */
    public ProducerRecord<byte[], byte[]> publish(@Body ProducerRecord<byte[], byte[]> full)
            throws InterruptedException, ExecutionException {
        RecordTooLargeException tooLarge = tryToSend(full);
        if (tooLarge == null) {
            return full;
        }
        String why = "the record does not fit the dead-letter topic (" + tooLarge.getMessage() + ")";
        List<ProducerRecord<byte[], byte[]>> references = List.of(
                DeadLetterRecords.reference(full, why, true, true),
                DeadLetterRecords.reference(full, why, false, true),
                DeadLetterRecords.reference(full, why, false, false));
        for (ProducerRecord<byte[], byte[]> reference : references) {
            if (tryToSend(reference) == null) {
                LOG.warn("Dead letter written as a reference, value omitted: {}", why);
                return reference;
            }
        }
        throw new ExecutionException("not even a reference to the record fits the dead-letter topic "
                + full.topic() + ": raise its max.message.bytes and bridge.producer.max-request-size", tooLarge);
    }

    /** Null once acknowledged; the size failure when the record cannot fit; any other failure is thrown. */
    private RecordTooLargeException tryToSend(ProducerRecord<byte[], byte[]> record)
            throws InterruptedException, ExecutionException {
        try {
            producer.send(record).get();
            return null;
        } catch (RecordTooLargeException e) {
            return e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException tooLarge) {
                return tooLarge;
            }
            throw e;
        }
    }
}
