package dev.notionconsole.ui.request;

import dev.notionconsole.notion.NotionIds;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A path parameter. For IDs, a pasted Notion URL or undashed ID is normalised with {@link NotionIds} at once
 * and the field says what was done ("took the page ID from the URL; ignored view ?v=..."); text that is not an
 * ID yet gets its reason only once it is long enough to be meant as one. Text typed a character at a time is
 * normalised when the field is left ({@link #commit}) and when the request is built ({@link #normalisedValue}),
 * never mid-typing: replacing the text under the caret sent the next keystrokes to the start of the field.
 */
public final class IdField {
    private final String name;
    private final String description;
    private final boolean id;
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final java.util.function.Consumer<Runnable> later;
    private boolean normalising;

    /**
     * @param later runs the replacement after the current change has finished (Platform::runLater in the app): a
     *     value replaced inside its own change event would not reach a bidirectionally bound text field
     */
    public IdField(String name, String description, boolean id, java.util.function.Consumer<Runnable> later) {
        this.name = name;
        this.description = description == null ? "" : description;
        this.id = id;
        this.later = later;
        value.addListener((o, was, now) -> normalise(now, was == null || was.isBlank() || now != null && now.length() - was.length() > 1));
    }

    /** Normalises what was typed (the user left the field or pressed Enter). */
    public void commit() {
        normalise(value.get(), true);
    }

    /** The value to send: the canonical ID when the text holds one, else the text as typed (trimmed). */
    public String normalisedValue() {
        String v = value.get() == null ? "" : value.get().trim();
        if (!id || v.isEmpty()) {
            return v;
        }
        NotionIds.Result r = NotionIds.parse(v);
        return r.ok() ? r.id() : v;
    }

    /** @param replace put the canonical ID into the field (a paste, or the field was left); else only explain */
    private void normalise(String text, boolean replace) {
        if (normalising) {
            return;
        }
        problem.set("");
        if (!id || text == null || text.isBlank()) {
            note.set("");
            return;
        }
        NotionIds.Result r = NotionIds.parse(text);
        if (r.ok()) {
            if (!r.id().equals(text)) {
                note.set(r.notes().isEmpty() ? "Normalised to the dashed ID." : r.notesText());
                if (!replace) {
                    return;
                }
                later.accept(() -> {
                    if (text.equals(value.get())) {
                        normalising = true;
                        try {
                            value.set(r.id());
                        } finally {
                            normalising = false;
                        }
                    }
                });
            }
        } else {
            note.set("");
            if (text.length() >= 32 || text.contains("/") || text.contains(" ")) {
                problem.set(r.reason());
            }
        }
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public boolean isId() {
        return id;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public String getValue() {
        return value.get();
    }

    public void setValue(String v) {
        value.set(v);
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
