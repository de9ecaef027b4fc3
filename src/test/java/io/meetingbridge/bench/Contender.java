package io.meetingbridge.bench;

import io.meetingbridge.ArchiveTraining;
import io.meetingbridge.testing.TestClasspath;
import java.util.List;

/**
 * The pipelines the benchmark compares, and how each is started in a JVM of its own: the bridge, and
 * the two hand-written baselines of {@link BaselineMain}. Every ratio is the bridge's against the
 * concurrent baseline; the sequential one is a second row.
 */
enum Contender {

    BRIDGE("bridge", true) {
        @Override
        List<String> launch(BenchSettings settings) {
            // with the class-data archive of mvn package, as bin/run-bridge starts it
            return List.of("-XX:SharedArchiveFile=" + ArchiveTraining.archiveOf(settings.bridgeJar()), "-Xshare:auto",
                    "-jar", settings.bridgeJar().toString());
        }
    },
    CONCURRENT_BASELINE(BaselineMain.CONCURRENT, false) {
        @Override
        List<String> launch(BenchSettings settings) {
            return List.of("-cp", TestClasspath.current(), BaselineMain.class.getName(), BaselineMain.CONCURRENT);
        }
    },
    SEQUENTIAL_BASELINE(BaselineMain.SEQUENTIAL, false) {
        @Override
        List<String> launch(BenchSettings settings) {
            return List.of("-cp", TestClasspath.current(), BaselineMain.class.getName(), BaselineMain.SEQUENTIAL);
        }
    };

    private final String label;
    private final boolean servesReadiness;

    Contender(String label, boolean servesReadiness) {
        this.label = label;
        this.servesReadiness = servesReadiness;
    }

    String label() {
        return label;
    }

    /** Whether it answers {@link ReadinessProbe#PATH}: the baselines have no health endpoint. */
    boolean servesReadiness() {
        return servesReadiness;
    }

    /** The java arguments after the JVM options: what to run. */
    abstract List<String> launch(BenchSettings settings);
}
