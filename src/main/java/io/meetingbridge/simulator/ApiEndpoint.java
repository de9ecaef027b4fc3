package io.meetingbridge.simulator;

/** One simulated Meeting API operation. */
@FunctionalInterface
interface ApiEndpoint {

    ApiResponse answer(ApiRequest request);
}
