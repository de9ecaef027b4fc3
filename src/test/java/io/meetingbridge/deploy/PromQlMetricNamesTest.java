package io.meetingbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PromQlMetricNamesTest {

    @Test
    void findsTheSelectedMetricsAndNotFunctionsLabelsDurationsOrKeywords() {
        assertThat(PromQlMetricNames.of("sum by (job, reason) (rate(a_total{job=\"x\",reason=~\"r.*\"}[5m])) * 60 > 5"))
                .containsExactly("a_total");
        assertThat(PromQlMetricNames.of("max by (job) (lag) > 1000 and max(lag) > max(lag offset 15m) unless on(job) b"))
                .containsExactly("b", "lag");
        assertThat(PromQlMetricNames.of("sum(rate(x_sum[$__rate_interval])) / sum(rate(x_count[$__rate_interval]))"))
                .containsExactly("x_count", "x_sum");
        assertThat(PromQlMetricNames.of("absent(up{job=\"meeting-series-bridge\"} == 1)")).containsExactly("up");
    }
}
