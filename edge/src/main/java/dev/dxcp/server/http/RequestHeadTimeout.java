package dev.dxcp.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.NettyPipeline;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request line and headers do not arrive in full within the header-read
 * timeout, counted from the request's first byte. The idle timeout cannot do this: a client that sends
 * one header byte every few seconds is never idle, and a connection that sent half its headers would
 * otherwise stay open for as long as the client likes, holding a file descriptor.
 *
 * <p>Two handlers share one state per connection: one in front of the HTTP decoder sees the first raw
 * byte of a request, one behind it sees the decoded request head and the end of each response. All of
 * it runs on the connection's event loop.</p>
 */
final class RequestHeadTimeout {
    private static final Logger log = LoggerFactory.getLogger("dxcp.access");

    private final long limitNanos;
    private boolean awaitingHead = true;
    private ScheduledFuture<?> deadline;

    private RequestHeadTimeout(Duration limit) {
        this.limitNanos = limit.toNanos();
    }

    static void install(ChannelPipeline pipeline, Duration limit) {
        RequestHeadTimeout state = new RequestHeadTimeout(limit);
        pipeline.addBefore(NettyPipeline.HttpCodec, "dxcp.requestHeadStart", state.new FirstByte());
        pipeline.addAfter(NettyPipeline.HttpCodec, "dxcp.requestHeadEnd", state.new HeadAndAnswer());
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        deadline = null;
        if (ctx.channel().isActive()) {
            log.info("event=connection_closed reason=header_read_timeout timeout_ms={} remote={}",
                    TimeUnit.NANOSECONDS.toMillis(limitNanos), ctx.channel().remoteAddress());
            ctx.channel().close();
        }
    }

    /** A 100 Continue is written whole, yet the request's body is still to come. */
    private static boolean interim(Object msg) {
        return msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }

    private final class FirstByte extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (awaitingHead && deadline == null && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                deadline = ctx.executor().schedule(() -> expire(ctx), limitNanos, TimeUnit.NANOSECONDS);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            cancel();
            ctx.fireChannelInactive();
        }
    }

    private final class HeadAndAnswer extends ChannelDuplexHandler {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                cancel();
                awaitingHead = false;
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof LastHttpContent && !interim(msg)) {
                // The answer is complete: the next byte that arrives starts the next request's head.
                awaitingHead = true;
            }
            ctx.write(msg, promise);
        }
    }
}
