package io.meetingbridge.simulator;

/** One simulated Meeting API operation. */
@FunctionalInterface
interface ApiEndpoint {

    /** @throws InvalidFieldException for a query or body the real service refuses as invalid (400 MMC.111070001) */
    ApiResponse answer(ApiRequest request) throws InvalidFieldException;
}
