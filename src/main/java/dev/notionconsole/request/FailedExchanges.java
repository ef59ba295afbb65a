package dev.notionconsole.request;

import dev.notionconsole.notion.Exchange;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The failed exchange the user asked to diagnose, kept whole (body included) in memory for the Diagnostics
 * workspace to pick up. One per app; written on the UI thread, read by whoever diagnoses.
 *
 * <p>Superseded by {@code diagnostics.DiagnosisRequest}, the explicit hand-over to the engine
 * (docs/decisions/0076-diagnosis-hand-over-and-advice.md); kept until the Diagnostics workspace is wired to it.
 */
public final class FailedExchanges {
    private final AtomicReference<Exchange> last = new AtomicReference<>();

    public void offer(Exchange failed) {
        last.set(failed);
    }

    public Optional<Exchange> last() {
        return Optional.ofNullable(last.get());
    }
}
