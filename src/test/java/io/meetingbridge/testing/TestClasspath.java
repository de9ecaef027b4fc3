package io.meetingbridge.testing;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The classpath these test classes were loaded from, for a child JVM that needs the same (a Kafka broker). */
public final class TestClasspath {

    private TestClasspath() {
    }

    public static String current() {
        // exec:java loads the test classpath into a class loader of its own; failsafe puts it in java.class.path
        if (TestClasspath.class.getClassLoader() instanceof URLClassLoader loader) {
            return Arrays.stream(loader.getURLs())
                    .map(TestClasspath::path)
                    .collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String path(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("not a file on the classpath: " + url, e);
        }
    }
}
