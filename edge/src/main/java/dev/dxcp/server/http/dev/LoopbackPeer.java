package dev.dxcp.server.http.dev;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.netty.http.server.ConnectionInformation;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Whether a request came from this machine, judged by the TCP peer of its connection: not by the
 * address the server is bound to (SERVER_ADDRESS may open it to the network), and not by Forwarded or
 * X-Forwarded-For headers, which any client can write and which Spring applies to the request's remote
 * address when forwarded headers are honoured (as they are by default on Kubernetes).
 */
final class LoopbackPeer {
    private LoopbackPeer() {
    }

    static boolean isLoopback(ServerHttpRequest request) {
        return peer(request) instanceof InetSocketAddress inet && inet.getAddress() != null
                && inet.getAddress().isLoopbackAddress();
    }

    static String describe(ServerHttpRequest request) {
        SocketAddress peer = peer(request);
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(peer);
    }

    /** Reactor Netty's connection peer; another server's remote address, which it may have rewritten. */
    private static SocketAddress peer(ServerHttpRequest request) {
        return ServerHttpRequestDecorator.getNativeRequest(request) instanceof ConnectionInformation netty
                ? netty.connectionRemoteAddress() : request.getRemoteAddress();
    }
}
