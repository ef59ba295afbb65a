package dev.notionconsole.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where launched apps draw: a real X server when there is one ({@code DISPLAY}, or an {@code Xvfb} started
 * here), so the GTK glass start-up counts too; otherwise Monocle headless (or when
 * {@code -Dbench.display=monocle}). Used by the cold-start benchmark and the installer smoke test.
 */
public final class VirtualDisplay implements AutoCloseable {
    public final boolean monocle;
    final String name;
    final Process xvfb;

    private VirtualDisplay(boolean monocle, String name, Process xvfb) {
        this.monocle = monocle;
        this.name = name;
        this.xvfb = xvfb;
    }

    public static VirtualDisplay open() throws Exception {
        if ("monocle".equals(System.getProperty("bench.display"))) {
            return new VirtualDisplay(true, null, null);
        }
        String existing = System.getenv("DISPLAY");
        if (existing != null && !existing.isBlank()) {
            return new VirtualDisplay(false, existing, null);
        }
        Path xvfb = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(d -> Path.of(d, "Xvfb")).filter(Files::isExecutable).findFirst().orElse(null);
        if (xvfb == null) {
            return new VirtualDisplay(true, null, null);
        }
        for (int n = 180; n < 220; n++) {
            if (Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p = new ProcessBuilder(xvfb.toString(), ":" + n, "-screen", "0", "1440x900x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            for (int i = 0; i < 50 && p.isAlive() && !Files.exists(socket); i++) {
                Thread.sleep(100);
            }
            if (p.isAlive() && Files.exists(socket)) {
                return new VirtualDisplay(false, ":" + n, p);
            }
            p.destroyForcibly();
        }
        return new VirtualDisplay(true, null, null);
    }

    public void environment(Map<String, String> env) {
        if (monocle) {
            // Monocle is chosen by system properties; JAVA_TOOL_OPTIONS reaches every JVM the launch starts
            env.put("JAVA_TOOL_OPTIONS", "-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw");
        } else {
            env.put("DISPLAY", name);
        }
    }

    public String describe() {
        return monocle ? "Monocle headless, software rendering"
                : "X display " + name + (xvfb != null ? " (Xvfb started for this run)" : "") + ", GTK glass";
    }

    @Override
    public void close() {
        if (xvfb != null) {
            xvfb.destroy();
        }
    }
}
