package io.meetingbridge.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Java process started by this one, its output going to a log file. */
final class ChildJvm {

    /**
     * C1 only and one GC thread: such a JVM is up in a third of the time on a small, busy machine (the
     * code it runs is the same), which keeps restarts short.
     */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java <arguments>} with these extra environment variables (a secret goes there,
     * not on the command line, where any process listing would show it).
     */
    static ChildJvm start(String name, List<String> arguments, Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            // a test that dies half-way must not leave brokers and bridges running
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-reaper"));
            return new ChildJvm(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** kill -9: no shutdown hook runs, nothing is flushed or committed on the way out. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, then waits for a graceful exit; fails if the process outlives the grace period. */
    void stop(Duration grace) {
        process.destroy();
        if (!awaitExit(grace)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not exit within " + grace + " of SIGTERM, see " + log);
        }
    }

    /** Runs the process to its end and fails unless it exits with status 0. */
    void awaitSuccess(Duration timeout) {
        if (!awaitExit(timeout)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish within " + timeout + ", see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " exited with status " + process.exitValue() + ", see " + log);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to exit", e);
        }
    }
}
