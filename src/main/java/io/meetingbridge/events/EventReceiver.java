package io.meetingbridge.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyStoreOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP(S) endpoint Huawei pushes meeting events to, on its own port (Vert.x, which the process runs for the
 * management server already). A push is refused in the order 405, 415, 413, 400, 401 before anything is kept;
 * {@code meeting.verify} is answered with its nonce; every other event is answered 200 once Kafka acknowledged
 * its record (or holds it already), 503 when Kafka cannot take it, so that Huawei retries.
 */
public final class EventReceiver extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(EventReceiver.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The setting that turns the receiver on (off by default). */
    public static final String ENABLED = "bridge.events.enabled";
    private static final String READ_TIMER = "events.read-timer";

    private final EventSettings settings;
    private final Producer<byte[], byte[]> producer;
    private final Supplier<Properties> connectionSettings;
    private final Supplier<MeterRegistry> meterRegistry;
    private final AppCancellations cancellations;
    private final Clock clock;
    private final PushParser parser = new PushParser();
    private final AtomicInteger active = new AtomicInteger();
    private EventMeters meters;
    private PushAuthentication authentication;
    private WrittenEvents written;
    private ExecutorService sending;
    private EventWriter writer;
    private Vertx vertx;
    private HttpServer server;

    /**
     * Built from a lookup of a setting's value by its name; Kafka's settings are read when it starts. The producer is
     * the bridge's (acks=all, idempotence), closed by its owner.
     */
    public EventReceiver(Function<String, String> setting, Producer<byte[], byte[]> producer,
                         Supplier<Properties> connectionSettings, Supplier<MeterRegistry> meters,
                         AppCancellations cancellations, Clock clock) {
        this.cancellations = cancellations;
        this.settings = EventSettings.from(setting);
        this.producer = producer;
        this.connectionSettings = connectionSettings;
        this.meterRegistry = meters;
        this.clock = clock;
    }

    /** The port it listens on (the one the system chose when the setting is 0). */
    public int port() {
        return server.actualPort();
    }

    @Override
    protected void doStart() throws Exception {
        meters = new EventMeters(meterRegistry.get());
        String key = Files.readString(Path.of(settings.subscriberKeyFile())).strip();
        authentication = new PushAuthentication(settings.subscriberId(), key, settings.maxAge(), settings.maxSkew(),
                clock);
        written = new WrittenEvents(settings.topic(), connectionSettings.get(), settings.maxAge(),
                settings.newTopicPartitions(), clock);
        written.start();
        // a send may block while the producer looks for the broker: never on Vert.x's event loop
        sending = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "events-sender");
            thread.setDaemon(true);
            return thread;
        });
        writer = new EventWriter(producer, new EventRecords(settings.topic()), written, settings.writeTimeout(), sending);
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        Router router = Router.router(vertx);
        router.route(settings.path())
                // a platform handler: Vert.x lets only those run before the body is read
                .handler((PlatformHandler) this::admit)
                .handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()))
                .handler(this::receive)
                .failureHandler(ctx -> refuse(ctx, ctx.statusCode() == 413 ? Refusal.TOO_LARGE : Refusal.MALFORMED));
        server = vertx.createHttpServer(serverOptions()).requestHandler(router).listen()
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        LOG.info("Receiving meeting events on port {} at {} ({}), writing them to {}", server.actualPort(),
                settings.path(), settings.keyStore().isEmpty() ? "HTTP: TLS ends before" : "HTTPS", settings.topic());
    }

    private HttpServerOptions serverOptions() {
        HttpServerOptions options = new HttpServerOptions().setHost(settings.host()).setPort(settings.port())
                // an idle connection, or one that never completes its headers, goes after twice the read timeout,
                // so that a body that is late gets its 408 first
                .setIdleTimeout((int) settings.readTimeout().toMillis() * 2).setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        if (!settings.keyStore().isEmpty()) {
            options.setSsl(true).setKeyCertOptions(new KeyStoreOptions().setType("PKCS12")
                    .setPath(settings.keyStore()).setPassword(settings.keyStorePassword()));
        }
        return options;
    }

    /** Method, media type and room, before the body is read; then a limit on how long reading it may take. */
    private void admit(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.POST) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
            refuse(ctx, Refusal.METHOD);
        } else if (!isJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            refuse(ctx, Refusal.MEDIA_TYPE);
        } else if (active.incrementAndGet() > settings.maxConcurrent()) {
            active.decrementAndGet();
            refuse(ctx, Refusal.BUSY);
        } else {
            long timer = ctx.vertx().setTimer(settings.readTimeout().toMillis(), id -> {
                refuse(ctx, Refusal.READ_TIMEOUT);
                ctx.request().connection().close();
            });
            ctx.put(READ_TIMER, timer);
            ctx.addEndHandler(done -> {
                ctx.vertx().cancelTimer(timer);
                active.decrementAndGet();
            });
            ctx.next();
        }
    }

    /** application/json, in UTF-8 when a charset is named. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")
                    && !(parameter.length == 2 && parameter[1].trim().replace("\"", "").equalsIgnoreCase("UTF-8"))) {
                return false;
            }
        }
        return true;
    }

    private void receive(RoutingContext ctx) {
        ctx.vertx().cancelTimer(ctx.<Long>get(READ_TIMER));
        EventPush push;
        try {
            push = parser.parse(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
        } catch (MalformedPushException e) {
            refuse(ctx, Refusal.MALFORMED);
            return;
        }
        Optional<Refusal> refusal = authentication.refusal(push);
        if (refusal.isPresent()) {
            refuse(ctx, refusal.get());
        } else if (push.isVerify()) {
            meters.handled(push.event(), "verified");
            answer(ctx, 200, JSON.createObjectNode().put("event", EventPush.VERIFY).put("nonce", push.nonce()));
        } else {
            write(ctx, push);
        }
    }

    private void write(RoutingContext ctx, EventPush push) {
        Context context = ctx.vertx().getOrCreateContext();
        long started = System.nanoTime();
        writer.write(push).thenCompose(outcome -> learn(push).thenApply(learnt -> outcome))
                .whenComplete((outcome, failure) -> context.runOnContext(v -> {
            if (failure != null) {
                LOG.warn("Event {} of meeting {} not written, answered 503 for Huawei to retry: {}", push.event(),
                        push.meetingId(), failure.toString());
                meters.handled(push.event(), "unavailable");
                answer(ctx, 503, JSON.createObjectNode().put("result", "unavailable"));
                return;
            }
            String result = outcome.name().toLowerCase(Locale.ROOT);
            if (outcome == EventWriter.Outcome.WRITTEN) {
                meters.wrote(Duration.ofNanos(System.nanoTime() - started));
                LOG.info("Event {} of meeting {} written to {}", push.event(), push.meetingId(), settings.topic());
            }
            meters.handled(push.event(), result);
            answer(ctx, 200, JSON.createObjectNode().put("result", result));
        }));
    }

    /**
     * The ledger learns a series cancelled in the app once its event is on Kafka, before the 200: when it cannot,
     * Huawei's retry (a duplicate on Kafka) brings it again.
     */
    private CompletableFuture<Void> learn(EventPush push) {
        if (!AppCancellations.CANCEL.equals(push.event()) || push.meetingId() == null || push.cycleSubId() != null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            try {
                cancellations.seriesCancelled(push.meetingId());
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, sending);
    }

    private void refuse(RoutingContext ctx, Refusal refusal) {
        if (ctx.response().ended()) {
            return;
        }
        LOG.debug("Event push refused: {}", refusal.reason());
        meters.refused(refusal);
        answer(ctx, refusal.status(), JSON.createObjectNode().put("refused", refusal.reason()));
    }

    private static void answer(RoutingContext ctx, int status, Object body) {
        if (!ctx.response().ended() && !ctx.response().closed()) {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(body.toString());
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        if (sending != null) {
            sending.shutdownNow();
        }
        if (written != null) {
            written.close();
        }
    }
}
