package dev.notionconsole.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
    private static final ScreenArea LAPTOP = new ScreenArea(0, 0, 1440, 870);
    private static final ScreenArea RIGHT_MONITOR = new ScreenArea(1440, 0, 2560, 1400);

    @Test
    void firstStartIsCentredOnThePrimaryScreenAndLeavesSomeOfItFree() {
        WindowBounds b = WindowPlacement.place(null, List.of(LAPTOP));
        assertEquals(1440 * 0.92, b.width(), 0.001);
        assertEquals(870 * 0.92, b.height(), 0.001);
        assertEquals((1440 - b.width()) / 2.0, b.x(), 0.001);
        assertEquals((870 - b.height()) / 2.0, b.y(), 0.001);
        WindowBounds big = WindowPlacement.place(null, List.of(new ScreenArea(0, 0, 2560, 1400)));
        assertEquals(1440, big.width());
        assertEquals(900, big.height());
    }

    @Test
    void boundsOnAScreenAreKept() {
        WindowBounds saved = new WindowBounds(1600, 100, 1200, 900, false);
        assertEquals(saved, WindowPlacement.place(saved, List.of(LAPTOP, RIGHT_MONITOR)));
    }

    @Test
    void aWindowLeftOnAnUnpluggedMonitorComesBackToThePrimaryScreen() {
        WindowBounds saved = new WindowBounds(2000, 200, 1000, 700, false);
        WindowBounds b = WindowPlacement.place(saved, List.of(LAPTOP));
        assertEquals(1000, b.width(), "the size the user chose is kept");
        assertOn(LAPTOP, b);
    }

    @Test
    void aWindowWhoseTitleBarIsAboveTheScreenIsPulledDown() {
        WindowBounds saved = new WindowBounds(100, -600, 1000, 700, false);
        WindowBounds b = WindowPlacement.place(saved, List.of(LAPTOP));
        assertOn(LAPTOP, b);
    }

    @Test
    void aWindowHangingOffTheEdgeIsMovedInside() {
        WindowBounds saved = new WindowBounds(1200, 500, 1000, 700, false);
        WindowBounds b = WindowPlacement.place(saved, List.of(LAPTOP));
        assertOn(LAPTOP, b);
        assertEquals(1000, b.width());
    }

    @Test
    void aWindowLargerThanTheScreenShrinksToFit() {
        WindowBounds saved = new WindowBounds(0, 0, 2500, 1350, true);
        WindowBounds b = WindowPlacement.place(saved, List.of(LAPTOP));
        assertOn(LAPTOP, b);
        assertTrue(b.maximized());
    }

    @Test
    void garbageBoundsAreTreatedAsFirstStart() {
        WindowBounds saved = new WindowBounds(Double.NaN, 0, 800, 600, false);
        assertEquals(WindowPlacement.place(null, List.of(LAPTOP)), WindowPlacement.place(saved, List.of(LAPTOP)));
    }

    private static void assertOn(ScreenArea s, WindowBounds b) {
        assertTrue(b.x() >= s.x() && b.y() >= s.y() && b.x() + b.width() <= s.x() + s.width()
                && b.y() + b.height() <= s.y() + s.height(), () -> b + " not within " + s);
    }
}
