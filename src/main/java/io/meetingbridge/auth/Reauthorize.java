package io.meetingbridge.auth;

import io.meetingbridge.failure.AuthUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The redelivery hook of the 401 row: drop the rejected token and put a fresh one on the request. When
 * no fresh token can be had, the retry is called off and the failure is authentication's: Camel would
 * otherwise ignore an exception here and resend the request with the rejected token.
 */
public final class Reauthorize implements Processor {

    private final RequestAuthorization tokens;

    public Reauthorize(RequestAuthorization tokens) {
        this.tokens = tokens;
    }

    @Override
    public void process(Exchange exchange) {
        try {
            tokens.reauthorize(exchange);
        } catch (AuthUnavailableException e) {
            exchange.setException(e);
            exchange.setRouteStop(true);
        }
    }
}
