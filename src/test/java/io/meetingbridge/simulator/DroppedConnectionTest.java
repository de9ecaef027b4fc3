package io.meetingbridge.simulator;

import static io.meetingbridge.simulator.SimulatorTestClient.CONFERENCE_ID;
import static io.meetingbridge.simulator.SimulatorTestClient.WEEKLY_SERIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A dropped connection as Apache HttpClient 5, the client under camel-http, sees it. Its default
 * retry strategy repeats an idempotent request (PUT, DELETE) once on a connection that closed
 * unanswered, so a test of a client left with that default must arm two drops to see one failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DroppedConnectionTest extends SimulatorTestBase {

    private int putStatus(CloseableHttpClient http) throws IOException {
        HttpPut put = new HttpPut(simulator.baseUri() + CycleConferenceEndpoint.PATH
                + "?conferenceID=" + CONFERENCE_ID);
        put.setHeader("X-Access-Token", token);
        put.setEntity(new StringEntity(WEEKLY_SERIES, ContentType.APPLICATION_JSON));
        return http.execute(put, response -> response.getCode());
    }

    @Test
    void apacheClientWithoutRetriesSeesAnIoException() throws IOException {
        simulator.faults().failNextPuts(1, ApiResponse.dropConnection());

        try (CloseableHttpClient http = HttpClients.custom().disableAutomaticRetries().build()) {
            assertThatThrownBy(() -> putStatus(http)).isInstanceOf(IOException.class);
            assertThat(putStatus(http)).isEqualTo(200);
        }
        assertThat(simulator.traffic().putCalls()).isEqualTo(2);
    }

    @Test
    void apacheClientByDefaultRepeatsADroppedPutOnce() throws IOException {
        simulator.faults().failNextPuts(2, ApiResponse.dropConnection());

        try (CloseableHttpClient http = HttpClients.createDefault()) {
            assertThatThrownBy(() -> putStatus(http)).isInstanceOf(IOException.class);
        }
        assertThat(simulator.traffic().putCalls()).isEqualTo(2);
    }
}
