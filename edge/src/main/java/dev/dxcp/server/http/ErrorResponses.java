package dev.dxcp.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.RootCause;
import dev.dxcp.server.settings.DxcpProperties;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.observability.RequestIds;
import dev.dxcp.server.observability.RequestLogContext;
import dev.dxcp.server.observability.RequestOutcome;
import dev.dxcp.server.observability.DenialMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import java.nio.charset.StandardCharsets;

/**
 * The one place that turns failures into HTTP (governance §12): the error body with code,
 * error_code, failure_cause, message and request_id for every failure, routing errors included. A
 * refusal's status is its code's in the catalogue ({@link ErrorCode}); only refusals of the HTTP layer
 * itself (HTTP_ERROR) keep the status the layer gave them.
 */
@Component
@Order(-2)
public class ErrorResponses implements WebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    private final ObjectMapper json;
    private final boolean demoMode;
    private final DatabaseOutages outages;
    private final DenialMetrics denials;

    public ErrorResponses(ObjectMapper json, DxcpProperties properties, DatabaseOutages outages,
                          DenialMetrics denials) {
        this.json = json;
        this.demoMode = properties.demoMode();
        this.outages = outages;
        this.denials = denials;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(failure) && clientGone(exchange)) {
            // Nobody is left to answer: the access line says the client went away (RequestIds), no stack trace.
            RequestOutcome.abandoned(exchange);
            return Mono.empty();
        }
        // Telling a database outage apart may ask the pool for a connection: never on an event-loop thread.
        return Mono.fromCallable(() -> {
                    String previous = MDC.get(RequestLogContext.KEY);
                    RequestLogContext.bind(RequestIds.of(exchange));
                    try {
                        return toAnswer(exchange, failure);
                    } finally {
                        RequestLogContext.restore(previous);
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(answer -> write(exchange, failure, answer));
    }

    /** What a failure answers: the refusal and the status, which only the HTTP layer's own errors choose. */
    private record Answer(Rejection rejection, int status) {
        Answer(Rejection rejection) {
            this(rejection, rejection.error().status());
        }
    }

    private Mono<Void> write(ServerWebExchange exchange, Throwable failure, Answer answer) {
        Rejection rejection = answer.rejection();
        ServerHttpResponse response = exchange.getResponse();
        denials.refused(exchange, rejection.code());
        String requestId = RequestIds.of(exchange);
        response.setStatusCode(HttpStatus.valueOf(answer.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().set(RequestIds.HEADER, requestId);
        if (failure instanceof MethodNotAllowedException notAllowed && !notAllowed.getSupportedMethods().isEmpty()) {
            response.getHeaders().setAllow(notAllowed.getSupportedMethods());
        }
        byte[] body = render(rejection, requestId, showHint(exchange)).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    public String render(Rejection rejection, String requestId, boolean withHint) {
        ObjectNode body = json.createObjectNode();
        body.put("code", rejection.code());
        body.put("error_code", rejection.code());
        body.put("failure_cause", rejection.error().failureCause().name());
        body.put("message", rejection.getMessage());
        body.put("request_id", requestId);
        if (withHint && rejection.operatorHint() != null) {
            body.put("operator_hint", Redaction.redact(rejection.operatorHint()));
        }
        if (rejection.details() != null) {
            body.set("details", json.valueToTree(rejection.details()));
        }
        return body.toString();
    }

    /** operator_hint goes to platform admins, or to everyone while demo mode is on (governance §12). */
    private boolean showHint(ServerWebExchange exchange) {
        Caller caller = exchange.getAttribute(Authenticator.CALLER_ATTRIBUTE);
        return demoMode || caller != null && caller.isAdmin();
    }

    private Answer toAnswer(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof Rejection rejection) {
            return new Answer(rejection);
        }
        if (failure instanceof DataBufferLimitException || failure.getCause() instanceof DataBufferLimitException) {
            return new Answer(new Rejection(ErrorCode.REQUEST_BODY_TOO_LARGE, "Request body is too large"));
        }
        if (failure instanceof ServerWebInputException) {
            return new Answer(new Rejection(ErrorCode.INVALID_REQUEST, "Invalid request"));
        }
        if (failure instanceof ResponseStatusException status) {
            int code = status.getStatusCode().value();
            String message = switch (code) {
                case 404 -> "Not found";
                case 405 -> "Method not allowed";
                case 406 -> "Not acceptable";
                case 408 -> "The request body did not arrive in time";
                case 413 -> "Request body is too large";
                case 414 -> "Request line is too long";
                case 431 -> "Request headers are too large";
                case 415 -> "Unsupported media type: send application/json";
                default -> status.getReason() != null ? status.getReason() : "HTTP error";
            };
            // The catalogue's constant where it has one for this status (408, 413, 414, 431), else the layer's.
            return new Answer(new Rejection(ErrorCode.of(ErrorCode.HTTP_ERROR.code(), code), message), code);
        }
        if (outages.isOutage(failure)) {
            log.warn("event=database_unavailable request_id={} path={} error=\"{}\" cause=\"{}\"",
                    RequestIds.of(exchange), exchange.getRequest().getPath().value(), failure.getMessage(),
                    RootCause.message(failure));
            return new Answer(new Rejection(ErrorCode.SERVICE_UNAVAILABLE,
                    "The delivery database is unavailable; retry shortly with the same Idempotency-Key"));
        }
        log.error("event=unhandled_error request_id={} path={}", RequestIds.of(exchange),
                exchange.getRequest().getPath().value(), failure);
        return new Answer(new Rejection(ErrorCode.INTERNAL_ERROR, "Unexpected server error"));
    }

    /**
     * Spring recognises a disconnect by the failure's names and messages ("connection reset", EOFException)
     * anywhere in its cause chain, and so does a database or store connection that broke: answering nothing
     * then sent the client an empty 200 for a write that never happened. Only a closed client connection
     * means nobody is left to answer; when it cannot be told, the client gets its answer.
     */
    private static boolean clientGone(ServerWebExchange exchange) {
        return ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof Connection connection
                && !connection.channel().isActive();
    }
}
