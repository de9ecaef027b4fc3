package io.meetingbridge.bench;

import io.meetingbridge.simulator.MeetingApiSimulator;
import io.meetingbridge.testing.EmbeddedKafka;
import io.meetingbridge.testing.FreePort;
import io.meetingbridge.testing.TestCredentials;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Measures one pipeline on one workload, on topics (the series ledger's included) and a consumer group of its own,
 * in three phases:
 * <ol>
 *   <li>warm-up: changes published before the JVM starts, applied with an instant API; start-up time
 *       is from launch to the first occurrence written, and (the bridge) to readiness UP;</li>
 *   <li>bulk: the JVM is frozen while the workload's changes are published, then let go, so it measures
 *       warm consumption alone: throughput and CPU run from the thaw to the last offset committed;</li>
 *   <li>live (if the workload has one): changes published at a fixed rate the pipeline can follow,
 *       for end-to-end latency.</li>
 * </ol>
 * The simulator counts the PUTs open at once over the whole run. A run fails on a flaw of {@link RunFlaws}.
 * It also measures a pipeline that gets no input at all: {@link #idle}.
 */
final class WorkloadRunner {

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

    RunResult<Figures> run(Workload workload, Contender contender) {
        return attempt(contender, () -> measure(workload, contender, runName(workload, contender)));
    }

    /**
     * The contender started on fresh topics and left without input: after its first poll (and, the bridge,
     * readiness UP) and {@link BenchSettings#idleSettle}, its CPU over {@link BenchSettings#idleWindow} and its
     * memory and threads at the end, read from /proc like every other figure.
     */
    RunResult<IdleFigures> idle(Contender contender) {
        return attempt(contender, () -> measureIdle(contender));
    }

    /** The measurement's figures, or what stopped it. */
    private static <F> RunResult<F> attempt(Contender contender, Callable<F> measurement) {
        try {
            return RunResult.measured(contender, measurement.call());
        } catch (Exception e) {
            return RunResult.failed(contender, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    BenchSettings settings() {
        return settings;
    }

    /** The JFR recording of a run, when -Dbench.jfr=true. */
    Path recordingOf(Workload workload, Contender contender) {
        return PipelineJvm.recording(settings, runName(workload, contender));
    }

    Path logOf(Workload workload, Contender contender) {
        return PipelineJvm.log(settings, runName(workload, contender));
    }

    private static String runName(Workload workload, Contender contender) {
        return workload.name() + "-" + contender.label();
    }

    private IdleFigures measureIdle(Contender contender) throws Exception {
        EmbeddedKafka.Topics topics = freshTopics(1);
        String name = "idle-" + contender.label();
        String group = name + "-" + topics.changes();
        String host = InetAddress.getLoopbackAddress().getHostAddress();
        int managementPort = FreePort.loopback();
        try (PipelineJvm jvm = PipelineJvm.launch(contender, settings,
                pipelineProperties(topics, group, host, managementPort), name)) {
            if (contender.servesReadiness()) {
                new ReadinessProbe(host, managementPort).awaitUp(jvm, settings.phaseTimeout());
            }
            new RunProgress(kafka, topics.changes(), group, jvm, settings.phaseTimeout()).awaitMember();
            Thread.sleep(settings.idleSettle().toMillis());
            ProcessStats settled = jvm.stats();
            Thread.sleep(settings.idleWindow().toMillis());
            ProcessStats end = jvm.stats();
            jvm.requireAlive();
            double minutes = settings.idleWindow().toMillis() / 60_000.0;
            return new IdleFigures((end.cpuSeconds() - settled.cpuSeconds()) / minutes, end.rssBytes(),
                    end.threads());
        }
    }

    private Figures measure(Workload workload, Contender contender, String name) throws Exception {
        EmbeddedKafka.Topics topics = freshTopics(workload.partitions());
        String group = name + "-" + topics.changes();
        int warmup = settings.warmupChanges();
        int changes = workload.changesFor(contender);
        api.faults().setPutLatency(Duration.ZERO);
        kafka.send(topics.changes(), workload.changes(topics.changes(), 0, warmup));
        api.traffic().clear();

        String host = InetAddress.getLoopbackAddress().getHostAddress();
        int managementPort = FreePort.loopback();
        PipelineJvm jvm = PipelineJvm.launch(contender, settings,
                pipelineProperties(topics, group, host, managementPort), name);
        Phases phases;
        try {
            Long readyMillis = contender.servesReadiness()
                    ? new ReadinessProbe(host, managementPort).awaitUp(jvm, settings.phaseTimeout())
                    : null;
            RunProgress progress = new RunProgress(kafka, topics.changes(), group, jvm, settings.phaseTimeout());
            phases = runPhases(jvm, progress, topics.changes(), workload, warmup, changes, readyMillis);
        } finally {
            jvm.close();
        }
        OutputScan output = OutputScan.read(kafka, topics.occurrences(), warmup, warmup + changes,
                workload.occurrencesPerChange(), phases.liveSentAt());
        List<String> flaws = RunFlaws.of(output, changes, workload.occurrencesPerChange(),
                kafka.endOffsetSum(topics.deadLetter()), api.traffic().overlappedConferences());
        if (!flaws.isEmpty()) {
            throw new IllegalStateException(String.join("; ", flaws));
        }
        double bulkSeconds = phases.bulkMillis() / 1000.0;
        return new Figures(output.bulkChangesApplied(), output.bulkOccurrences(),
                output.bulkChangesApplied() / bulkSeconds, output.bulkOccurrences() / bulkSeconds,
                output.liveLatencies().count(), output.liveLatencies().percentile(50),
                output.liveLatencies().percentile(99),
                phases.bulkCpu().pipelineSeconds() / changes * 1000,
                phases.wholeCpuSeconds() / (warmup + changes) * 1000,
                phases.bulkCpu().benchmarkSeconds() / changes * 1000,
                phases.bulkCpu().hostBusyPercent(), phases.peakRssBytes(),
                output.firstTimestamp() - jvm.launchedAtMillis(), phases.readyMillis(), phases.maxPutsInFlight(),
                jvm.fullGcs());
    }

    private Phases runPhases(PipelineJvm jvm, RunProgress progress, String changesTopic, Workload workload,
                             int warmup, int changes, Long readyMillis) throws Exception {
        progress.awaitCommitted(warmup);

        api.faults().setPutLatency(workload.putLatency());
        long thawedAt = jvm.whileFrozen(() -> kafka.send(changesTopic, workload.changes(changesTopic, warmup, changes)));
        CpuWindow cpu = CpuWindow.start(jvm);
        progress.awaitCommitted(warmup + changes);
        long bulkMillis = System.currentTimeMillis() - thawedAt;
        CpuWindow.Use bulkCpu = cpu.end();
        double wholeCpuSeconds = jvm.stats().cpuSeconds();

        Map<Integer, Long> liveSentAt = workload.live()
                ? livePublisher.publish(workload, changesTopic, warmup + changes,
                        settings.liveRatePerSecond(), settings.liveDuration())
                : Map.of();
        progress.awaitCommitted(warmup + changes + liveSentAt.size());
        return new Phases(bulkMillis, bulkCpu, wholeCpuSeconds, jvm.stats().peakRssBytes(), readyMillis,
                api.traffic().maxConcurrentPuts(), liveSentAt);
    }

    /**
     * The run's topics under names of their own, the series ledger's included: created here, compacted and empty,
     * with the input's partition count, as a deployment's exists before the bridge restarts: no run restores the
     * series of the runs before it, and the bridge's start is not a first start that creates its ledger.
     */
    private EmbeddedKafka.Topics freshTopics(int partitions) throws Exception {
        EmbeddedKafka.Topics topics = kafka.createTopics(partitions);
        NewTopic ledger = new NewTopic(topics.series(), partitions, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        kafka.admin().createTopics(List.of(ledger)).all().get(settings.phaseTimeout().toSeconds(), TimeUnit.SECONDS);
        return topics;
    }

    private Map<String, String> pipelineProperties(EmbeddedKafka.Topics topics, String group, String host,
                                                   int managementPort) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("kafka.group-id", group);
        properties.put("bridge.topics.changes", topics.changes());
        properties.put("bridge.topics.occurrences", topics.occurrences());
        properties.put("bridge.topics.dead-letter", topics.deadLetter());
        properties.put("bridge.topics.series", topics.series());
        properties.put("meeting.api.base-url", api.baseUri().toString());
        properties.put("meeting.auth.app-id", TestCredentials.APP_ID);
        // the bridge's health and metrics server: loopback only, on a port no other process holds
        properties.put("camel.management.host", host);
        properties.put("camel.management.port", Integer.toString(managementPort));
        properties.putAll(settings.pipelineOverrides());
        return properties;
    }

    /** What was observed while the pipeline ran; the rest is read from its output afterwards. */
    private record Phases(long bulkMillis, CpuWindow.Use bulkCpu, double wholeCpuSeconds, long peakRssBytes,
                          Long readyMillis, int maxPutsInFlight, Map<Integer, Long> liveSentAt) {
    }
}
