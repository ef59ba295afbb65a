package dev.notionconsole.ui.explorer;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskHandle;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.explorer.ApiCalls;
import dev.notionconsole.notion.ApiRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Narrowing the Explorer's tree: the filter over what is loaded (on a worker, the newest text wins, run again as
 * more nodes stream in) and "search Notion", which asks Notion's own index and shows its answers that are loaded.
 * The two say which they are, because one filters the loaded map and the other asks an index that may lag.
 */
public final class ExplorerFilterViewModel {
    /** Matches whose path the filter expands. */
    static final int EXPAND = 50;

    private final ExplorerTree tree;
    private final TaskRunner tasks;
    private final ConnectionCaller caller;
    private final ReadOnlyBooleanProperty mapping;
    private final Supplier<Connection> connection;
    private final IntSupplier generation;
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<TreeFilter.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private TaskHandle filtering;

    /**
     * @param connection the connection searches go as (the mapped one, else the current one)
     * @param generation the map's generation: a search answer for an earlier map is dropped
     */
    ExplorerFilterViewModel(ExplorerTree tree, TaskRunner tasks, ConnectionCaller caller, ReadOnlyBooleanProperty mapping,
                            Supplier<Connection> connection, IntSupplier generation) {
        this.tree = tree;
        this.tasks = tasks;
        this.caller = caller;
        this.mapping = mapping;
        this.connection = connection;
        this.generation = generation;
        filterText.addListener((o, a, b) -> refilter());
    }

    /** More nodes arrived: a filter in use runs again over what is loaded now. */
    void afterBatch() {
        if (tree.filtered() || !filterText.get().isBlank()) {
            refilter();
        }
    }

    /** Runs the filter over what is loaded, on a worker; the newest text wins. */
    void refilter() {
        String text = filterText.get() == null ? "" : filterText.get().trim();
        if (filtering != null) {
            filtering.cancel();
        }
        if (text.isEmpty()) {
            if (tree.filtered()) {
                tree.setFilter(null);
            }
            result.set(null);
            summary.set("");
            return;
        }
        ExplorerTree.Grouping g = tree.grouping();
        filtering = BackgroundTask.of("Filtering the tree", ctx -> TreeFilter.run(text, tree.table(), g, EXPAND, ctx::isCancelled))
                .onSuccess(r -> {
                    if (r == null || !text.equals(filterText.get().trim()) || g != tree.grouping()) {
                        return;
                    }
                    tree.setFilter(r.visible());
                    result.set(r);
                    summary.set(String.format("%,d of %,d loaded objects match", r.count(), r.loaded())
                            + (mapping.get() ? " (still loading)" : ""));
                })
                .executeWith(tasks);
    }

    /**
     * Asks Notion's search for the text (POST /v1/search, one page of 100) and shows what it found in the tree: the
     * loaded ones with their ancestors. Unlike the filter it asks Notion, whose index may lag (explorer-diagnostics.md
     * §0.1), so it says how many answers are not in the loaded map.
     */
    public void searchNotion() {
        String text = searchText.get() == null ? "" : searchText.get().trim();
        Connection c = connection.get();
        if (text.isEmpty() || c == null) {
            return;
        }
        int gen = generation.getAsInt();
        summary.set("Searching Notion for \"" + text + "\"…");
        String body = Json.compact(Json.mapper().createObjectNode().put("query", text).put("page_size", 100));
        BackgroundTask.of("Searching Notion", ctx -> ApiCalls.as(caller, c).send(ApiRequest.post("/v1/search", body),
                        ctx.cancellation(), null))
                .onSuccess(x -> {
                    if (gen != generation.getAsInt()) {
                        return;
                    }
                    if (!x.ok()) {
                        summary.set("Notion's search failed: " + x.status() + (x.error() == null ? "" : " " + x.error().code()));
                        return;
                    }
                    List<String> ids = new ArrayList<>();
                    x.json().path("results").forEach(r -> ids.add(r.path("id").asText()));
                    TreeFilter.Result r = TreeFilter.ofIds("search: " + text, ids, tree.table(), tree.grouping(), EXPAND);
                    tree.setFilter(r.visible());
                    result.set(r);
                    summary.set(String.format("Notion's search (its index may lag): %,d found, %,d in the loaded map",
                            ids.size(), r.count()) + (ids.size() > r.count() ? ", " + (ids.size() - r.count()) + " not loaded (map again)" : "")
                            + (x.json().path("has_more").asBoolean() ? ", more in Notion" : ""));
                })
                .onFailure(t -> summary.set("Notion's search failed: " + t.getMessage()))
                .executeWith(tasks);
    }

    public StringProperty filterTextProperty() { return filterText; }
    public StringProperty searchTextProperty() { return searchText; }
    /** What the filter or the search found, in words. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TreeFilter.Result> resultProperty() { return result.getReadOnlyProperty(); }
}
