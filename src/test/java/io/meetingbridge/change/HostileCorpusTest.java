package io.meetingbridge.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every record of the hostile corpus through the parser and the validator and checks the
 * dlq-detail sentence listed for it.
 */
class HostileCorpusTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyHostileRecordGetsItsSentence(HostileCorpus.Case hostile) {
        ChangeSamples.assertRejected(hostile.value(), hostile.sentence());
    }

    @Test
    void everyFileOfTheCorpusHasASentence() throws IOException, URISyntaxException {
        Path directory = Path.of(HostileCorpusTest.class.getResource(HostileCorpus.DIRECTORY).toURI());
        List<String> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> !n.equals(HostileCorpus.EXPECTED)).toList();
        }
        List<String> listed = HostileCorpus.cases().stream().map(HostileCorpus.Case::name)
                .filter(n -> !n.startsWith(HostileCorpus.GENERATED)).toList();

        assertThat(files).hasSizeGreaterThanOrEqualTo(60).containsExactlyInAnyOrderElementsOf(listed);
    }

    static Stream<HostileCorpus.Case> corpus() {
        return HostileCorpus.cases().stream();
    }
}
