package io.meetingbridge.bench;

import io.meetingbridge.simulator.MeetingApiSimulator;
import io.meetingbridge.testing.EmbeddedKafka;
import io.meetingbridge.testing.TestCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Issue 5's end-to-end benchmark: the bridge (its shaded jar in a JVM of its own) against a hand-written
 * baseline ({@link BaselineMain}, likewise), on an embedded KRaft broker and the Meeting API simulator
 * in this JVM, loopback only. Prints a table and writes {@code bench/results.json} next to the jar.
 *
 * <p>{@code mvn -q -DskipTests package exec:java@bench}, with optional system properties:
 * <pre>
 * -Dbench.warmup-changes=1000        changes applied (instant API) before a pipeline is measured
 * -Dbench.changes=3000               changes per pipeline, instant API
 * -Dbench.slow-api-ms=50             the slow API's added latency per PUT (the target is for 50)
 * -Dbench.slow-changes=3000          changes for the bridge, slow API
 * -Dbench.slow-baseline-changes=400  changes for the baseline, slow API (one call at a time: ~18/s at 50 ms)
 * -Dbench.live-rate=10 -Dbench.live-seconds=15   the live phase that measures latency
 * -Dbench.phase-timeout-seconds=180  a run fails when a phase takes longer
 * -Dbench.workloads=50ms-500conf     only these workloads (comma-separated; default all)
 * -Dbench.jfr=true                   a JFR recording per pipeline JVM, bench/&lt;run&gt;.jfr
 * -Dbench.set.KEY=VALUE              a bridge setting for both pipelines, e.g. bench.set.bridge.api.max-in-flight=16
 * </pre>
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Files.createDirectories(settings.outputDir());
        Machine machine = Machine.describe();
        List<Workload> workloads = Workload.standard(settings).stream()
                .filter(w -> settings.workloadNames().isEmpty() || settings.workloadNames().contains(w.name()))
                .toList();

        List<Comparison> comparisons = new ArrayList<>();
        say("Starting a Kafka broker and the Meeting API simulator; logs of each run in " + settings.outputDir());
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Map.of());
             MeetingApiSimulator api = MeetingApiSimulator.builder()
                     .credential(TestCredentials.APP_ID, TestCredentials.APP_KEY).start();
             KafkaProducer<byte[], byte[]> liveProducer = kafka.producer()) {
            WorkloadRunner runner = new WorkloadRunner(kafka, api, new LivePublisher(liveProducer), settings);
            for (Workload workload : workloads) {
                comparisons.add(new Comparison(workload, run(runner, workload, Contender.BRIDGE),
                        run(runner, workload, Contender.BASELINE)));
            }
        }

        List<TargetCheck> checks = Targets.check(comparisons, settings.pipelineProperties());
        ResultsTable.print(System.out, machine, settings, comparisons, checks);
        Path json = settings.outputDir().resolve("results.json");
        ResultsJson.write(json, machine, settings, comparisons, checks);
        say("Figures written to " + json);
    }

    private static RunResult run(WorkloadRunner runner, Workload workload, Contender contender) {
        say("%s, %s: %d changes ...".formatted(workload.name(), contender.label(), workload.changesFor(contender)));
        RunResult result = runner.run(workload, contender);
        say(result.succeeded()
                ? "  %.0f changes/s".formatted(result.figures().changesPerSecond())
                : "  failed: " + result.failure());
        return result;
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
