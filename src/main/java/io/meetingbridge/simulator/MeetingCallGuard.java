package io.meetingbridge.simulator;

import java.util.Optional;

/**
 * What every meeting call goes through before its operation, in the order a real gateway and service
 * would: the configured latency, an injected fault, the access token.
 */
record MeetingCallGuard(MeetingOperation operation, FaultPlan faults, TokenRegistry tokens, ApiEndpoint endpoint)
        implements ApiEndpoint {

    static final String ACCESS_TOKEN_HEADER = "X-Access-Token";

    @Override
    public ApiResponse answer(ApiRequest request) throws InvalidFieldException {
        faults.applyCallLatency();
        Optional<ApiResponse> fault = faults.takeFault(operation, request.namedConferenceID());
        if (fault.isPresent()) {
            return fault.get();
        }
        if (!tokens.isLive(request.header(ACCESS_TOKEN_HEADER))) {
            return ApiResponse.error(401, MeetingErrors.TOKEN_INVALID, "token invalid or expired");
        }
        return endpoint.answer(request);
    }
}
