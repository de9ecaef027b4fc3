package io.meetingbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShownPathTest {

    @Test
    void anAbsolutePathUnderTheWorkingDirectoryIsShownRelativeToIt() {
        Path absolute = Path.of("").toAbsolutePath().resolve("target").resolve("bench");

        assertThat(ShownPath.of(absolute)).isEqualTo(Path.of("target", "bench").toString())
                .doesNotContain(Path.of("").toAbsolutePath().toString());
    }

    @Test
    void aRelativePathStaysAsItIs() {
        assertThat(ShownPath.of(Path.of("target", "reliability"))).isEqualTo(Path.of("target", "reliability").toString());
    }
}
