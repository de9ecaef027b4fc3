package io.meetingbridge.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The pipelines the benchmark compares, and how each is started in a JVM of its own: the bridge, and
 * the two hand-written baselines of {@link BaselineMain}. Every ratio is the bridge's against the
 * concurrent baseline; the sequential one is a second row.
 */
enum Contender {

    BRIDGE("bridge", true) {
        @Override
        List<String> launch(BenchSettings settings) {
            return List.of("-jar", settings.bridgeJar().toString());
        }
    },
    CONCURRENT_BASELINE(BaselineMain.CONCURRENT, false) {
        @Override
        List<String> launch(BenchSettings settings) {
            return List.of("-cp", testClasspath(), BaselineMain.class.getName(), BaselineMain.CONCURRENT);
        }
    },
    SEQUENTIAL_BASELINE(BaselineMain.SEQUENTIAL, false) {
        @Override
        List<String> launch(BenchSettings settings) {
            return List.of("-cp", testClasspath(), BaselineMain.class.getName(), BaselineMain.SEQUENTIAL);
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

    /**
     * The classpath the benchmark itself was loaded from. Under {@code exec:java} that is the plugin's
     * class loader; java.class.path would name Maven's own launcher.
     */
    private static String testClasspath() {
        if (Contender.class.getClassLoader() instanceof URLClassLoader loader) {
            return Arrays.stream(loader.getURLs()).map(url -> {
                try {
                    return Path.of(url.toURI()).toString();
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("classpath entry is not a file: " + url, e);
                }
            }).collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }
}
