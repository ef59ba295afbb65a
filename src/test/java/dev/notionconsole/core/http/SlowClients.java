package dev.notionconsole.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile clients for the console's own servers (issue 12 items 7 and 8): connections that send part of their
 * headers, or complete headers and then only the first bytes of a promised body, and then wait. Loopback only;
 * every socket is closed by {@link #close}.
 */
public final class SlowClients implements AutoCloseable {
    private final List<Socket> sockets = new ArrayList<>();

    /** Opens {@code count} connections to 127.0.0.1:port that each stop halfway through their headers. */
    public SlowClients partialHeaders(int port, int count, String host) throws IOException {
        for (int i = 0; i < count; i++) {
            send(port, "GET /callback?state=x HTTP/1.1\r\nHost: " + host + "\r\nX-Slow: ");
        }
        return this;
    }

    /** Opens {@code count} connections that announce a body of {@code length} bytes and send one byte of it. */
    public SlowClients partialBody(int port, int count, String path, int length) throws IOException {
        for (int i = 0; i < count; i++) {
            send(port, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + length + "\r\n\r\n{");
        }
        return this;
    }

    private void send(int port, String text) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        sockets.add(s);
        s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }

    public int count() {
        return sockets.size();
    }

    /**
     * Waits until the server has closed every one of these connections (reads end of stream or a reset), at most
     * {@code seconds}; returns how many are still open then.
     */
    public int awaitClosedByServer(int seconds) throws IOException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int open = 0;
        for (Socket s : sockets) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            try {
                InputStream in = s.getInputStream();
                while (in.read() >= 0) {
                    // an error page is fine; the end of the stream is what counts
                }
            } catch (SocketTimeoutException stillOpen) {
                open++;
            } catch (IOException reset) {
                // closed by the server with a reset: closed
            }
        }
        return open;
    }

    @Override
    public void close() {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
