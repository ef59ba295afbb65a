package dev.notionconsole.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GtkGlTest {
    @Test
    void theGuisProcessGetsItAndTheBrowserDoesNot() {
        Map<String, String> gui = new HashMap<>(Map.of("PATH", "/usr/bin"));
        GtkGl.turnOff(gui);
        assertEquals(Map.of("PATH", "/usr/bin", "GDK_GL", "disable", "NOTION_CONSOLE_SET_GDK_GL", "1"), gui);

        Map<String, String> browser = new HashMap<>(gui); // what the GUI's process hands on
        GtkGl.restoreFor(browser);
        assertEquals(Map.of("PATH", "/usr/bin"), browser);
    }

    @Test
    void theUsersOwnGdkGlIsKeptEverywhere() {
        Map<String, String> gui = new HashMap<>(Map.of("GDK_GL", "gles"));
        GtkGl.turnOff(gui);
        assertEquals(Map.of("GDK_GL", "gles"), gui);
        GtkGl.restoreFor(gui);
        assertEquals(Map.of("GDK_GL", "gles"), gui, "not ours to take away");
    }
}
