package dev.dxcp.gatesim.http;

/**
 * A failure a Gate controller reports; turned into Spring's error document in exactly one place
 * ({@link ErrorBodies}).
 */
final class GateError extends RuntimeException {

    static final String NOT_FOUND = "com.netflix.spinnaker.kork.web.exceptions.NotFoundException";
    static final String ILLEGAL_ARGUMENT = "java.lang.IllegalArgumentException";
    static final String PIPELINE_EXCEPTION = "com.netflix.spinnaker.gate.controllers.PipelineController$PipelineException";
    static final String ACCESS_DENIED = "org.springframework.security.access.AccessDeniedException";
    static final String UNREADABLE_BODY = "org.springframework.http.converter.HttpMessageNotReadableException";
    static final String NETWORK = "com.netflix.spinnaker.kork.retrofit.exceptions.SpinnakerNetworkException";
    static final String METHOD_NOT_SUPPORTED = "org.springframework.web.HttpRequestMethodNotSupportedException";
    static final String NO_HANDLER = "org.springframework.web.servlet.resource.NoResourceFoundException";

    final int status;
    final String exceptionClass;

    GateError(int status, String exceptionClass, String message) {
        super(message);
        this.status = status;
        this.exceptionClass = exceptionClass;
    }

    static GateError notFound(String message) {
        return new GateError(404, NOT_FOUND, message);
    }

    static GateError badRequest(String message) {
        return new GateError(400, ILLEGAL_ARGUMENT, message);
    }

    static GateError accessDenied() {
        // Static text on purpose: Fiat denials do not say what was missing (spec §3.2).
        return new GateError(403, ACCESS_DENIED, "Access is denied");
    }
}
