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

    /** Package prefixes and the component they belong to; the first that matches wins. */
    private static final Map<String, String> COMPONENTS = components();
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
            for (Map.Entry<String, String> component : COMPONENTS.entrySet()) {
                if (type.startsWith(component.getKey())) {
                    return component.getValue();
                }
            }
            if (JDK.stream().noneMatch(type::startsWith)) {
                return "other libraries";
            }
        }
        return JDK_ONLY;
    }

    private static Map<String, String> components() {
        Map<String, String> components = new LinkedHashMap<>();
        components.put("jdk.internal.net.http.", "HTTP (JDK HttpClient)");
        components.put("org.apache.kafka.", "Kafka client");
        components.put("org.apache.hc.", "HTTP (camel-http, HttpClient 5)");
        components.put("org.apache.camel.component.http.", "HTTP (camel-http, HttpClient 5)");
        components.put("org.apache.camel.http.", "HTTP (camel-http, HttpClient 5)");
        components.put("org.apache.camel.component.kafka.", "camel-kafka");
        components.put("org.apache.camel.component.micrometer.", "metrics (Micrometer)");
        components.put("io.micrometer.", "metrics (Micrometer)");
        components.put("org.apache.camel.", "Camel engine");
        components.put("com.fasterxml.jackson.", "Jackson");
        components.put("com.networknt.", "JSON Schema validation");
        components.put("io.meetingbridge.", "the pipeline's own code");
        components.put("org.apache.logging.", "logging");
        components.put("org.slf4j.", "logging");
        components.put("io.github.resilience4j.", "Resilience4j");
        return components;
    }
}
