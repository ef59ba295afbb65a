package dev.notionconsole.ui.common;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One section handing a piece of work to another: Explorer's "Open as request" (a request for the Request section),
 * Explorer's "Diagnose access" and the Request section's "Diagnose" (an object or a failed call for Diagnostics).
 * Sections are built the first time they open, so the receiver may not exist yet: an offer made before it
 * subscribes waits (only the newest is kept) and is delivered when it does; later offers go straight to it.
 * Switching to the receiving section is the caller's part ({@code AppContext} wires offer + navigate).
 *
 * <p>Toolkit-free; use it on the UI thread (offers come from user gestures, the receiver changes its properties).
 *
 * @param <T> what is handed over, e.g. {@link dev.notionconsole.request.RequestSpec}
 */
public final class HandOver<T> {
    private T pending;
    private Consumer<? super T> receiver;

    /** Hands {@code value} to the receiver now, or keeps it for the receiver that subscribes next. */
    public void offer(T value) {
        Objects.requireNonNull(value, "value");
        if (receiver != null) {
            receiver.accept(value);
        } else {
            pending = value;
        }
    }

    /** The receiving section registers once it is built; a pending offer is delivered at once. One receiver. */
    public void subscribe(Consumer<? super T> receiver) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        T waiting = pending;
        pending = null;
        if (waiting != null) {
            receiver.accept(waiting);
        }
    }

    /** True while an offer waits for its receiver (tests, and a section deciding what to show first). */
    public boolean hasPending() {
        return pending != null;
    }
}
