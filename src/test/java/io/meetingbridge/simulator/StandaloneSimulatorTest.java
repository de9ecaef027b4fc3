package io.meetingbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.meetingbridge.testing.TestClasspath;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulator as operators run it: its own JVM, credentials from the environment, stopped by SIGTERM. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StandaloneSimulatorTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://0\\.0\\.0\\.0:(\\d+) ");

    @Test
    void runsFromMainWithEnvironmentCredentialsAndStopsOnSigterm() throws Exception {
        ProcessBuilder command = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", TestClasspath.current(), MeetingApiSimulator.class.getName(), "0")
                .redirectErrorStream(true);
        command.environment().put("SIMULATOR_APP_ID", SimulatorTestClient.APP_ID);
        command.environment().put("SIMULATOR_APP_KEY", SimulatorTestClient.APP_KEY);
        Process simulator = command.start();
        try {
            BufferedReader output = new BufferedReader(
                    new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8));
            String firstLine = assertTimeoutPreemptively(Duration.ofSeconds(30), output::readLine);

            Matcher listening = LISTENING.matcher(firstLine);
            assertThat(listening.find()).as(firstLine).isTrue();
            assertThat(firstLine).doesNotContain(SimulatorTestClient.APP_KEY);
            SimulatorTestClient client = new SimulatorTestClient(
                    URI.create("http://127.0.0.1:" + listening.group(1)), HttpClient.newHttpClient());
            assertThat(client.putSeries(client.accessToken()).statusCode()).isEqualTo(200);

            simulator.destroy(); // SIGTERM
            assertThat(simulator.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(simulator.exitValue()).isEqualTo(143); // 128 + SIGTERM: the JVM's orderly shutdown
            assertThatThrownBy(client::authenticate).isInstanceOf(UncheckedIOException.class);
        } finally {
            simulator.destroyForcibly();
        }
    }
}
