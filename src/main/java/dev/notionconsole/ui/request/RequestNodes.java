package dev.notionconsole.ui.request;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;

/** Small node factories shared by the Request section's panes. */
final class RequestNodes {
    private RequestNodes() {
    }

    static Tab tab(String title, Node content, String id) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        return l;
    }

    /** A list placeholder that wraps in a narrow pane instead of "Sent requests appe…". */
    static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        l.setPadding(new Insets(8));
        return l;
    }
}
