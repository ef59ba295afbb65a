package dev.notionconsole.notion;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.LongSupplier;

/**
 * Collects a response body into a byte array, noting when the headers arrived (time to first byte) and
 * refusing bodies over the cap: a declared Content-Length over it fails before reading; otherwise reading
 * stops as soon as the cap is passed, so a runaway body never takes the heap. {@link #abort()} stops reading
 * at once (cancel), which also closes the connection.
 */
final class CappedBodyHandler implements HttpResponse.BodyHandler<byte[]> {
    private final long maxBytes;
    private final LongSupplier nanoTime;
    private volatile long headersAt = -1;
    private volatile Subscriber subscriber;
    private volatile boolean aborted;

    CappedBodyHandler(long maxBytes, LongSupplier nanoTime) {
        this.maxBytes = maxBytes;
        this.nanoTime = nanoTime;
    }

    /** Thrown (inside the future) when the body passes the cap. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        final long limit;
        final long declared;

        TooLargeException(long limit, long declared) {
            super("Response body larger than " + limit + " bytes");
            this.limit = limit;
            this.declared = declared;
        }
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        headersAt = nanoTime.getAsLong();
        long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
        Subscriber s = new Subscriber(declared);
        subscriber = s;
        if (aborted) {
            s.abort();
        }
        return s;
    }

    /** Nano time when the response headers arrived, or -1. */
    long headersAt() {
        return headersAt;
    }

    void abort() {
        aborted = true;
        Subscriber s = subscriber;
        if (s != null) {
            s.abort();
        }
    }

    private final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final long declared;
        private volatile Flow.Subscription subscription;
        private byte[] buf;
        private int len;

        Subscriber(long declared) {
            this.declared = declared;
            this.buf = new byte[(int) Math.min(Math.max(declared, 1024), Math.min(maxBytes, 16L * 1024 * 1024))];
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared > maxBytes) {
                s.cancel();
                result.completeExceptionally(new TooLargeException(maxBytes, declared));
                return;
            }
            if (aborted) {
                s.cancel();
                result.cancel(false);
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                int n = b.remaining();
                if ((long) len + n > maxBytes) {
                    subscription.cancel();
                    buf = null;
                    result.completeExceptionally(new TooLargeException(maxBytes, declared));
                    return;
                }
                if (len + n > buf.length) {
                    long grown = Math.max((long) buf.length * 2, (long) len + n);
                    buf = Arrays.copyOf(buf, (int) Math.min(grown, Math.min(maxBytes, Integer.MAX_VALUE - 16)));
                }
                b.get(buf, len, n);
                len += n;
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            if (!result.isDone()) {
                result.complete(len == buf.length ? buf : Arrays.copyOf(buf, len));
            }
        }

        void abort() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            result.cancel(false);
        }
    }
}
