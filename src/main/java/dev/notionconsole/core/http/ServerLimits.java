package dev.notionconsole.core.http;

import com.sun.net.httpserver.HttpServer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one client connection may hold in the console's own HTTP servers (the sandbox and the OAuth loopback
 * listener, both {@code com.sun.net.httpserver}); docs/decisions/0092-slow-clients.md.
 *
 * <ul>
 *   <li><b>Time.</b> The JDK server reads a request's headers and body on a worker thread. JDK 17's
 *       {@code sun.net.httpserver.maxReqTime} closes a connection whose request (headers and body) has not fully
 *       arrived {@value #REQUEST_SECONDS} s after its first byte, and {@code maxRspTime} one whose answer the client
 *       has not taken within {@value #RESPONSE_SECONDS} s. Both are JVM-wide and read once, when the first server
 *       starts: {@link #apply()} runs before either server is created. A value already set (tests use shorter
 *       ones) is kept.</li>
 *   <li><b>Threads.</b> {@link #executor} gives each connection its own thread up to a bound, so connections that
 *       trickle their headers wait on their own threads while other requests are answered at once; past the bound
 *       requests queue (never refused) until the time limit frees a thread.</li>
 *   <li><b>Size.</b> Headers: the JDK's own limits (200 headers, 380 KB). Bodies: each route's limit.</li>
 *   <li><b>Stop.</b> {@link #stopNow}: both servers stop through it, so a stop on a cancelled task's thread
 *       still frees the port before it returns.</li>
 * </ul>
 */
public final class ServerLimits {
    /** Seconds a request (headers and body) may take to arrive. */
    public static final int REQUEST_SECONDS = 20;
    /** Seconds a client may take to read an answer. */
    public static final int RESPONSE_SECONDS = 60;

    private ServerLimits() {
    }

    /** Sets the JDK server's time limits unless already set; call before creating an {@code HttpServer}. */
    public static synchronized void apply() {
        setIfAbsent("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        setIfAbsent("sun.net.httpserver.maxRspTime", RESPONSE_SECONDS);
    }

    /** The request time limit in effect, in seconds (the JDK reads it once). */
    public static long requestSeconds() {
        return Long.getLong("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
    }

    /**
     * A pool that starts a thread per connection up to {@code threads}, lets idle ones go after 30 s, and queues
     * what comes beyond (daemon threads named {@code name-N}).
     */
    public static ExecutorService executor(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Stops {@code server} at once and returns only when its port is free. {@code HttpServer.stop} waits with
     * {@code join()} for the dispatcher thread that closes the socket; on an interrupted thread (a cancelled task's
     * worker) that wait returned at once with the port still bound, and a new listener on it failed. So the
     * interrupt is cleared for the stop and put back after.
     */
    public static void stopNow(HttpServer server) {
        boolean interrupted = Thread.interrupted();
        try {
            server.stop(0);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void setIfAbsent(String property, int seconds) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(seconds));
        }
    }
}
