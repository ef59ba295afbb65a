package dev.notionconsole.oauth;

import java.io.IOException;
import java.net.URI;

/**
 * Opens a URL in the user's browser. Injected so that tests play the browser themselves, the GUI can use
 * JavaFX's {@code HostServices}, and {@code --no-browser} opens nothing (RFC 8252 8.12: never an embedded web view).
 */
@FunctionalInterface
public interface BrowserOpener {
    void open(URI uri) throws IOException;

    /** Opens nothing: the URL is shown for the user to open, possibly on another machine. */
    BrowserOpener NONE = uri -> { };
}
