package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POST /v2/usg/acs/auth/appauth, App ID authentication: checks what the real service checks and
 * issues an access token. Both header forms are accepted: the SDK's {@code HMAC-SHA256 signature=<hex>} and the
 * documented one with {@code ,access=<base64(appId)>}, whose access must then be the base64 of the signed appId;
 * an X-Token-Type header is ignored. A body with corpId (SP mode) is signed with it and gets that enterprise's
 * token, unless the enterprise is refused ({@link FaultPlan#refuseTenant}).
 */
final class AuthEndpoint implements ApiEndpoint {

    static final String PATH = "/v2/usg/acs/auth/appauth";

    private static final int API_CALLER_CLIENT_TYPE = 72;
    private static final int MIN_NONCE_LENGTH = 32;
    private static final int MAX_NONCE_LENGTH = 64;
    private static final Pattern AUTHORIZATION =
            Pattern.compile("HMAC-SHA256\\s+signature=([0-9A-Fa-f]{64})(?:\\s*,\\s*access=(\\S+))?\\s*");

    private final Map<String, String> appKeysByAppId;
    private final TokenRegistry tokens;
    private final FaultPlan faults;
    private final TrafficRecorder traffic;

    AuthEndpoint(Map<String, String> appKeysByAppId, TokenRegistry tokens, FaultPlan faults, TrafficRecorder traffic) {
        this.appKeysByAppId = Map.copyOf(appKeysByAppId);
        this.tokens = tokens;
        this.faults = faults;
        this.traffic = traffic;
    }

    @Override
    public ApiResponse answer(ApiRequest request) {
        traffic.recordAuthCall(request.header("Authorization"), request.header("X-Token-Type"));
        OptionalInt injected = faults.authFailure();
        if (injected.isPresent()) {
            return injected.getAsInt() == 401
                    ? rejected("App ID authentication failed (injected)")
                    : ApiResponse.error(injected.getAsInt(), MeetingErrors.AUTH_UNAVAILABLE,
                            "authentication service unavailable (injected)");
        }
        Optional<AppAuthBody> body = request.jsonObject().flatMap(AppAuthBody::from);
        if (body.isEmpty()) {
            return ApiResponse.error(400, MeetingErrors.AUTH_REQUEST_MALFORMED,
                    "body must be a JSON object with appId, clientType, expireTime, nonce and an optional userId");
        }
        Optional<String> refusal = refusal(body.get(), request.header("Authorization"));
        if (refusal.isPresent()) {
            return rejected(refusal.get());
        }
        OptionalInt tenantRefused = faults.tenantRefusal(body.get().corpId());
        if (tenantRefused.isPresent()) {
            return ApiResponse.error(tenantRefused.getAsInt(), MeetingErrors.TENANT_REFUSED,
                    "the App may not act for this enterprise");
        }
        return issueToken(request, body.get().corpId());
    }

    private Optional<String> refusal(AppAuthBody body, String authorization) {
        String appKey = appKeysByAppId.get(body.appId());
        if (appKey == null) {
            return Optional.of("unknown appId");
        }
        if (body.clientType() != API_CALLER_CLIENT_TYPE) {
            return Optional.of("clientType must be " + API_CALLER_CLIENT_TYPE);
        }
        if (body.nonce().length() < MIN_NONCE_LENGTH || body.nonce().length() > MAX_NONCE_LENGTH) {
            return Optional.of("nonce must be " + MIN_NONCE_LENGTH + " to " + MAX_NONCE_LENGTH + " characters");
        }
        if (body.expireTime() != 0 && body.expireTime() < Instant.now().getEpochSecond()) {
            return Optional.of("expireTime has passed");
        }
        Matcher header = AUTHORIZATION.matcher(authorization == null ? "" : authorization);
        if (!header.matches()) {
            return Optional.of("Authorization must be HMAC-SHA256 signature=<64 hex digits>");
        }
        if (header.group(2) != null && !header.group(2).equals(base64(body.appId()))) {
            return Optional.of("access does not match appId");
        }
        String expected = AppAuthSignature.expected(appKey, body.appId(), body.corpId(), body.userId(),
                body.expireTime(), body.nonce());
        return MessageDigest.isEqual(bytes(expected), bytes(header.group(1).toLowerCase(Locale.ROOT)))
                ? Optional.empty()
                : Optional.of("signature does not match");
    }

    private ApiResponse issueToken(ApiRequest request, String corpId) {
        TokenRegistry.IssuedToken token = tokens.issue(corpId == null ? TokenRegistry.NO_TENANT : corpId);
        ObjectNode answer = Json.MAPPER.createObjectNode()
                .put("accessToken", token.value())
                .put("validPeriod", token.validity().toSeconds())
                .put("expireTime", token.expiresAt().getEpochSecond())
                .put("createTime", token.createdAt().toEpochMilli())
                .put("tokenIp", request.remoteAddress().getAddress().getHostAddress())
                .put("tokenType", 0)
                .put("clientType", API_CALLER_CLIENT_TYPE);
        return ApiResponse.json(200, answer);
    }

    private static ApiResponse rejected(String reason) {
        return ApiResponse.error(401, MeetingErrors.AUTH_FAILED, reason);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(bytes(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The signed fields of the request body; userId and corpId are null when absent or empty, as the service
     * treats both.
     */
    private record AppAuthBody(String appId, int clientType, long expireTime, String nonce, String userId,
                               String corpId) {

        static Optional<AppAuthBody> from(JsonNode body) {
            JsonNode appId = body.path("appId");
            JsonNode clientType = body.path("clientType");
            JsonNode expireTime = body.path("expireTime");
            JsonNode nonce = body.path("nonce");
            JsonNode userId = body.path("userId");
            JsonNode corpId = body.path("corpId");
            boolean wellTyped = appId.isTextual() && clientType.canConvertToInt() && clientType.isIntegralNumber()
                    && expireTime.isIntegralNumber() && expireTime.canConvertToLong() && nonce.isTextual()
                    && isOptionalText(userId) && isOptionalText(corpId);
            if (!wellTyped) {
                return Optional.empty();
            }
            return Optional.of(new AppAuthBody(appId.asText(), clientType.intValue(), expireTime.longValue(),
                    nonce.asText(), textOrNull(userId), textOrNull(corpId)));
        }

        private static boolean isOptionalText(JsonNode field) {
            return field.isMissingNode() || field.isNull() || field.isTextual();
        }

        private static String textOrNull(JsonNode field) {
            return field.isTextual() && !field.asText().isEmpty() ? field.asText() : null;
        }
    }
}
