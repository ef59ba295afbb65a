package dev.notionconsole.explorer;

import dev.notionconsole.notion.Exchange;

/** The map could not start: users/me failed (a revoked token, a missing capability...). Carries the answer. */
public final class MapException extends Exception {
    private final transient Exchange exchange;

    public MapException(String message, Exchange exchange) {
        super(message);
        this.exchange = exchange;
    }

    public Exchange exchange() {
        return exchange;
    }
}
