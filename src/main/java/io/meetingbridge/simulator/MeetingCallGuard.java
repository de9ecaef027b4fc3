package io.meetingbridge.simulator;

import java.util.Optional;

/**
 * What every meeting call goes through before its operation, in the order a real gateway and service
 * would: the configured latency, an injected fault, the access token and (SP mode) its enterprise.
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
        String tenant = tokens.tenantOf(request.header(ACCESS_TOKEN_HEADER));
        if (tenant == null) {
            return ApiResponse.error(401, MeetingErrors.TOKEN_INVALID, "token invalid or expired");
        }
        if (!tokens.mayActOn(tenant, request.namedConferenceID())) {
            return ApiResponse.error(403, MeetingErrors.OTHER_TENANT, "the meeting belongs to another enterprise");
        }
        return endpoint.answer(request);
    }
}
