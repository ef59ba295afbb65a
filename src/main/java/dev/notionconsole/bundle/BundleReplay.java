package dev.notionconsole.bundle;

import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.core.io.AtomicFiles;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.ClientSettings;
import dev.notionconsole.notion.Credentials;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionClient;
import dev.notionconsole.notion.NotionTransportException;
import dev.notionconsole.notion.RetryPolicy;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.fixture.FixtureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a bundle: writes its {@link ReplayFixture}, starts a sandbox on it (127.0.0.1, {@code port} or a free
 * one), sends every bundled call again as the rebuilt connection and reports, per call, the original and the
 * replayed status and code. Blocking: call from a background task.
 */
public final class BundleReplay implements AutoCloseable {
    private final SandboxServer server;
    private final Path fixture;

    private BundleReplay(SandboxServer server, Path fixture) {
        this.server = server;
        this.fixture = fixture;
    }

    /** Starts a sandbox on the bundle's rebuilt setup; close it when done. */
    public static BundleReplay start(Bundle bundle, int port) throws IOException {
        Path dir = Files.createTempDirectory("ncbundle-replay");
        Path fixture = dir.resolve("replay-fixture.json");
        AtomicFiles.write(fixture, Json.pretty(ReplayFixture.of(bundle)).getBytes(StandardCharsets.UTF_8));
        try {
            return new BundleReplay(SandboxServer.start(SandboxOptions.builder().port(port).fixture(fixture).rateLimitOff().build()), fixture);
        } catch (FixtureException e) {
            throw new IOException("The setup rebuilt from the bundle is not a valid sandbox fixture: " + e.getMessage(), e);
        }
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** The fixture the sandbox runs (deleted by {@link #close()}): copy it to keep and edit it. */
    public Path fixture() {
        return fixture;
    }

    /** Sends every call of the bundle again, in order. */
    public List<ReplayResult> replay(Bundle bundle, CancellationToken cancel) {
        NotionClient client = new NotionClient(ClientSettings.builder().baseUrl(server.baseUrl())
                .credentials(Credentials.bearer(Secret.of(ReplayFixture.TOKEN)))
                .notionVersion(bundle.connection().notionVersion() == null ? dev.notionconsole.notion.NotionVersion.LATEST
                        : bundle.connection().notionVersion())
                .retryPolicy(RetryPolicy.none()).build());
        List<ReplayResult> out = new ArrayList<>();
        for (BundleExchange x : bundle.exchanges()) {
            if (cancel.isCancelled()) {
                break;
            }
            out.add(send(client, x, cancel));
        }
        return out;
    }

    private static ReplayResult send(NotionClient client, BundleExchange x, CancellationToken cancel) {
        try {
            ApiRequest r = ApiRequest.method(x.method(), x.path()).body(x.requestBody().isBlank() ? null : x.requestBody())
                    .version(x.notionVersion());
            for (NameValue q : x.query()) {
                r = r.query(q.name(), q.value());
            }
            Exchange answer = client.send(r, cancel, CallObserver.NONE);
            return new ReplayResult(x, answer.status(), answer.error() == null ? null : answer.error().code(), null);
        } catch (NotionTransportException e) {
            return new ReplayResult(x, 0, null, null);
        } catch (IllegalArgumentException e) {
            return new ReplayResult(x, 0, null, e.getMessage());
        }
    }

    /** Stops the sandbox and deletes its fixture. */
    @Override
    public void close() {
        server.close();
        try {
            Files.deleteIfExists(fixture);
            Files.deleteIfExists(fixture.getParent());
        } catch (IOException e) {
            fixture.toFile().deleteOnExit(); // a temporary file; nothing secret in it
        }
    }
}
