package io.meetingbridge.bench;

import io.meetingbridge.testing.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One pipeline in a JVM of its own, started the same way for both contenders: the same java, heap
 * limit and GC log, settings as {@code -Dkey=value} before the main class or jar, output to a log file.
 */
final class PipelineJvm implements AutoCloseable {

    static final String MAX_HEAP = "-Xmx256m";
    private static final Duration STOP_GRACE = Duration.ofSeconds(40);

    private final ChildJvm process;
    private final long launchedAtMillis;
    private final Path log;
    private final Path gcLog;

    private PipelineJvm(ChildJvm process, long launchedAtMillis, Path gcLog) {
        requireTheSameJava(process.pid());
        this.process = process;
        this.launchedAtMillis = launchedAtMillis;
        this.log = process.log();
        this.gcLog = gcLog;
    }

    /**
     * Starts {@code contender}; its files are {@code <name>.log}, {@code <name>-gc.log} and {@code <name>.jfr}.
     * The App key goes to it through the environment, never on its command line.
     */
    static PipelineJvm launch(Contender contender, BenchSettings settings, Map<String, String> properties, String name)
            throws IOException {
        Path dir = settings.outputDir();
        Path log = log(settings, name);
        Path gcLog = dir.resolve(name + "-gc.log");
        Path recording = recording(settings, name);
        for (Path old : List.of(log, gcLog, recording)) {
            Files.deleteIfExists(old); // the GC log would otherwise be rotated, not replaced
        }
        List<String> arguments = new ArrayList<>(List.of(MAX_HEAP, "-Xlog:gc:file=" + gcLog));
        if (settings.recordsFlight()) {
            arguments.add("-XX:StartFlightRecording=settings=" + settings.flightRecording()
                    + ",dumponexit=true,filename=" + recording);
        }
        if (settings.nativeMemory()) {
            arguments.addAll(List.of("-XX:NativeMemoryTracking=summary", "-XX:+UnlockDiagnosticVMOptions",
                    "-XX:+PrintNMTStatistics"));
        }
        arguments.addAll(ChildJvm.systemProperties(properties));
        arguments.addAll(contender.launch(settings));
        long launchedAt = System.currentTimeMillis();
        ChildJvm process = ChildJvm.start(name, arguments, ChildJvm.appKeyEnvironment(), log);
        return new PipelineJvm(process, launchedAt, gcLog);
    }

    /** The pipeline's output: its own log lines, and what the JVM prints at exit. */
    static Path log(BenchSettings settings, String name) {
        return settings.outputDir().resolve(name + ".log");
    }

    static Path recording(BenchSettings settings, String name) {
        return settings.outputDir().resolve(name + ".jfr");
    }

    long launchedAtMillis() {
        return launchedAtMillis;
    }

    ProcessStats stats() {
        return ProcessStats.of(process.pid());
    }

    /**
     * Runs {@code action} while the JVM is stopped in its tracks (SIGSTOP), e.g. while its input is
     * published; returns when the JVM runs on (SIGCONT), in epoch milliseconds.
     */
    long whileFrozen(Runnable action) throws IOException, InterruptedException {
        signal("STOP");
        try {
            action.run();
        } finally {
            signal("CONT");
        }
        return System.currentTimeMillis();
    }

    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the pipeline exited with status " + process.exitValue() + ", see " + log);
        }
    }

    /** "Pause Full" lines of the GC log: complete once the JVM has stopped. */
    int fullGcs() {
        try (Stream<String> lines = Files.lines(gcLog)) {
            return (int) lines.filter(line -> line.contains("Pause Full")).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + gcLog, e);
        }
    }

    /** SIGTERM, as an orchestrator would stop it; killed if it has not shut down within the grace period. */
    @Override
    public void close() {
        process.terminate(STOP_GRACE);
    }

    /**
     * Every pipeline runs on this benchmark's own java (one binary, one version) with {@link #MAX_HEAP}: checked on
     * the running process, so a ratio never compares two JVMs.
     */
    private static void requireTheSameJava(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            Path executable = Files.readSymbolicLink(proc.resolve("exe"));
            List<String> arguments = List.of(Files.readString(proc.resolve("cmdline")).split("\0"));
            if (!executable.equals(Path.of(ChildJvm.java()).toRealPath()) || !arguments.contains(MAX_HEAP)) {
                throw new IllegalStateException("pipeline " + pid + " runs on another java or heap than "
                        + runtime() + " " + MAX_HEAP);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the command of pipeline " + pid, e);
        }
    }

    /** The java every pipeline runs on, as the report names it. */
    static String runtime() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int status = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed with status " + status);
        }
    }
}
