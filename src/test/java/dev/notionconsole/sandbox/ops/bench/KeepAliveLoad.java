package dev.notionconsole.sandbox.ops.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A small closed-loop HTTP/1.1 load generator for loopback benchmarks, in the spirit of wrk: each connection
 * keeps its socket open and sends the next request as soon as the previous answer is read. It is far lighter
 * than java.net.http.HttpClient, so on a 2-core machine the server, not the client, takes most of the CPU.
 * Bounded by a number of requests and a duration, whichever comes first. Every answer must be 200, or the run
 * fails: a benchmark that counts errors as throughput measures nothing.
 */
final class KeepAliveLoad {
    record Result(long requests, long nanos, long errors, String firstError) {
        double perSecond() {
            return requests * 1e9 / nanos;
        }
    }

    private KeepAliveLoad() {
    }

    /**
     * @param base        http://127.0.0.1:PORT
     * @param paths       the path of the i-th request of a connection (spreads the load over many objects)
     * @param headers     sent with every request
     * @param connections concurrent connections
     * @param maxRequests total request bound
     * @param maxNanos    duration bound
     */
    static Result run(String base, IntFunction<String> paths, Map<String, String> headers, int connections,
                      long maxRequests, long maxNanos) throws Exception {
        URI uri = URI.create(base);
        AtomicLong budget = new AtomicLong(maxRequests);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        String[] firstError = {null};
        StringBuilder head = new StringBuilder();
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        long start = System.nanoTime();
        long deadline = start + maxNanos;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            final int conn = c;
            Thread t = new Thread(() -> {
                try (Socket s = new Socket()) {
                    s.setTcpNoDelay(true);
                    s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
                    OutputStream out = s.getOutputStream();
                    InputStream in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
                    int i = conn;
                    while (!stop.get() && budget.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                        String req = "GET " + paths.apply(i) + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                                + "\r\n" + head + "\r\n";
                        i += connections;
                        out.write(req.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        int status = readResponse(in);
                        if (status == 200) {
                            done.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                            synchronized (firstError) {
                                if (firstError[0] == null) {
                                    firstError[0] = "status " + status + " for " + paths.apply(i - connections);
                                }
                            }
                            stop.set(true);
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    synchronized (firstError) {
                        if (firstError[0] == null) {
                            firstError[0] = e.toString();
                        }
                    }
                    stop.set(true);
                }
            }, "load-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Result(done.get(), System.nanoTime() - start, errors.get(), firstError[0]);
    }

    /** Reads one response (Content-Length or chunked) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            throw new IOException("connection closed by the server");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(readLine(in).trim(), 16); size > 0;
                 size = Long.parseLong(readLine(in).trim(), 16)) {
                skip(in, size);
                readLine(in);
            }
            readLine(in);
        } else if (length > 0) {
            skip(in, length);
        }
        return status;
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long k = in.skip(n);
            if (k <= 0) {
                if (in.read() < 0) {
                    throw new IOException("body cut short");
                }
                k = 1;
            }
            n -= k;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) b);
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
