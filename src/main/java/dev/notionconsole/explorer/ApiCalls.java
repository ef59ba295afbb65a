package dev.notionconsole.explorer;

import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionTransportException;

/**
 * How the explorer sends its requests: one call as the mapped connection, paced, retried and cancellable (the
 * connection's caller does all of that; the explorer only decides what to ask). Blocking; thread-safe.
 */
@FunctionalInterface
public interface ApiCalls {
    /**
     * @throws NotionTransportException no answer at all
     * @throws java.util.concurrent.CancellationException cancelled while waiting or in flight
     */
    Exchange send(ApiRequest request, CancellationToken cancel, CallObserver observer) throws NotionTransportException;
}
