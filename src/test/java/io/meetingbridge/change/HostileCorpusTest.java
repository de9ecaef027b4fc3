package io.meetingbridge.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every record of src/test/resources/hostile through the parser and the validator and checks
 * the dlq-detail sentence listed for it in expected.tsv. Values too big to keep as files are listed
 * there as {@code generated:<name>} and built here.
 */
class HostileCorpusTest {

    private static final String CORPUS = "/hostile/";
    private static final String EXPECTED = "expected.tsv";
    private static final String GENERATED = "generated:";

    private static final Map<String, Supplier<byte[]>> GENERATED_VALUES = Map.of(
            "2mb-value", ChangeSamples::twoMebibyteValue,
            "10000-deep-nesting", ChangeSamples::tenThousandDeepNesting,
            "100000-attendees", ChangeSamples::hundredThousandAttendees);

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyHostileRecordGetsItsSentence(String name, String sentence) throws IOException {
        ChangeSamples.assertRejected(value(name), sentence);
    }

    @Test
    void everyFileOfTheCorpusHasASentence() throws IOException, URISyntaxException {
        Path directory = Path.of(HostileCorpusTest.class.getResource(CORPUS).toURI());
        List<String> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> !n.equals(EXPECTED)).toList();
        }
        List<String> listed = corpus().map(a -> (String) a.get()[0]).filter(n -> !n.startsWith(GENERATED)).toList();

        assertThat(files).hasSizeGreaterThanOrEqualTo(60).containsExactlyInAnyOrderElementsOf(listed);
    }

    static Stream<Arguments> corpus() throws IOException {
        try (InputStream in = HostileCorpusTest.class.getResourceAsStream(CORPUS + EXPECTED)) {
            String tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return tsv.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", 2))
                    .map(fields -> Arguments.of(fields[0], fields[1]))
                    .toList().stream();
        }
    }

    private static byte[] value(String name) throws IOException {
        if (name.startsWith(GENERATED)) {
            return GENERATED_VALUES.get(name.substring(GENERATED.length())).get();
        }
        try (InputStream in = HostileCorpusTest.class.getResourceAsStream(CORPUS + name)) {
            return in.readAllBytes();
        }
    }
}
