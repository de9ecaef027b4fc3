package io.meetingbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The machine the figures came from: they mean little without it. */
record Machine(int processors, String cpuModel, long memoryMegabytes, String javaVersion, String javaVm) {

    static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                procValue("/proc/cpuinfo", "model name"),
                Long.parseLong(procValue("/proc/meminfo", "MemTotal").replaceAll("\\D", "")) / 1024,
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"));
    }

    /** The value of the first {@code name: value} line of a /proc file. */
    private static String procValue(String file, String name) {
        try (Stream<String> lines = Files.lines(Path.of(file))) {
            return lines.filter(line -> line.startsWith(name))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    String summary() {
        return "%d x %s, %d MB, %s %s".formatted(processors, cpuModel, memoryMegabytes, javaVm, javaVersion);
    }
}
