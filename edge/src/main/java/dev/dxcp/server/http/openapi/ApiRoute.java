package dev.dxcp.server.http.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the API document says about one mapped route beyond what springdoc reads from the controller:
 * who may call it, its body, its answers and the error codes it can answer (the contract's, per
 * route). The path is the controller's pattern, so the route-coverage test can match the two.
 */
public final class ApiRoute {
    /** Role shorthand of api-contract §1. */
    public static final String ANY = "any role";
    public static final String ADM = "PLATFORM_ADMIN";
    public static final String OWN_ADM = "DELIVERY_OWNER, PLATFORM_ADMIN";
    public static final String CI = "CI_PUBLISHER on the allowlist (governance §3)";

    final String method;
    final String path;
    String tag;
    String summary;
    String roles = ANY;
    boolean open;
    boolean idempotencyKey;
    boolean killSwitch;
    boolean replayHeader;
    String requestSchema;
    final Map<Integer, String> successes = new LinkedHashMap<>();
    String mediaType = "application/json";
    final List<String> errors = new ArrayList<>();

    private ApiRoute(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static ApiRoute get(String path) {
        return new ApiRoute("GET", path);
    }

    public static ApiRoute post(String path) {
        return new ApiRoute("POST", path);
    }

    public static ApiRoute put(String path) {
        return new ApiRoute("PUT", path);
    }

    public static ApiRoute patch(String path) {
        return new ApiRoute("PATCH", path);
    }

    public static ApiRoute delete(String path) {
        return new ApiRoute("DELETE", path);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    ApiRoute tag(String tag) {
        this.tag = tag;
        return this;
    }

    ApiRoute summary(String summary) {
        this.summary = summary;
        return this;
    }

    ApiRoute roles(String roles) {
        this.roles = roles;
        return this;
    }

    /** No authentication at all (GET /v1/health). */
    ApiRoute open() {
        this.open = true;
        return this;
    }

    /** Idempotency-Key required (api-contract §1 "Idem"). */
    ApiRoute idempotencyKey() {
        this.idempotencyKey = true;
        return this;
    }

    /** Refused with 503 MUTATIONS_DISABLED while the kill switch is on (api-contract §1 "KS"). */
    ApiRoute killSwitch() {
        this.killSwitch = true;
        errors.add("503 MUTATIONS_DISABLED");
        return this;
    }

    /** Answers carry Idempotency-Replayed (api-contract §2). */
    ApiRoute replayHeader() {
        this.replayHeader = true;
        return this;
    }

    ApiRoute body(String schema) {
        this.requestSchema = schema;
        return this;
    }

    /** A success status and its schema (null: no body); call twice for routes with two (201 new / 200 existing). */
    ApiRoute ok(int status, String schema) {
        successes.put(status, schema);
        return this;
    }

    ApiRoute mediaType(String mediaType) {
        this.mediaType = mediaType;
        return this;
    }

    /** Contract error answers as "STATUS CODE", e.g. "403 SERVICE_NOT_ALLOWLISTED". */
    ApiRoute errors(String... statusAndCode) {
        errors.addAll(List.of(statusAndCode));
        return this;
    }

    ApiRoute errors(List<String> statusAndCode) {
        errors.addAll(statusAndCode);
        return this;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
