package dev.dxcp.server.http;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.server.observability.RequestIds;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Answers a request the HTTP decoder could not read (a bare CR, LF or NUL in a header, a request line
 * that is no request line) with the contract's error body and a request id, in one log line, instead of
 * the network layer's bare 400. Such a request never reaches the application, so it is answered here, in
 * front of it, and the connection is closed: what follows the broken part cannot be trusted to be the
 * next request.
 */
final class MalformedRequests extends ChannelInboundHandlerAdapter {
    static final String NAME = "dxcp.malformedRequests";
    private static final Logger log = LoggerFactory.getLogger("dxcp.access");

    private final ObjectProvider<ErrorResponses> errors;

    MalformedRequests(ObjectProvider<ErrorResponses> errors) {
        this.errors = errors;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpRequest request) || !request.decoderResult().isFailure()) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!ctx.channel().isActive()) {
            // The connection closed mid-head (by the client, or by the header-read timeout): no one to answer.
            ReferenceCountUtil.release(msg);
            return;
        }
        Throwable cause = request.decoderResult().cause();
        String method = request.method().name();
        String path = request.uri();
        ReferenceCountUtil.release(msg);
        Rejection rejection = rejectionFor(cause);
        String requestId = UUID.randomUUID().toString();
        byte[] body = errors.getObject().render(rejection, requestId, false).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(rejection.error().status()), Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(RequestIds.HEADER, requestId)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        log.info("event=http_request method={} path={} status={} outcome=malformed detail=\"{}\" request_id={}",
                method, path, rejection.error().status(), cause.getMessage(), requestId);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static Rejection rejectionFor(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return new Rejection(ErrorCode.REQUEST_LINE_TOO_LONG, "Request line is too long");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return new Rejection(ErrorCode.REQUEST_HEADERS_TOO_LARGE, "Request headers are too large");
        }
        return new Rejection(ErrorCode.INVALID_REQUEST,
                "Malformed request: the request line or a header is not valid HTTP (a bare CR, LF or NUL?)");
    }
}
