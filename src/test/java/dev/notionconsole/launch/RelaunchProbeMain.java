package dev.notionconsole.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * Stands in for the Launcher in {@link RelauncherTest}: relaunches itself like the GUI does; the child writes
 * to {@code $PROBE_OUT} whether its memory maps the app's archive from the cache and its {@code GDK_GL}, then exits with {@code $PROBE_EXIT}.
 */
public final class RelaunchProbeMain {
    private RelaunchProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        OptionalInt child = Relauncher.relaunchGui(RelaunchProbeMain.class.getName(), List.of());
        if (child.isPresent()) {
            System.exit(child.getAsInt());
        }
        boolean mapped = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .anyMatch(l -> l.contains("/cds/notion-console-") && l.endsWith(".jsa"));
        Files.writeString(Path.of(System.getenv("PROBE_OUT")), "child=" + Boolean.getBoolean(ArchivePlan.CHILD_PROPERTY)
                + " mapsAppArchive=" + mapped + " GDK_GL=" + System.getenv("GDK_GL"));
        System.exit(Integer.parseInt(System.getenv("PROBE_EXIT")));
    }
}
