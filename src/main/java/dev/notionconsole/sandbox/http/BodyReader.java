package dev.notionconsole.sandbox.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * How a route that does not take JSON reads its request body (see {@link Route.Builder#streamedBody}). The router
 * calls it before taking the model lock, so a slow or large upload never holds other requests up; the stream is
 * bounded by the route's limit, and whatever the reader leaves unread is drained by the router afterwards.
 */
@FunctionalInterface
public interface BodyReader {
    /**
     * Reads the body; the result is handed to the handler as {@link Call#streamedBody(Class)}. Problems with the
     * body's content should be part of the result, so the handler can report them in Notion's check order.
     */
    Object read(Call call, InputStream body) throws IOException;
}
