package dev.notionconsole.ui.explorer;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskHandle;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.explorer.ApiCalls;
import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.explorer.WorkspaceMap;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.oauth.BrowserOpener;
import dev.notionconsole.request.RequestSpec;
import dev.notionconsole.ui.common.DialogService;
import dev.notionconsole.ui.common.ObjectRef;
import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Explorer's selected node: its details (IDs, URL, path from its root, why it is visible), its raw JSON read as
 * the mapped connection on demand, and what can be done with it (copy, open in the browser, open as a request,
 * diagnose access). {@link ExplorerViewModel} owns the map and the tree this reads.
 */
public final class SelectedNodeViewModel {
    private final ExplorerTree tree;
    private final Supplier<WorkspaceMap> map;
    private final Supplier<Connection> mappedConnection;
    private final ConnectionCaller caller;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final BrowserOpener browser;
    private final Consumer<RequestSpec> openAsRequest;
    private final Consumer<ObjectRef> diagnose;
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper(this, "selected");
    private final ReadOnlyObjectWrapper<NodeDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyStringWrapper rawJson = new ReadOnlyStringWrapper(this, "rawJson", "");
    private TaskHandle jsonLoad;

    SelectedNodeViewModel(ExplorerTree tree, Supplier<WorkspaceMap> map, Supplier<Connection> mappedConnection,
                          ConnectionCaller caller, TaskRunner tasks, DialogService dialogs, BrowserOpener browser,
                          Consumer<RequestSpec> openAsRequest, Consumer<ObjectRef> diagnose) {
        this.tree = tree;
        this.map = map;
        this.mappedConnection = mappedConnection;
        this.caller = caller;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.browser = browser;
        this.openAsRequest = openAsRequest;
        this.diagnose = diagnose;
    }

    /** Selects a node by ID (null clears). */
    public void select(String id) {
        selected.set(id);
        rawJson.set("");
        if (jsonLoad != null) {
            jsonLoad.cancel();
        }
        refresh();
    }

    /** The details again, from the tree and the map as they are now (a finished map knows every node's root). */
    void refresh() {
        String id = selected.get();
        MapNode n = id == null ? null : tree.node(id);
        details.set(n == null ? null : NodeDetails.of(n, tree, map.get()));
    }

    /** Loads the selected object's JSON with a read as the mapped connection (its answer, 404 included). */
    public void loadRawJson() {
        NodeDetails d = details.get();
        Connection c = mappedConnection.get();
        if (d == null || c == null) {
            return;
        }
        rawJson.set("Loading…");
        String id = d.node().id();
        RequestSpec spec = d.request();
        jsonLoad = BackgroundTask.of("Reading " + id, ctx -> ApiCalls.as(caller, c)
                        .send(ApiRequest.method(spec.method(), spec.path()), ctx.cancellation(), null))
                .onSuccess(x -> {
                    if (id.equals(selected.get())) {
                        rawJson.set(x.status() + " " + spec.method() + " " + spec.path() + "\n" + pretty(x));
                    }
                })
                .onFailure(t -> {
                    if (id.equals(selected.get())) {
                        rawJson.set("Could not read it: " + t.getMessage());
                    }
                })
                .executeWith(tasks);
    }

    private static String pretty(Exchange x) {
        return x.json() != null ? Json.pretty(x.json()) : x.text();
    }

    public void copyId(String value) {
        if (value != null) {
            dialogs.copyToClipboard(value);
            dialogs.notify(DialogService.NotificationKind.INFO, "Copied " + value);
        }
    }

    public void copyUrl() {
        NodeDetails d = details.get();
        if (d != null && d.node().url() != null) {
            dialogs.copyToClipboard(d.node().url());
            dialogs.notify(DialogService.NotificationKind.INFO, "Copied the link");
        }
    }

    public void openInBrowser() {
        NodeDetails d = details.get();
        if (d == null || d.node().url() == null) {
            return;
        }
        try {
            browser.open(URI.create(d.node().url()));
        } catch (Exception e) {
            dialogs.showError("Could not open the browser", "Open it yourself: " + d.node().url(), e);
        }
    }

    /** Hands the selected node's read to the Request section (which opens with the route and ID filled in). */
    public void openAsRequest() {
        NodeDetails d = details.get();
        if (d != null && d.request() != null) {
            openAsRequest.accept(d.request());
        }
    }

    /** Hands the selected node to the Diagnostics section. */
    public void diagnoseAccess() {
        NodeDetails d = details.get();
        Connection c = mappedConnection.get();
        if (d != null && c != null) {
            MapNode n = d.node();
            diagnose.accept(new ObjectRef(c.id(), n.object(), n.id(), n.title().isBlank() ? null : n.title(), n.url()));
        }
    }

    public ReadOnlyStringProperty selectedProperty() { return selected.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<NodeDetails> detailsProperty() { return details.getReadOnlyProperty(); }
    public ReadOnlyStringProperty rawJsonProperty() { return rawJson.getReadOnlyProperty(); }
}
