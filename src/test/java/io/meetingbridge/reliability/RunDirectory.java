package io.meetingbridge.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import io.meetingbridge.testing.ShownPath;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The files of one run (the log of every JVM started) under the build directory. */
final class RunDirectory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path root;
    private final Map<String, AtomicInteger> startsByName = new ConcurrentHashMap<>();

    private RunDirectory(Path root) {
        this.root = root;
    }

    /** {@code <build dir>/reliability/<run>-<timestamp>}, the build dir being where the bridge jar was packaged. */
    static RunDirectory create(String run) {
        Path buildDir = BridgeJvm.jar().toAbsolutePath().getParent();
        Path root = buildDir.resolve("reliability").resolve(run + "-" + LocalDateTime.now().format(STAMP));
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
        return new RunDirectory(root);
    }

    Path root() {
        return root;
    }

    /** Where the logs are, relative to the working directory: what a test prints names no path of the machine. */
    @Override
    public String toString() {
        return ShownPath.of(root);
    }

    /** A fresh log file for each start of a process: {@code bridge-a-1.log}, {@code bridge-a-2.log}, ... */
    Path nextLog(String processName) {
        int start = startsByName.computeIfAbsent(processName, k -> new AtomicInteger()).incrementAndGet();
        return root.resolve(processName + "-" + start + ".log");
    }
}
