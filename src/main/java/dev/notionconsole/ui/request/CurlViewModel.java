package dev.notionconsole.ui.request;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.notion.NotionVersion;
import dev.notionconsole.notion.catalog.Endpoint;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.request.curl.CurlExporter;
import dev.notionconsole.request.curl.CurlImport;
import dev.notionconsole.request.curl.CurlImporter;
import dev.notionconsole.request.send.RequestSender;
import dev.notionconsole.ui.common.DialogService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The composed request as a cURL command (token as {@code $NOTION_TOKEN}, or revealed on request), and back. */
public final class CurlViewModel {
    private final ComposeViewModel compose;
    private final ConnectionService connections;
    private final RequestSender sender;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    public CurlViewModel(ComposeViewModel compose, ConnectionService connections, RequestSender sender, TaskRunner tasks,
                         DialogService dialogs) {
        this.compose = compose;
        this.connections = connections;
        this.sender = sender;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** The request as a cURL command with {@code $NOTION_TOKEN}: safe to paste into a ticket. */
    public String curl() {
        Connection c = connections.current().orElse(null);
        RequestSpec spec = compose.currentSpec();
        Endpoint e = sender.endpointFor(spec);
        String base = c == null || c.isSandbox() ? baseUrlOrSandbox(c) : c.baseUrl();
        CurlExporter.Credential cred = e != null && e.auth() == Endpoint.Auth.BASIC
                ? new CurlExporter.Credential.ClientVariables() : new CurlExporter.Credential.TokenVariable();
        return CurlExporter.export(spec, base, spec.effectiveVersion(c == null ? NotionVersion.LATEST : c.notionVersion()), cred);
    }

    private String baseUrlOrSandbox(Connection c) {
        if (c == null) {
            return "https://api.notion.com";
        }
        return connections.list().isEmpty() ? c.baseUrl() : resolveQuietly(c);
    }

    private String resolveQuietly(Connection c) {
        try {
            return connections.clients().resolveBaseUrl(c);
        } catch (IOException e) {
            return c.baseUrl();
        }
    }

    public void copyAsCurl() {
        dialogs.copyToClipboard(curl());
        dialogs.notify(DialogService.NotificationKind.SUCCESS, "Copied as cURL (token as $NOTION_TOKEN).");
    }

    /** With the real token, after the user confirms; the clipboard is cleared after a minute. */
    public void copyAsCurlWithToken() {
        Optional<Connection> c = connections.current();
        if (c.isEmpty() || !dialogs.confirm("Copy with the token?", "The command will contain " + c.get().name()
                + "'s token in clear. Anyone who sees it can act as this connection. The clipboard is cleared after 60 seconds.", "Copy with token")) {
            return;
        }
        RequestSpec spec = compose.currentSpec();
        BackgroundTask.of("Read token", ctx -> connections.secrets().token(c.get()).orElseThrow(() -> new IllegalStateException("No token stored.")))
                .onSuccess(token -> dialogs.copyToClipboard(CurlExporter.export(spec, resolveQuietly(c.get()),
                        spec.effectiveVersion(c.get().notionVersion()), new CurlExporter.Credential.RevealedToken(token)), Duration.ofSeconds(60)))
                .onFailure(t -> dialogs.showError("Could not read the token", Redactor.redact(String.valueOf(t.getMessage()))))
                .executeWith(tasks);
    }

    /** Reads a pasted cURL command into the builder; {@code -d @file} is read in the background. */
    public void importCurl(String command) {
        BackgroundTask.of("Import cURL", ctx -> CurlImporter.parse(command, f -> Files.readString(Path.of(f), StandardCharsets.UTF_8)))
                .onSuccess(this::applyImport)
                .onFailure(t -> dialogs.showError("Could not read the cURL command", Redactor.redact(String.valueOf(t.getMessage()))))
                .executeWith(tasks);
    }

    /** More ▸ Import cURL command…: asks for the command through the dialog service, then imports it. */
    public void importCurlFromPrompt() {
        dialogs.askText("Import cURL command",
                "Paste a cURL command (multi-line with \\ is fine). A token in it is kept in memory only, never saved.", "")
                .ifPresent(this::importCurl);
    }

    private void applyImport(CurlImport imp) {
        compose.load(imp.request());
        List<String> notes = new ArrayList<>(imp.notes());
        Connection c = connections.current().orElse(null);
        if (c != null && !imp.baseUrl().equals(resolveQuietly(c))) {
            notes.add("The command targets " + imp.baseUrl() + "; it will be sent to " + c.name() + " (" + resolveQuietly(c) + ").");
        }
        compose.adoptPastedToken(imp.bearerToken(), String.join(" ", notes));
    }
}
