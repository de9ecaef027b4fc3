package io.meetingbridge.simulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A Huawei Cloud Meeting API look-alike on a real HTTP(S) server, for tests, demos and benchmarks:
 * App ID authentication, the whole life of a recurring series (create, PUT, cancel, edit and cancel
 * occurrences, detail, list; see {@link MeetingOperation}) with computed occurrences, injected faults,
 * and a record of what it received. Start one with {@link #builder()}; stop it with {@link #close()}.
 *
 * <p>Standalone: {@code java -cp meeting-series-bridge.jar io.meetingbridge.simulator.MeetingApiSimulator [port]}
 * serves on all interfaces (default port 8089) with the App ID and key from SIMULATOR_APP_ID and
 * SIMULATOR_APP_KEY (system property or environment variable). The defaults, demo-app and
 * demo-app-key, are for demos only, as is the unauthenticated control surface under /simulator/.
 */
public final class MeetingApiSimulator implements AutoCloseable {

    public static final int DEFAULT_PORT = 8089;

    // a benchmark opens many connections at once; the JDK's default backlog of 50 would refuse some
    private static final int BACKLOG = 1024;

    static {
        // The JDK server writes a response's headers and body separately. With Nagle's algorithm on,
        // the body waits for the client's delayed ACK: about 40 ms per request on a kept-alive
        // connection. An explicit -Dsun.net.httpserver.nodelay=false still wins.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final FaultPlan faults = new FaultPlan();
    private final TrafficRecorder traffic = new TrafficRecorder();
    private final SeriesStore series = new SeriesStore();
    private final TokenRegistry tokens;
    private final EventSubscription events;

    private MeetingApiSimulator(Builder settings) throws IOException {
        tokens = new TokenRegistry(settings.tokenValidity);
        server = bind(settings);
        workers = Executors.newFixedThreadPool(settings.workerThreads, workerThreads());
        server.setExecutor(workers);
        server.createContext(AuthEndpoint.PATH, new ApiRoute(AuthEndpoint.PATH,
                Map.of("POST", new AuthEndpoint(settings.appKeysByAppId, tokens, faults, traffic)), traffic, false));
        events = new EventSubscription(settings.eventRetries, settings.spId, tokens);
        MeetingRoutes.byPath(series, faults, tokens, traffic, settings.putCreatesUnknownSeries, events)
                .forEach(server::createContext);
        server.createContext(SimulatorAdminEndpoint.PATH,
                new SimulatorAdminEndpoint(faults, tokens, traffic, new AppEvents(series, events)));
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        String appId = setting("SIMULATOR_APP_ID", "demo-app");
        MeetingApiSimulator simulator = builder()
                .address(new InetSocketAddress(port)) // all interfaces, so other containers of a demo reach it
                .credential(appId, setting("SIMULATOR_APP_KEY", "demo-app-key"))
                .start();
        // the server's dispatcher thread keeps the JVM up; SIGTERM runs this hook
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "meeting-api-simulator-stop"));
        System.out.println("Meeting API simulator listening on " + simulator.scheme() + "://0.0.0.0:"
                + simulator.port() + " for App ID " + appId + " (controls under /simulator/)");
    }

    /** Where to send requests, e.g. {@code http://127.0.0.1:40123}; loopback when bound to all interfaces. */
    public URI baseUri() {
        InetAddress bound = server.getAddress().getAddress();
        InetAddress host = bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound;
        try {
            return new URI(scheme(), null, host.getHostAddress(), port(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no URI for the bound address " + bound, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public FaultPlan faults() {
        return faults;
    }

    public TokenRegistry tokens() {
        return tokens;
    }

    public TrafficRecorder traffic() {
        return traffic;
    }

    /** The last accepted state of a series, cancelled ones included, if a create or PUT for it ever succeeded. */
    public Optional<StoredSeries> series(String conferenceID) {
        return series.find(conferenceID);
    }

    /**
     * Every accepted write of a series (create, PUT, occurrence change, cancel), in the order the simulator
     * applied them: what a test checks the order of a series' changes on. Complete unless
     * {@link #writesForgotten()} is above zero.
     */
    public List<SeriesWrite> writes(String conferenceID) {
        return series.writes(conferenceID);
    }

    /** How many of the oldest writes {@link #writes} no longer shows; it keeps the latest 100,000. */
    public long writesForgotten() {
        return series.writesForgotten();
    }

    /** The series not cancelled, earliest first: what the list of scheduled meetings shows. */
    public List<StoredSeries> scheduledSeries() {
        return series.scheduled();
    }

    /**
     * Stops at once: closes the listener and every connection, idle keep-alive ones included, so
     * clients see a clean close rather than a hang; answers still in their latency are abandoned.
     */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        events.close();
    }

    private String scheme() {
        return server instanceof HttpsServer ? "https" : "http";
    }

    private static HttpServer bind(Builder settings) throws IOException {
        if (settings.sslContext == null) {
            return HttpServer.create(settings.address, BACKLOG);
        }
        HttpsServer https = HttpsServer.create(settings.address, BACKLOG);
        https.setHttpsConfigurator(new HttpsConfigurator(settings.sslContext));
        return https;
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "meeting-api-simulator-" + count.incrementAndGet());
            thread.setDaemon(true); // a test that forgets close() must not keep its JVM alive
            return thread;
        };
    }

    private static String setting(String name, String demoDefault) {
        return Optional.ofNullable(System.getProperty(name))
                .or(() -> Optional.ofNullable(System.getenv(name)))
                .orElse(demoDefault);
    }

    /** Settings of a simulator; by default plain HTTP on 127.0.0.1 at a free port, tokens valid 12 hours. */
    public static final class Builder {

        private final Map<String, String> appKeysByAppId = new HashMap<>();
        private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private Duration tokenValidity = Duration.ofHours(12);
        private int workerThreads = 64;
        private SSLContext sslContext;
        private boolean putCreatesUnknownSeries = true;
        private List<Duration> eventRetries = EventPusher.HUAWEI_RETRIES;
        private String spId;

        private Builder() {
        }

        /** An App ID the simulator accepts, with its App key; call once per App ID. */
        public Builder credential(String appId, String appKey) {
            appKeysByAppId.put(Objects.requireNonNull(appId, "appId"), Objects.requireNonNull(appKey, "appKey"));
            return this;
        }

        /** Where to listen; port 0 picks a free port. */
        public Builder address(InetSocketAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The delays between attempts of an event push not answered 200 (Huawei's by default; tests shorten them). */
        public Builder eventRetries(List<Duration> eventRetries) {
            this.eventRetries = List.copyOf(eventRetries);
            return this;
        }

        /** Plays this service provider (SP mode): the event push is configured with its spId by the SP admin. */
        public Builder serviceProvider(String spId) {
            this.spId = Objects.requireNonNull(spId, "spId");
            return this;
        }

        public Builder tokenValidity(Duration tokenValidity) {
            if (tokenValidity.isNegative() || tokenValidity.isZero()) {
                throw new IllegalArgumentException("token validity must be positive");
            }
            this.tokenValidity = tokenValidity;
            return this;
        }

        /** Threads that answer requests; PUT latency holds one each, so size it for rate x latency. */
        public Builder workerThreads(int workerThreads) {
            if (workerThreads < 1) {
                throw new IllegalArgumentException("at least one worker thread is needed");
            }
            this.workerThreads = workerThreads;
            return this;
        }

        /** Serve HTTPS with this context (its key managers hold the server certificate) instead of HTTP. */
        public Builder https(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * Makes a series PUT for a conferenceID the simulator never created answer not found
         * (MMC.111070005), as the real API does. By default such a PUT creates the series, so tests
         * of modifications need no create first.
         */
        public Builder strictSeriesLookup() {
            this.putCreatesUnknownSeries = false;
            return this;
        }

        public MeetingApiSimulator start() throws IOException {
            if (appKeysByAppId.isEmpty()) {
                throw new IllegalStateException("a simulator needs at least one credential");
            }
            return new MeetingApiSimulator(this);
        }
    }
}
