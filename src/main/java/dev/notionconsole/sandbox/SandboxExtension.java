package dev.notionconsole.sandbox;

import dev.notionconsole.sandbox.model.SandboxModel;
import java.io.IOException;

/**
 * A plug-in for the sandbox (rate limiting, fault injection, the page generator, state persistence, OAuth routes).
 * Extensions come from {@link SandboxOptions#extensions()} and, unless disabled, from
 * {@code META-INF/services/dev.notionconsole.sandbox.SandboxExtension}. Lifecycle, in order:
 * {@link #loadModel} (first non-null wins, else the fixture is loaded), {@link #install} (after the core routes are
 * registered and the port is bound, before serving), {@link #beforeClose} (before the server stops).
 */
public interface SandboxExtension {
    /** Builds the model instead of the fixture (e.g. --pages N), or null to let the fixture load. */
    default SandboxModel loadModel(SandboxOptions options) throws IOException {
        return null;
    }

    /** Registers routes, pre-handlers and listeners; may edit the model (under its write lock). */
    default void install(SandboxContext context) throws IOException {
    }

    /** Called on close, before the listener stops (e.g. save state). */
    default void beforeClose(SandboxContext context) {
    }
}
