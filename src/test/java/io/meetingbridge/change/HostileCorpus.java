package io.meetingbridge.change;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The hostile records of src/test/resources/hostile with the dlq-detail sentence each must get
 * (expected.tsv). Values too big to keep as files are listed as {@code generated:<name>} and built here.
 */
public final class HostileCorpus {

    static final String DIRECTORY = "/hostile/";
    static final String EXPECTED = "expected.tsv";
    static final String GENERATED = "generated:";

    private static final Map<String, Supplier<byte[]>> GENERATED_VALUES = Map.of(
            "2mb-value", ChangeSamples::twoMebibyteValue,
            "10000-deep-nesting", ChangeSamples::tenThousandDeepNesting,
            "100000-attendees", ChangeSamples::hundredThousandAttendees);

    private HostileCorpus() {
    }

    /** One hostile record: its name in expected.tsv, and the sentence it must get. */
    public record Case(String name, String sentence) {

        public byte[] value() {
            if (name.startsWith(GENERATED)) {
                return GENERATED_VALUES.get(name.substring(GENERATED.length())).get();
            }
            try (InputStream in = HostileCorpus.class.getResourceAsStream(DIRECTORY + name)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Case> cases() {
        try (InputStream in = HostileCorpus.class.getResourceAsStream(DIRECTORY + EXPECTED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", 2))
                    .map(fields -> new Case(fields[0], fields[1]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
