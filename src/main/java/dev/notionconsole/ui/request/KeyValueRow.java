package dev.notionconsole.ui.request;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** An editable header or query row; rows with an empty name (or, for query rows, empty value) are not sent. */
public final class KeyValueRow {
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final String hint;

    public KeyValueRow(String name, String value, String hint) {
        this.name.set(name == null ? "" : name);
        this.value.set(value == null ? "" : value);
        this.hint = hint == null ? "" : hint;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public String getName() {
        return name.get();
    }

    public String getValue() {
        return value.get();
    }

    /** What the catalog says about this parameter, for a prompt text. */
    public String hint() {
        return hint;
    }
}
