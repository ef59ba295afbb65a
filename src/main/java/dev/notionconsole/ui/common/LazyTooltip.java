package dev.notionconsole.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A control's tooltip, made when the pointer first enters the control. A {@link Tooltip} is a popup window with a
 * scene of its own: ~1-1.5 ms each on the JavaFX thread and, for the first one in a fresh JVM, tens of milliseconds
 * more (docs/decisions/0199); a window built with a dozen of them paid that before its first frame, and every new
 * list cell two of them, for tooltips that are mostly never shown. The text is the control's accessible help at
 * once, as a made tooltip's would be; no tooltip shows while the text is blank (an empty list cell).
 */
public final class LazyTooltip implements EventHandler<MouseEvent> {
    private final Control control;
    private final ObservableValue<String> text;
    private final double wrapWidth;
    /** Held here, registered weakly: a view model's text property must not keep a closed view's controls alive. */
    private final InvalidationListener textListener = this::textChanged;
    private Tooltip tip;

    private LazyTooltip(Control control, ObservableValue<String> text, double wrapWidth) {
        this.control = control;
        this.text = text;
        this.wrapWidth = wrapWidth;
    }

    public static void install(Control control, String text) {
        install(control, Bindings.createStringBinding(() -> text));
    }

    /** The tooltip follows {@code text} once made; so does the accessible help from the start. */
    public static void install(Control control, ObservableValue<String> text) {
        install(control, text, 0);
    }

    /** For long texts: the tooltip wraps its lines at {@code maxWidth}. */
    public static void installWrapped(Control control, ObservableValue<String> text, double maxWidth) {
        install(control, text, maxWidth);
    }

    private static void install(Control control, ObservableValue<String> text, double wrapWidth) {
        control.accessibleHelpProperty().bind(text);
        control.addEventFilter(MouseEvent.MOUSE_ENTERED, new LazyTooltip(control, text, wrapWidth));
    }

    @Override
    public void handle(MouseEvent e) {
        control.removeEventFilter(MouseEvent.MOUSE_ENTERED, this);
        tip = new Tooltip();
        if (wrapWidth > 0) {
            tip.setWrapText(true);
            tip.setMaxWidth(wrapWidth);
        }
        tip.textProperty().bind(text);
        control.getProperties().put(LazyTooltip.class, this); // lives as long as its control
        text.addListener(new WeakInvalidationListener(textListener));
        textChanged(text); // set now: its handlers see the moves that follow, so it shows on this first hover
    }

    private void textChanged(Observable o) {
        String now = text.getValue();
        control.setTooltip(now == null || now.isBlank() ? null : tip);
    }
}
