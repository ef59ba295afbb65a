package dev.notionconsole.ui.request;

import dev.notionconsole.request.NameValue;
import dev.notionconsole.ui.common.LazyTooltip;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Headers as text, one per line as on the wire, selectable, with a Copy button (the Headers and Sent tabs). A list
 * view's cells double-spaced them and could not be copied (issue 16, item 9). The Sent tab's first line is the
 * request line ("GET https://…"); the token in it is masked already where the client recorded it.
 */
final class HeaderLines extends VBox {
    private final TextArea text = new TextArea();

    HeaderLines(String id, ObservableList<NameValue> headers, boolean requestLine, String what, BiConsumer<String, String> copy) {
        super(6);
        text.setId(id);
        text.setEditable(false);
        text.setWrapText(false);
        text.getStyleClass().add("header-lines");
        VBox.setVgrow(text, Priority.ALWAYS);
        Button copyButton = new Button("Copy");
        copyButton.setId(id + "Copy");
        LazyTooltip.install(copyButton, "Copy " + what.toLowerCase(java.util.Locale.ROOT) + " as text");
        copyButton.setOnAction(e -> copy.accept(text.getText(), what));
        copyButton.disableProperty().bind(text.textProperty().isEmpty());
        HBox bar = new HBox(6, copyButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(bar, text);
        setPadding(new Insets(6, 0, 0, 0));
        headers.addListener((ListChangeListener<NameValue>) c -> text.setText(format(headers, requestLine)));
        text.setText(format(headers, requestLine));
    }

    /** "Name: value" per line; with {@code requestLine}, the first entry is "METHOD url". */
    static String format(List<NameValue> headers, boolean requestLine) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            NameValue h = headers.get(i);
            sb.append(i > 0 ? "\n" : "").append(h.name()).append(requestLine && i == 0 ? " " : ": ").append(h.value());
        }
        return sb.toString();
    }
}
