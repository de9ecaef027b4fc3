package io.meetingbridge.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events already on the events topic, read from the topic itself: at start from the records of the last
 * {@code memory} on, then following it, so that every instance knows what every other wrote. Whether an event is
 * known is answered only once this follower has read its partition up to the end offset the broker reports at
 * the time of asking (read before write): an event written and acknowledged before is always found.
 */
final class WrittenEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WrittenEvents.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Admin admin;
    private final Duration memory;
    private final int newTopicPartitions;
    private final Clock clock;
    private final Map<EventIdentity, Long> known = new ConcurrentHashMap<>();
    private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private final AtomicReference<AtomicLongArray> positions = new AtomicReference<>();
    private final CompletableFuture<Integer> following = new CompletableFuture<>();
    private final Thread follower;
    private volatile boolean running = true;

    WrittenEvents(String topic, Properties connection, Duration memory, int newTopicPartitions, Clock clock) {
        this.topic = topic;
        Properties settings = new Properties();
        settings.putAll(connection);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(settings);
        this.admin = Admin.create(connection);
        this.memory = memory;
        this.newTopicPartitions = newTopicPartitions;
        this.clock = clock;
        this.follower = new Thread(this::follow, "events-follower");
        this.follower.setDaemon(true);
    }

    void start() {
        follower.start();
    }

    /** The topic's number of partitions, once the follower has found the topic and is reading it. */
    CompletableFuture<Integer> partitions() {
        return following;
    }

    /** Whether the event is on the topic, answered after reading its partition to its current end. */
    CompletableFuture<Boolean> contains(EventIdentity identity, int partition) {
        TopicPartition tp = new TopicPartition(topic, partition);
        return admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).toCompletionStage()
                .toCompletableFuture()
                .thenCompose(end -> readUpTo(partition, end.offset()))
                .thenApply(read -> known.containsKey(identity));
    }

    /** An event this instance has just written (its own read of it follows). */
    void remember(EventIdentity identity) {
        known.put(identity, clock.millis());
    }

    int size() {
        return known.size();
    }

    private CompletableFuture<Void> readUpTo(int partition, long offset) {
        Waiter waiter = new Waiter(partition, offset, new CompletableFuture<>());
        waiters.add(waiter);
        releaseWaiters();
        return waiter.done();
    }

    private void follow() {
        try {
            List<TopicPartition> assigned = List.of();
            while (running && assigned.isEmpty()) {
                createWhenMissing();
                assigned = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            consumer.assign(assigned);
            seekToMemoryStart(assigned);
            positions.set(new AtomicLongArray(assigned.size()));
            following.complete(assigned.size());
            long nextPurge = 0;
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    known.merge(EventRecords.identity(record), record.timestamp(), Math::max);
                }
                AtomicLongArray read = positions.get();
                for (TopicPartition tp : assigned) {
                    read.set(tp.partition(), consumer.position(tp));
                }
                releaseWaiters();
                if (clock.millis() >= nextPurge) {
                    long oldest = clock.millis() - memory.toMillis();
                    known.values().removeIf(writtenAt -> writtenAt < oldest);
                    nextPurge = clock.millis() + 60_000;
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("The events follower stopped; duplicate checks will time out until a restart", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void createWhenMissing() {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(newTopicPartitions), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
            LOG.info("Created the events topic {} ({} partitions)", topic, newTopicPartitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warn("Cannot create the events topic {}: {}", topic, e.getCause().toString());
            }
        } catch (InterruptedException | TimeoutException e) {
            LOG.warn("Cannot create the events topic {}: {}", topic, e.toString());
        }
    }

    /** From the first record written within the memory window; partitions without one start at their end. */
    private void seekToMemoryStart(List<TopicPartition> assigned) {
        long since = clock.millis() - memory.toMillis();
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(
                assigned.stream().collect(Collectors.toMap(Function.identity(), tp -> since)));
        for (TopicPartition tp : assigned) {
            OffsetAndTimestamp start = starts.get(tp);
            if (start != null) {
                consumer.seek(tp, start.offset());
            } else {
                consumer.seekToEnd(List.of(tp));
            }
        }
    }

    private void releaseWaiters() {
        AtomicLongArray read = positions.get();
        if (read == null) {
            return;
        }
        waiters.removeIf(waiter -> {
            if (waiter.partition() >= read.length() || read.get(waiter.partition()) >= waiter.offset()) {
                waiter.done().complete(null);
                return true;
            }
            return waiter.done().isDone();
        });
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            follower.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
    }

    private record Waiter(int partition, long offset, CompletableFuture<Void> done) {
    }
}
