package io.meetingbridge.bench;

import io.meetingbridge.simulator.MeetingApiSimulator;
import io.meetingbridge.testing.EmbeddedKafka;
import io.meetingbridge.testing.TestCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures one pipeline on one workload, on topics and a consumer group of its own, in three phases:
 * <ol>
 *   <li>warm-up: changes published before the JVM starts, applied with an instant API; start-up time
 *       is from launch to the first occurrence written;</li>
 *   <li>bulk: the JVM is frozen while the workload's changes are published, then let go, so it measures
 *       warm consumption alone: throughput and CPU run from the thaw to the last offset committed;</li>
 *   <li>live: changes published at a fixed rate the pipeline can follow, for end-to-end latency.</li>
 * </ol>
 */
final class WorkloadRunner {

    /** The 50 ms target is for a single-partition input: per-partition ordering cannot help. */
    static final int INPUT_PARTITIONS = 1;

    private final EmbeddedKafka kafka;
    private final MeetingApiSimulator api;
    private final LivePublisher livePublisher;
    private final BenchSettings settings;

    WorkloadRunner(EmbeddedKafka kafka, MeetingApiSimulator api, LivePublisher livePublisher, BenchSettings settings) {
        this.kafka = kafka;
        this.api = api;
        this.livePublisher = livePublisher;
        this.settings = settings;
    }

    RunResult run(Workload workload, Contender contender) {
        String name = workload.name() + "-" + contender.label();
        try {
            return RunResult.measured(contender, measure(workload, contender, name));
        } catch (Exception e) {
            return RunResult.failed(contender, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Figures measure(Workload workload, Contender contender, String name) throws Exception {
        EmbeddedKafka.Topics topics = kafka.createTopics(INPUT_PARTITIONS);
        String group = name + "-" + topics.changes();
        int warmup = settings.warmupChanges();
        int changes = workload.changesFor(contender);
        api.faults().setPutLatency(Duration.ZERO);
        kafka.send(topics.changes(), workload.changes(topics.changes(), 0, warmup));

        PipelineJvm jvm = PipelineJvm.launch(contender, settings, pipelineProperties(topics, group), name);
        Phases phases;
        try {
            RunProgress progress = new RunProgress(kafka, topics.changes(), group, jvm, settings.phaseTimeout());
            phases = runPhases(jvm, progress, topics.changes(), workload, warmup, changes);
        } finally {
            jvm.close();
        }
        OutputScan output = OutputScan.read(kafka, topics.occurrences(), warmup, warmup + changes,
                phases.liveSentAt());
        double bulkSeconds = phases.bulkMillis() / 1000.0;
        return new Figures(changes, output.bulkOccurrences(),
                changes / bulkSeconds, output.bulkOccurrences() / bulkSeconds,
                output.liveLatencies().count(), output.liveLatencies().percentile(50),
                output.liveLatencies().percentile(99),
                phases.bulkCpu().pipelineSeconds() / changes * 1000, phases.bulkCpu().benchmarkSeconds() / changes * 1000,
                phases.bulkCpu().hostBusyPercent(), phases.peakRssBytes(),
                output.firstTimestamp() - jvm.launchedAtMillis(), jvm.fullGcs(),
                kafka.endOffsetSum(topics.deadLetter()), output.orderViolations());
    }

    private Phases runPhases(PipelineJvm jvm, RunProgress progress, String changesTopic, Workload workload,
                             int warmup, int changes) throws Exception {
        progress.awaitCommitted(warmup);

        api.faults().setPutLatency(workload.putLatency());
        long thawedAt = jvm.whileFrozen(() -> kafka.send(changesTopic, workload.changes(changesTopic, warmup, changes)));
        CpuWindow cpu = CpuWindow.start(jvm);
        progress.awaitCommitted(warmup + changes);
        long bulkMillis = System.currentTimeMillis() - thawedAt;
        CpuWindow.Use bulkCpu = cpu.end();

        Map<Long, Long> liveSentAt = livePublisher.publish(workload, changesTopic, warmup + changes,
                settings.liveRatePerSecond(), settings.liveDuration());
        progress.awaitCommitted(warmup + changes + liveSentAt.size());
        return new Phases(bulkMillis, bulkCpu, jvm.stats().peakRssBytes(), liveSentAt);
    }

    private Map<String, String> pipelineProperties(EmbeddedKafka.Topics topics, String group) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("kafka.group-id", group);
        properties.put("bridge.topics.changes", topics.changes());
        properties.put("bridge.topics.occurrences", topics.occurrences());
        properties.put("bridge.topics.dead-letter", topics.deadLetter());
        properties.put("meeting.api.base-url", api.baseUri().toString());
        properties.put("meeting.auth.app-id", TestCredentials.APP_ID);
        properties.put("meeting.auth.app-key", TestCredentials.APP_KEY);
        // the bridge's health and metrics server: loopback only, on a port no other process holds
        properties.put("camel.management.host", InetAddress.getLoopbackAddress().getHostAddress());
        properties.put("camel.management.port", Integer.toString(freeLoopbackPort()));
        properties.putAll(settings.pipelineOverrides());
        return properties;
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** What was observed while the pipeline ran; the rest is read from its output afterwards. */
    private record Phases(long bulkMillis, CpuWindow.Use bulkCpu, long peakRssBytes, Map<Long, Long> liveSentAt) {
    }
}
