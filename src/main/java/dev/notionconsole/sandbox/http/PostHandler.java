package dev.notionconsole.sandbox.http;

/**
 * A step the router runs after the handler has answered (outside the model lock), before the answer is written:
 * it may replace the answer. Used by fault injection for "saved but timed out" (docs/notion-api.md §4.5): the write
 * happened, the client gets a 503 that names what was committed.
 */
@FunctionalInterface
public interface PostHandler {
    /** @return the answer to send: {@code response} itself or a replacement */
    Response after(Call call, Response response);
}
