package io.meetingbridge.security;

import io.meetingbridge.ops.BridgeManagement;
import io.meetingbridge.testing.HttpCalls;
import io.meetingbridge.testing.JolokiaClient;
import io.meetingbridge.testing.RunningBridge;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.management.ObjectName;

/** What an operator sees of a running bridge: its /observe endpoints (Jolokia included) and its access-token MBean. */
final class OperatorView {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final RunningBridge bridge;

    OperatorView(RunningBridge bridge) {
        this.bridge = bridge;
    }

    HttpResponse<String> get(String path) {
        return HttpCalls.send(HTTP, HttpRequest.newBuilder(URI.create(bridge.managementUrl() + path)).build());
    }

    /** Every attribute Jolokia lets an operator read, of every MBean it shows, as its JSON answer. */
    String jolokiaReadAll() {
        return JolokiaClient.of(bridge)
                .send(Map.of("type", "read", "mbean", "*:*", "config", Map.of("ignoreErrors", true))).toString();
    }

    HttpResponse<String> readiness() {
        return get("/observe/health/ready");
    }

    /** An attribute of the bridge's access-token MBean, e.g. {@code LastFailureReason}. */
    Object tokenAttribute(String name) {
        try {
            ObjectName token = BridgeManagement.objectName(bridge.context().getName(), BridgeManagement.TOKEN_MBEAN);
            return ManagementFactory.getPlatformMBeanServer().getAttribute(token, name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the token MBean's " + name, e);
        }
    }

    long authenticationFailures() {
        return (Long) tokenAttribute("AuthenticationFailures");
    }
}
