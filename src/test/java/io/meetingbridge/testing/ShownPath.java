package io.meetingbridge.testing;

import java.nio.file.Path;

/** A path as the tests' and tools' output shows it: relative to the working directory, naming no path of the machine. */
public final class ShownPath {

    private ShownPath() {
    }

    public static String of(Path path) {
        return Path.of("").toAbsolutePath().relativize(path.toAbsolutePath()).toString();
    }
}
