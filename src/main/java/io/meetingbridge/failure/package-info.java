/**
 * The failure policy, one home: what is retried, what is dead-lettered with which reason, what pauses
 * consumption. Each row of the README's failure table is one rule of
 * {@code routes/meeting-series-bridge.camel.yaml} (its id in brackets), decided by a class here:
 * <ul>
 *   <li>value not JSON or invalid: {@code change.InvalidChangeException} [on-invalid-change],
 *       {@link io.meetingbridge.failure.DeadLetterReason#INVALID_MESSAGE};</li>
 *   <li>a 4xx or 500 answer: {@link io.meetingbridge.failure.FailureClassifier#isFinal} [not-retried],
 *       then {@link io.meetingbridge.failure.DeadLetterReason#REJECTED} [on-change-rejected];</li>
 *   <li>401: {@link io.meetingbridge.failure.FailureClassifier#isTokenRejected} [retry-with-fresh-token];</li>
 *   <li>408, 429, 502, 503, 504, no answer: {@link io.meetingbridge.failure.FailureClassifier#isTransient}
 *       [retry-with-backoff], then {@link io.meetingbridge.failure.DeadLetterReason#RETRIES_EXHAUSTED}
 *       [on-retries-exhausted];</li>
 *   <li>the API fails for most calls: {@link io.meetingbridge.failure.ApiCircuit} opens,
 *       {@link io.meetingbridge.failure.ApiUnavailableException} [on-api-unavailable] pauses consumption;</li>
 *   <li>no access token: {@link io.meetingbridge.failure.AuthUnavailableException} pauses consumption
 *       [on-lane-failed];</li>
 *   <li>a 2xx answer that is not the documented one: {@link io.meetingbridge.failure.UnexpectedApiAnswerException}
 *       [on-change-rejected];</li>
 *   <li>the series ledger's: {@link io.meetingbridge.failure.SupersededChangeException} [on-superseded-change],
 *       {@link io.meetingbridge.failure.NeedsReviewException} [on-needs-review];</li>
 *   <li>a cancel of what the API no longer knows is done:
 *       {@link io.meetingbridge.failure.FailureClassifier#isMeetingGone} [on-meeting-gone].</li>
 * </ul>
 * {@link io.meetingbridge.failure.Failure} turns the exception that ended a record into the dead letter's
 * detail sentence and API fields; {@code deadletter.DeadLetterRecords} owns what a dead-letter record carries.
 * This package imports nothing else of the bridge: {@code api}, {@code auth} and the routes use it.
 */
package io.meetingbridge.failure;
