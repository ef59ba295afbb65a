package dev.notionconsole.sandbox.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's listening socket, in front of the JDK HTTP server. The JDK server rejects a request line whose target
 * is not a valid URI (braces, a bare {@code %}) with its own HTML page before any handler runs; Notion answers those
 * with its JSON {@code invalid_request_url} (docs/notion-api.md §4.2). So the guard reads each connection's first
 * request line: one that does not parse gets Notion's answer here; any other connection is passed through, byte for
 * byte, to the JDK server on a loopback port of its own. Later requests on a kept-alive connection are not looked at
 * (clients that send raw braces send them first). A first line that takes longer than the request time limit
 * ({@code core.http.ServerLimits}) closes the connection, as the JDK server does for a slow request.
 */
public final class RequestLineGuard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLineGuard.class);
    private static final int MAX_LINE = 16 * 1024;

    private final ServerSocket front;
    private final InetSocketAddress backend;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private RequestLineGuard(ServerSocket front, InetSocketAddress backend) {
        this.front = front;
        this.backend = backend;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-front-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Binds {@code host:port} (0: any free port) and starts accepting; connections go on to {@code backend}. */
    public static RequestLineGuard start(InetAddress host, int port, int backlog, InetSocketAddress backend) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(host, port), backlog);
        RequestLineGuard g = new RequestLineGuard(s, backend);
        g.threads.execute(g::accept);
        return g;
    }

    public int port() {
        return front.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = front.accept();
                client.setTcpNoDelay(true);
                open.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Sandbox front socket failed to accept", e);
                }
            }
        }
    }

    private void serve(Socket client) {
        Socket back = null;
        try {
            InputStream in = client.getInputStream();
            // a client trickling its first line is cut at the same limit the JDK server applies to whole requests
            client.setSoTimeout((int) Math.min(Integer.MAX_VALUE, dev.notionconsole.core.http.ServerLimits.requestSeconds() * 1000));
            byte[] head = firstLine(in);
            client.setSoTimeout(0);
            if (head.length == 0) {
                return;
            }
            if (!parses(new String(head, StandardCharsets.ISO_8859_1))) {
                answerInvalidUrl(client.getOutputStream());
                return;
            }
            back = new Socket();
            back.setTcpNoDelay(true);
            back.connect(backend);
            open.add(back);
            back.getOutputStream().write(head);
            Socket b = back;
            AtomicInteger finished = new AtomicInteger();
            threads.execute(() -> pump(b, client, finished));
            pump(client, b, finished);
        } catch (IOException e) {
            LOG.debug("Sandbox front connection ended", e);
        } finally {
            if (back == null) {
                close(client);
            }
        }
    }

    /** The bytes up to and including the first LF (or all, up to the limit, when there is none). */
    private static byte[] firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int b;
        while (line.size() < MAX_LINE && (b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.toByteArray();
    }

    /** What the JDK server checks: METHOD SP target SP version, the target a URI. */
    static boolean parses(String requestLine) {
        String line = requestLine.strip();
        int first = line.indexOf(' ');
        int last = line.lastIndexOf(' ');
        if (first <= 0 || last <= first) {
            return true; // not ours to judge: the JDK server answers malformed request lines itself
        }
        try {
            new URI(line.substring(first + 1, last));
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void answerInvalidUrl(OutputStream out) throws IOException {
        String requestId = Router.requestId();
        byte[] body = Router.errorResponse(ApiError.invalidRequestUrl(), requestId).body();
        String head = "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nx-notion-request-id: "
                + requestId + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** Copies one direction until EOF, then half-closes it; the second direction to finish closes both sockets. */
    private void pump(Socket from, Socket to, AtomicInteger finished) {
        byte[] buf = new byte[32 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            close(from);
            close(to);
            return;
        }
        if (finished.incrementAndGet() == 2) {
            close(from);
            close(to);
        }
    }

    private void close(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            front.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(this::close);
        threads.shutdownNow();
    }
}
