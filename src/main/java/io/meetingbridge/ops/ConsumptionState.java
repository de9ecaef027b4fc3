package io.meetingbridge.ops;

import io.meetingbridge.failure.ApiCircuit;
import io.meetingbridge.auth.RequestAuthorization;

/** Whether the bridge is holding back its input, and why: no access token, or the API is down. */
public final class ConsumptionState {

    private final RequestAuthorization tokens;
    private final ApiCircuit circuit;

    public ConsumptionState(RequestAuthorization tokens, ApiCircuit circuit) {
        this.tokens = tokens;
        this.circuit = circuit;
    }

    /** Null while authentication works. */
    public String authenticationProblem() {
        String failure = tokens.currentFailure();
        return failure == null ? null : "no access token: " + failure;
    }

    /** Null while the circuit to the Meeting API is closed. */
    public String apiProblem() {
        return circuit.isOpen() ? "Meeting API circuit " + circuit.state() + ": " + circuit.describe() : null;
    }

    public boolean isPaused() {
        return reason() != null;
    }

    /** Why consumption is paused, or null when it is not. */
    public String reason() {
        String auth = authenticationProblem();
        return auth != null ? auth : apiProblem();
    }
}
