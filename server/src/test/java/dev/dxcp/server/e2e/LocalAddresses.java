package dev.dxcp.server.e2e;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/**
 * This machine's own addresses, to call a local server the way another machine would: through a
 * non-loopback interface, so that the server sees a non-loopback peer.
 */
public final class LocalAddresses {
    private LocalAddresses() {
    }

    /** An IPv4 address of an interface that is up and not loopback, if this machine has one. */
    public static Optional<InetAddress> nonLoopback() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(LocalAddresses::upAndNotLoopback)
                    .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    /** Whether a TCP connection to the address and port is accepted. */
    public static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** http://address:port for an IPv4 address. */
    public static String url(InetAddress address, int port, String path) {
        return "http://" + address.getHostAddress() + ":" + port + path;
    }

    private static boolean upAndNotLoopback(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
