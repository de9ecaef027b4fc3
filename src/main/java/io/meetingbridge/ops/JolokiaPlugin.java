package io.meetingbridge.ops;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.Utils;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.plugin.JolokiaPlatformHttpPlugin;
import org.apache.camel.support.service.ServiceSupport;
import org.jolokia.core.api.LogHandler;
import org.jolokia.json.JSONStructure;
import org.jolokia.server.core.config.ConfigKey;
import org.jolokia.server.core.config.StaticConfiguration;
import org.jolokia.server.core.http.HttpRequestHandler;
import org.jolokia.server.core.service.JolokiaServiceManagerFactory;
import org.jolokia.server.core.service.api.JolokiaServiceManager;
import org.jolokia.service.jmx.LocalRequestHandler;
import org.jolokia.service.serializer.JolokiaSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jolokia on the management server (camel.management.jolokia-enabled), under the bridge's {@link JolokiaPolicy}.
 * Camel's own plugin always reads the policy from one classpath name and cannot take a restrictor, so this one,
 * bound as "jolokia", takes its place.
 */
public final class JolokiaPlugin extends ServiceSupport implements JolokiaPlatformHttpPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(JolokiaPlugin.class);

    private final JolokiaServiceManager services;
    private CamelContext camelContext;
    private HttpRequestHandler jolokia;

    public JolokiaPlugin(JolokiaPolicy policy) {
        services = JolokiaServiceManagerFactory.createJolokiaServiceManager(
                new StaticConfiguration(ConfigKey.AGENT_ID, agentId()), new Slf4jLog(), policy);
        services.addService(new JolokiaSerializer());
        services.addService(new LocalRequestHandler(1));
    }

    /** Unique in the JVM: Jolokia registers an MBean under it. */
    private String agentId() {
        return "meeting-series-bridge-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(System.identityHashCode(this));
    }

    @Override
    protected void doStart() {
        jolokia = new HttpRequestHandler(services.start());
    }

    @Override
    protected void doStop() {
        services.stop();
    }

    @Override
    public String getId() {
        return NAME;
    }

    @Override
    public Object getHandler() {
        return (Handler<RoutingContext>) this::answer;
    }

    /** Jolokia answers in JSON, refusals and failures included, with their status inside the body. */
    private void answer(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        JSONStructure json;
        try {
            String client = request.remoteAddress().host();
            jolokia.checkAccess(request.scheme(), client, client, originOf(request));
            json = request.method() == HttpMethod.GET
                    ? jolokia.handleGetRequest(request.uri(), Utils.pathOffset(request.path(), routing),
                            parameters(request.params()))
                    : jolokia.handlePostRequest(request.uri(), new ByteArrayInputStream(routing.body().buffer().getBytes()),
                            StandardCharsets.UTF_8.name(), parameters(request.params()));
        } catch (Exception e) {
            json = jolokia.handleThrowable(e);
        }
        routing.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(json.toJSONString());
    }

    private static Map<String, String[]> parameters(MultiMap params) {
        Map<String, String[]> parameters = new HashMap<>();
        params.names().forEach(name -> parameters.put(name, params.getAll(name).toArray(new String[0])));
        return parameters;
    }

    private static String originOf(HttpServerRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin != null ? origin : request.getHeader(HttpHeaders.REFERER);
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    private static final class Slf4jLog implements LogHandler {
        @Override
        public void debug(String message) {
            LOG.debug(message);
        }

        @Override
        public void info(String message) {
            LOG.info(message);
        }

        @Override
        public void error(String message, Throwable t) {
            LOG.error(message, t);
        }

        @Override
        public boolean isDebug() {
            return LOG.isDebugEnabled();
        }
    }
}
