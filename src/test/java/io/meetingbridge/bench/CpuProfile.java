package io.meetingbridge.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a pipeline's CPU went, from the execution samples of its JFR recording: each sample counts for the
 * first library on its stack, read from the running frame down. JDK frames count for the library that called
 * them (a HashMap lookup inside Camel is Camel's), except the JDK's own HTTP client, a component of its own.
 */
record CpuProfile(Path recording, int samples, Map<String, Double> shares) {

    /** In order: a frame counts for the first component whose prefixes its class name starts with. */
    private static final List<Component> COMPONENTS = List.of(
            new Component("HTTP (JDK HttpClient)", "jdk.internal.net.http."),
            new Component("Kafka client", "org.apache.kafka."),
            new Component("HTTP (camel-http, HttpClient 5)",
                    "org.apache.hc.", "org.apache.camel.component.http.", "org.apache.camel.http."),
            new Component("camel-kafka", "org.apache.camel.component.kafka."),
            new Component("metrics (Micrometer)", "org.apache.camel.component.micrometer.", "io.micrometer."),
            new Component("Camel engine", "org.apache.camel."),
            new Component("Jackson", "com.fasterxml.jackson."),
            new Component("JSON Schema validation", "com.networknt."),
            new Component("the pipeline's own code", "io.meetingbridge."),
            new Component("logging", "org.apache.logging.", "org.slf4j."),
            new Component("Resilience4j", "io.github.resilience4j."));
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");
    private static final String JDK_ONLY = "JDK only (GC, threads, I/O)";

    static CpuProfile of(Path recording) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                counts.merge(componentOf(event.getStackTrace().getFrames()), 1, Integer::sum);
                samples++;
            }
        }
        int total = Math.max(samples, 1);
        Map<String, Double> shares = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> 100.0 * e.getValue() / total, (a, b) -> a,
                        LinkedHashMap::new));
        return new CpuProfile(recording, samples, shares);
    }

    /** {@code Kafka client 26%, Camel engine 22%, HTTP 14%}: the {@code n} biggest. */
    String biggest(int n) {
        return shares.entrySet().stream().limit(n)
                .map(e -> "%s %.0f%%".formatted(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String componentOf(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Component component : COMPONENTS) {
                if (component.prefixes().stream().anyMatch(type::startsWith)) {
                    return component.name();
                }
            }
            if (JDK.stream().noneMatch(type::startsWith)) {
                return "other libraries";
            }
        }
        return JDK_ONLY;
    }

    private record Component(String name, List<String> prefixes) {

        Component(String name, String... prefixes) {
            this(name, List.of(prefixes));
        }
    }
}
