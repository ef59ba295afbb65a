package dev.notionconsole.notion;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 for client tests: answers come from a script (a queue of canned answers,
 * or a function of the request), and every request is recorded as received on the wire.
 */
final class LoopbackServer implements AutoCloseable {
    record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** A canned answer. {@code delayMs} before the headers; {@code bodyDelayMs} between headers and body. */
    record Answer(int status, Map<String, String> headers, byte[] body, long delayMs, long bodyDelayMs) {
        static Answer json(int status, String json) {
            return new Answer(status, Map.of("Content-Type", "application/json; charset=utf-8"),
                    json.getBytes(StandardCharsets.UTF_8), 0, 0);
        }

        static Answer of(int status, String contentType, String body) {
            return new Answer(status, contentType == null ? Map.of() : Map.of("Content-Type", contentType),
                    body.getBytes(StandardCharsets.UTF_8), 0, 0);
        }

        Answer header(String k, String v) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(k, v);
            return new Answer(status, h, body, delayMs, bodyDelayMs);
        }

        Answer delay(long ms) {
            return new Answer(status, headers, body, ms, bodyDelayMs);
        }

        Answer bodyDelay(long ms) {
            return new Answer(status, headers, body, delayMs, ms);
        }
    }

    static {
        // Without TCP_NODELAY, com.sun.net.httpserver's separate header and body writes meet the client's
        // delayed ACK: ~40 ms per call on loopback (measured). Must be set before the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private volatile Function<Received, Answer> fallback = r -> Answer.json(404,
            "{\"object\":\"error\",\"status\":404,\"code\":\"object_not_found\",\"message\":\"no script\"}");
    /** Counted down when writing an answer failed because the client had closed the connection. */
    final java.util.concurrent.CountDownLatch clientWentAway = new java.util.concurrent.CountDownLatch(1);

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Queues answers, used in order; when the queue is empty the fallback answers. */
    LoopbackServer then(Answer... answers) {
        for (Answer a : answers) {
            script.addLast(a);
        }
        return this;
    }

    LoopbackServer otherwise(Function<Received, Answer> f) {
        this.fallback = f;
        return this;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] in;
        try (InputStream is = ex.getRequestBody()) {
            in = is.readAllBytes();
        }
        Received r = new Received(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
                Map.copyOf(ex.getRequestHeaders()), new String(in, StandardCharsets.UTF_8));
        received.add(r);
        Answer a = script.pollFirst();
        if (a == null) {
            a = fallback.apply(r);
        }
        try {
            if (a.delayMs() > 0) {
                Thread.sleep(a.delayMs());
            }
            a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            boolean chunked = a.headers().containsKey("X-Test-Chunked");
            ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : chunked ? 0 : a.body().length);
            if (a.body().length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    if (a.bodyDelayMs() > 0) {
                        os.write(a.body(), 0, Math.min(16, a.body().length));
                        os.flush();
                        Thread.sleep(a.bodyDelayMs());
                        os.write(a.body(), Math.min(16, a.body().length), a.body().length - Math.min(16, a.body().length));
                    } else {
                        os.write(a.body());
                    }
                }
            }
        } catch (IOException e) {
            clientWentAway.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
