package dev.notionconsole.ui.diagnostics;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.concurrent.BackgroundTask;
import dev.notionconsole.core.concurrent.TaskHandle;
import dev.notionconsole.core.concurrent.TaskRunner;
import dev.notionconsole.diagnostics.AccessMatrix;
import dev.notionconsole.diagnostics.DiagnosedObject;
import dev.notionconsole.diagnostics.DiagnosisListener;
import dev.notionconsole.diagnostics.DiagnosticsEngine;
import dev.notionconsole.diagnostics.Evidence;
import dev.notionconsole.notion.NotionIds;
import dev.notionconsole.ui.common.DialogService;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The access matrix for one object (issue 11): which saved connections on the same API base URL read it, through
 * which root, and which cannot and why. The probes run in the background with progress and cancel; the rows are
 * plain values for a table. No Node types.
 */
public final class AccessMatrixViewModel {
    /** One table row. */
    public record Row(String connection, String kind, boolean readable, String access, String through, String cause, String why) {
        static Row of(AccessMatrix.Row r) {
            DiagnosedObject root = r.root();
            // the kind and title: the ID is in the object line above, and in "Copy as text"
            String through = root == null ? "" : (r.readable() ? "" : "add it to ") + root.kind().replace('_', ' ') + " " + root.name();
            return new Row(r.connection(), kindLabel(r.kind()), r.readable(), r.readable() ? "Reads it" : "No access", through,
                    r.readable() ? "" : r.cause().code(), Redactor.redact(r.why()));
        }

        private static String kindLabel(String code) {
            try {
                return ConnectionKind.valueOf(code.toUpperCase(Locale.ROOT)).label();
            } catch (IllegalArgumentException e) {
                return code;
            }
        }
    }

    private final DiagnosticsEngine engine;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    /** The connection whose base URL (and whose peers) the matrix asks: the Diagnostics input's. */
    private final Supplier<Connection> origin;

    private final StringProperty objectId = new SimpleStringProperty(this, "objectId", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper objectLine = new ReadOnlyStringWrapper(this, "objectLine", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<AccessMatrix> matrix = new ReadOnlyObjectWrapper<>(this, "matrix");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final AtomicInteger generation = new AtomicInteger();
    private TaskHandle handle;

    AccessMatrixViewModel(DiagnosticsEngine engine, TaskRunner tasks, DialogService dialogs, Supplier<Connection> origin) {
        this.engine = engine;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.origin = origin;
    }

    /** Asks every saved connection about {@link #objectIdProperty()}. Bad input is said, and nothing is lost. */
    public void check() {
        Connection c = origin.get();
        if (c == null) {
            problem.set("Choose a connection first: the matrix asks every saved connection on its API base URL.");
            return;
        }
        NotionIds.Result parsed = NotionIds.parse(objectId.get() == null ? "" : objectId.get().strip());
        if (parsed.id() == null) {
            problem.set("Not a Notion ID or link: " + (parsed.reason() == null ? "paste a page, database or block ID." : parsed.reason()));
            return;
        }
        cancel();
        int gen = generation.incrementAndGet();
        String id = parsed.id();
        problem.set("");
        rows.clear();
        matrix.set(null);
        objectLine.set("");
        running.set(true);
        progressText.set("Asking the connections…");
        handle = BackgroundTask.of("Access matrix for " + id, ctx -> engine.accessMatrix(id, c.id(), ctx.cancellation(),
                        new DiagnosisListener() {
                            @Override
                            public void stage(String what) {
                                ctx.progress(-1, what + "…");
                            }

                            @Override
                            public void evidence(Evidence e, int done) {
                                ctx.progress(-1, done + (done == 1 ? " call: " : " calls: ") + e.method() + " " + e.path()
                                        + " as " + e.connection() + " → " + (e.status() == 0 ? "no answer" : e.status()));
                            }
                        }))
                .onProgress(p -> {
                    if (gen == generation.get()) {
                        progressText.set(Redactor.redact(p.message()));
                    }
                })
                .onSuccess(m -> {
                    if (gen == generation.get()) {
                        matrix.set(m);
                        objectLine.set(m.object().describe());
                        rows.setAll(m.rows().stream().map(Row::of).toList());
                        long readers = m.rows().stream().filter(AccessMatrix.Row::readable).count();
                        progressText.set(readers + " of " + m.rows().size() + " connections read it · " + m.evidence().size() + " calls.");
                    }
                })
                .onFailure(t -> {
                    if (gen == generation.get()) {
                        problem.set("Could not build the matrix: " + Redactor.redact(String.valueOf(t.getMessage())));
                        progressText.set("");
                    }
                })
                .onCancelled(() -> {
                    if (gen == generation.get()) {
                        progressText.set("Cancelled.");
                    }
                })
                .onFinally(() -> {
                    if (gen == generation.get()) {
                        running.set(false);
                        handle = null;
                    }
                })
                .executeWith(tasks);
    }

    /** Checks one object at once (from a diagnosis' "Access matrix" or a hand-over). */
    public void check(String id) {
        objectId.set(id == null ? "" : id);
        check();
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
        }
    }

    public void copyAsText() {
        if (matrix.get() != null) {
            dialogs.copyToClipboard(matrix.get().toText());
            dialogs.notify(DialogService.NotificationKind.SUCCESS, "Access matrix copied as text.");
        }
    }

    public StringProperty objectIdProperty() {
        return objectId;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The object as the readers saw it: kind, title, ID. */
    public ReadOnlyStringProperty objectLineProperty() {
        return objectLine.getReadOnlyProperty();
    }

    /** Why the matrix could not be built or the input is not an ID; "" otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AccessMatrix> matrixProperty() {
        return matrix.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
