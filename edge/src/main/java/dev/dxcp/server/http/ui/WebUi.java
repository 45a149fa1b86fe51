package dev.dxcp.server.http.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * Serves the web UI (the {@code ui} module's build, classpath {@code dxcp-ui/}) from the same origin
 * as /v1: hashed assets cached for a year, the runtime configuration, and index.html for every page
 * a browser asks for (the UI routes itself). Router functions run before the annotated controllers,
 * so the page fallback excludes the API, actuator and development-issuer paths and answers only
 * requests that accept HTML: API clients keep their JSON 404 for unknown paths (api-contract §1).
 */
@Configuration
public class WebUi {
    private static final Logger log = LoggerFactory.getLogger(WebUi.class);
    static final String ROOT = "dxcp-ui/";
    private static final Pattern ASSET_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final List<String> NOT_PAGES = List.of("/v1/", "/v1", "/actuator", "/dev-idp", "/assets/");

    @Bean
    public RouterFunction<ServerResponse> webUiRoutes(UiRuntimeConfig runtimeConfig) {
        Resource index = new ClassPathResource(ROOT + "index.html");
        RouterFunction<ServerResponse> config = RouterFunctions.route(GET("/ui-config.json"), request ->
                ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache())
                        .bodyValue(runtimeConfig.render()));
        if (!index.exists()) {
            log.warn("event=web_ui_missing note=\"no dxcp-ui/index.html on the classpath; the UI is not served\"");
            return config;
        }
        log.info("event=web_ui path=/ note=\"web UI served at /\"");
        return config
                .and(RouterFunctions.route(GET("/assets/{file}"), WebUi::asset))
                .and(RouterFunctions.route(GET("/favicon.svg"), request -> ServerResponse.ok()
                        .contentType(MediaType.valueOf("image/svg+xml")).bodyValue(new ClassPathResource(ROOT + "favicon.svg"))))
                .and(RouterFunctions.route(GET("/**").and(WebUi::isPageRequest), request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).bodyValue(index)));
    }

    /** A built asset; Vite names them by content hash, so a changed file gets a new name and may be cached for a year. */
    private static Mono<ServerResponse> asset(ServerRequest request) {
        String file = request.pathVariable("file");
        Resource resource = new ClassPathResource(ROOT + "assets/" + file);
        if (!ASSET_NAME.matcher(file).matches() || !resource.exists()) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return ServerResponse.ok()
                .contentType(MediaTypeFactory.getMediaType(file).orElse(MediaType.APPLICATION_OCTET_STREAM))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .bodyValue(resource);
    }

    /** A browser navigation to a path the UI owns: accepts HTML and is none of the server's own paths. */
    private static boolean isPageRequest(ServerRequest request) {
        String path = request.path();
        if (NOT_PAGES.stream().anyMatch(path::startsWith)) {
            return false;
        }
        return request.headers().accept().stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML)
                && !type.isWildcardType());
    }
}
