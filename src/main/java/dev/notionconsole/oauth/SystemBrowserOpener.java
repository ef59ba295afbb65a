package dev.notionconsole.oauth;

import dev.notionconsole.launch.GtkGl;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Opens the system browser with the platform's own launcher ({@code xdg-open}, {@code open}, or Windows'
 * URL handler), without AWT, so the command line needs no desktop toolkit. The URL is passed as one argument,
 * never through a shell. The authorize URL holds no secret (client ID and state only), so argv is acceptable.
 */
public final class SystemBrowserOpener implements BrowserOpener {
    @Override
    public void open(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IOException("Refusing to open a non-web URL: " + uri.getScheme());
        }
        ProcessBuilder pb = new ProcessBuilder(command(uri.toString())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        GtkGl.restoreFor(pb.environment()); // a browser started here must not inherit the console's GTK settings
        Process p = pb.start();
        try {
            // xdg-open returns quickly; a non-zero exit means no browser could be started
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() != 0) {
                throw new IOException(command(uri.toString()).get(0) + " exited with " + p.exitValue()
                        + ": no browser could be started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<String> command(String url) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", url);
        }
        if (os.contains("mac")) {
            return List.of("open", url);
        }
        return List.of("xdg-open", url);
    }
}
