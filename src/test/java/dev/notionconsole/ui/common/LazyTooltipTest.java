package dev.notionconsole.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.notionconsole.ui.OnFx;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Tooltips made on the first hover (docs/decisions/0199), driven by the mouse. */
@ExtendWith(ApplicationExtension.class)
class LazyTooltipTest {
    private final StringProperty text = new SimpleStringProperty("Saves it");
    private Button save;
    private Label other;

    @Start
    void start(Stage stage) {
        save = new Button("Save");
        save.setId("save");
        LazyTooltip.install(save, text);
        other = new Label("elsewhere");
        other.setId("other");
        stage.setScene(new Scene(new HBox(40, other, save), 400, 100));
        stage.show();
    }

    @Test
    void noTooltipUntilThePointerComesThenOneThatFollowsItsText(FxRobot robot) throws Exception {
        assertNull(OnFx.call(save::getTooltip, 5), "not made with the control");
        assertEquals("Saves it", OnFx.call(() -> save.queryAccessibleAttribute(AccessibleAttribute.HELP), 5),
                "a screen reader has the text from the start");

        robot.moveTo("#other").moveTo("#save");
        Tooltip tip = OnFx.call(save::getTooltip, 5);
        assertNotNull(tip, "made as the pointer entered");
        assertEquals("Saves it", OnFx.call(tip::getText, 5));

        OnFx.call(() -> {
            text.set("Saves it (Ctrl+S)");
            return null;
        }, 5);
        assertEquals("Saves it (Ctrl+S)", OnFx.call(tip::getText, 5));
        assertEquals("Saves it (Ctrl+S)", OnFx.call(() -> save.queryAccessibleAttribute(AccessibleAttribute.HELP), 5));

        OnFx.call(() -> {
            text.set("");
            return null;
        }, 5);
        assertNull(OnFx.call(save::getTooltip, 5), "a blank text shows no tooltip (an empty list cell)");
        OnFx.call(() -> {
            text.set("Back");
            return null;
        }, 5);
        assertEquals(tip, OnFx.call(save::getTooltip, 5), "the same tooltip again");

        robot.moveTo("#other").moveTo("#save");
        assertEquals(tip, OnFx.call(save::getTooltip, 5), "made once");
    }
}
