package io.meetingbridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages of the main code form layers: no package reaches back into one that reaches it, the failure
 * policy belongs to neither {@code api} nor {@code auth}, and the simulator (a fake of an outside service)
 * shares no code with the bridge it checks. Read from the sources: every {@code io.meetingbridge.<package>.<Type>}
 * they name, imported or written out.
 */
class PackageLayersTest {

    private static final Path MAIN = Path.of("src/main/java/io/meetingbridge");
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.meetingbridge\\.(?:([a-z]+)\\.)?[A-Z]");
    private static final String ROOT = "(root)";

    private static final Map<String, Set<String>> USES = new TreeMap<>();

    @BeforeAll
    static void readTheSources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path dir = MAIN.relativize(file.getParent());
                String from = dir.toString().isEmpty() ? ROOT : dir.toString();
                Set<String> uses = USES.computeIfAbsent(from, p -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(Files.readString(file));
                while (reference.find()) {
                    String to = reference.group(1) == null ? ROOT : reference.group(1);
                    if (!to.equals(from)) {
                        uses.add(to);
                    }
                }
            }
        }
        assertThat(USES).containsKeys("api", "auth", "change", "failure", "ledger", "simulator");
    }

    @Test
    void noPackageDependsOnOneThatDependsOnIt() {
        List<String> cycles = new ArrayList<>();
        for (String start : USES.keySet()) {
            for (String next : USES.get(start)) {
                if (reaches(next, start, new TreeSet<>())) {
                    cycles.add(start + " -> " + next + " -> ... -> " + start);
                }
            }
        }

        assertThat(cycles).as("package cycles in %s", USES).isEmpty();
    }

    @Test
    void theFailurePolicyUsesNeitherTheApiNorAuthentication() {
        assertThat(USES.get("failure")).doesNotContain("api", "auth", ROOT);
    }

    @Test
    void theSimulatorSharesNoCodeWithTheBridge() {
        assertThat(USES.get("simulator")).isEmpty();
        USES.forEach((from, uses) -> assertThat(uses).as(from).doesNotContain("simulator"));
    }

    @Test
    void nothingReachesBackIntoTheWiring() {
        USES.forEach((from, uses) -> assertThat(uses).as(from).doesNotContain(ROOT));
    }

    private static boolean reaches(String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        return USES.getOrDefault(from, Set.of()).stream().anyMatch(next -> reaches(next, target, seen));
    }
}
