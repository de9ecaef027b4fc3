package io.meetingbridge.ops;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A readiness check that is DOWN, with the reason in the health body, while its condition names a
 * problem, and UP again by itself once the problem is gone.
 */
public final class ReadinessCheck extends AbstractHealthCheck {

    private final Supplier<String> problem;

    /** @param problem the current problem in one sentence, or null when there is none */
    public ReadinessCheck(String id, Supplier<String> problem) {
        super("bridge", id);
        this.problem = problem;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String reason = problem.get();
        if (reason == null) {
            builder.up();
        } else {
            builder.detail("reason", reason).message(reason).down();
        }
    }
}
