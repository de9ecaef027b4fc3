package io.meetingbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Java process started by a test (a packaged bridge, a broker, the replay command, a benchmark
 * pipeline), its output going to a log file. Settings go on the command line as {@code -Dkey=value},
 * except the App key: it goes through the environment only, since any process listing shows a command line.
 */
public final class ChildJvm {

    /**
     * C1 only and one GC thread: such a JVM is up in a third of the time on a small, busy machine (the
     * code it runs is the same), which keeps restarts short.
     */
    public static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** The setting a command line must never carry. */
    private static final String APP_KEY_SETTING = "meeting.auth.app-key";

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread reaper;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        // a test that dies half-way must not leave brokers and bridges running
        this.reaper = new Thread(process::destroyForcibly, name + "-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** This test JVM's own java executable. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code -Dkey=value} for each setting; the App key is refused here (see {@link #appKeyEnvironment}). */
    public static List<String> systemProperties(Map<String, String> settings) {
        List<String> arguments = new ArrayList<>();
        settings.forEach((key, value) -> {
            if (key.equalsIgnoreCase(APP_KEY_SETTING)) {
                throw new IllegalArgumentException(APP_KEY_SETTING + " goes through the environment, not -D");
            }
            arguments.add("-D" + key + "=" + value);
        });
        return arguments;
    }

    /** The environment that gives a child bridge the tests' App key (Camel maps it to meeting.auth.app-key). */
    public static Map<String, String> appKeyEnvironment() {
        return Map.of("MEETING_AUTH_APP_KEY", TestCredentials.APP_KEY);
    }

    /** Starts {@code java <arguments>} with these extra environment variables. */
    public static ChildJvm start(String name, List<String> arguments, Map<String, String> environment, Path log) {
        return start(name, arguments, environment, log, null);
    }

    /** As {@link #start(String, List, Map, Path)}, in {@code workingDirectory} (null: this JVM's). */
    public static ChildJvm start(String name, List<String> arguments, Map<String, String> environment, Path log,
                                 Path workingDirectory) {
        if (arguments.stream().anyMatch(argument -> argument.toLowerCase().startsWith("-d" + APP_KEY_SETTING))) {
            throw new IllegalArgumentException(APP_KEY_SETTING + " goes through the environment, not -D");
        }
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(arguments);
        return launch(name, command, environment, log, workingDirectory);
    }

    /** Starts {@code command} (a launcher script, say) as {@link #start(String, List, Map, Path, Path)} starts java. */
    public static ChildJvm launch(String name, List<String> command, Map<String, String> environment, Path log,
                                  Path workingDirectory) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().putAll(environment);
        try {
            return new ChildJvm(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** kill -9: no shutdown hook runs, nothing is flushed or committed on the way out. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM, then waits for a graceful exit; fails if the process outlives the grace period. */
    public void stop(Duration grace) {
        if (!terminate(grace)) {
            throw new IllegalStateException(name + " did not exit within " + grace + " of SIGTERM, see " + log);
        }
    }

    /**
     * SIGTERM, as an orchestrator would stop it; killed if it has not exited within the grace period.
     * Whether it exited by itself in time.
     */
    public boolean terminate(Duration grace) {
        process.destroy();
        if (waitFor(grace)) {
            return true;
        }
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
        return false;
    }

    /** Runs the process to its end and fails unless it exits with status 0. */
    public void awaitSuccess(Duration timeout) {
        if (!waitFor(timeout)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish within " + timeout + ", see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " exited with status " + process.exitValue() + ", see " + log);
        }
    }

    /** Waits for the process to exit; whether it did within {@code timeout}. */
    public boolean waitFor(Duration timeout) {
        try {
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (exited) {
                forgetReaper();
            }
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to exit", e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Everything the process wrote so far, stdout and stderr. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    private void forgetReaper() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway and finds the process gone
        }
    }
}
