package dev.dxcp.server.http;

import dev.dxcp.server.settings.HttpTimeouts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * DXCP's handlers in the HTTP server's own pipeline, for what happens before a request reaches the
 * application: the header-read timeout ({@link RequestHeadTimeout}) and the answer to requests the HTTP
 * decoder refused ({@link MalformedRequests}). The idle timeout is Reactor Netty's
 * ({@code server.netty.idle-timeout}); the body-read timeout is {@link RequestBodies}.
 */
@Component
public class NettyEdge implements NettyServerCustomizer {
    private final HttpTimeouts timeouts;
    private final ObjectProvider<ErrorResponses> errors;

    public NettyEdge(HttpTimeouts timeouts, ObjectProvider<ErrorResponses> errors) {
        this.timeouts = timeouts;
        this.errors = errors;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) == null) {
                return;
            }
            RequestHeadTimeout.install(channel.pipeline(), timeouts.headerReadTimeout());
            channel.pipeline().addAfter(NettyPipeline.HttpCodec, MalformedRequests.NAME, new MalformedRequests(errors));
        });
    }
}
