package dev.notionconsole.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux app image's script (packaging/linux/launcher.sh) reads {@link RenderingMemo}'s line itself, to turn GTK's
 * OpenGL off before the JVM starts (docs/decisions/0196). Run here on a stand-in image whose {@code java} only
 * reports its environment, against memos the Java side wrote: the script must follow the same rule.
 */
class LauncherScriptGpuMemoTest {
    @TempDir
    Path dir;
    private Path image;
    private Path cache;
    private Path report;

    @BeforeEach
    void standInImage() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"), "a Linux launcher");
        image = dir.resolve("image");
        cache = dir.resolve("cache");
        report = dir.resolve("report.txt");
        Path bin = Files.createDirectories(image.resolve("bin"));
        Files.copy(Path.of("packaging/linux/launcher.sh"), bin.resolve("notion-console"));
        Path app = Files.createDirectories(image.resolve("lib/app"));
        Files.writeString(app.resolve("notion-console.jar"), "");
        Files.writeString(app.resolve("notion-console.cfg"), "[Application]\napp.classpath=$APPDIR/notion-console.jar\n"
                + "app.mainclass=dev.notionconsole.Launcher\n\n[JavaOptions]\njava-options=-Xms64m\n");
        Path java = Files.createDirectories(image.resolve("lib/runtime/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"GDK_GL=${GDK_GL-unset} SET=${NOTION_CONSOLE_SET_GDK_GL-unset}\" > \"$REPORT\"\n");
        for (Path p : List.of(java, bin.resolve("notion-console"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private String start(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(image.resolve("bin/notion-console").toString());
        pb.command().addAll(List.of(args));
        pb.environment().keySet().removeAll(List.of("GDK_GL", "NOTION_CONSOLE_SET_GDK_GL", "WAYLAND_DISPLAY"));
        pb.environment().put("DISPLAY", ":42");
        pb.environment().put(ArchivePlan.CACHE_ENV, cache.toString());
        pb.environment().put("NOTION_CONSOLE_CDS", "off");
        pb.environment().put("REPORT", report.toString());
        pb.environment().putAll(env);
        Process p = pb.inheritIO().start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        return Files.readString(report).strip();
    }

    private void probed(boolean software, String display, Duration age) throws Exception {
        new RenderingMemo(cache, display, Clock.systemUTC()).remember(software);
        Files.setLastModifiedTime(cache.resolve(RenderingMemo.FILE_NAME), FileTime.from(Instant.now().minus(age)));
    }

    @Test
    void followsTheMemoTheJavaSideWrote() throws Exception {
        assertEquals("GDK_GL=unset SET=unset", start(Map.of()), "no memo");

        probed(true, ":42|", Duration.ofHours(3));
        assertTrue(new RenderingMemo(cache, ":42|", Clock.systemUTC()).skipsGpuProbe());
        assertEquals("GDK_GL=disable SET=1", start(Map.of()));
        assertEquals("GDK_GL=unset SET=unset", start(Map.of(), "--version"), "the command line draws nothing");
        assertEquals("GDK_GL=gles SET=unset", start(Map.of("GDK_GL", "gles")), "the user's own choice");
        assertEquals("GDK_GL=unset SET=unset", start(Map.of("DISPLAY", ":7")), "another display");

        probed(true, ":42|", Duration.ofDays(RenderingMemo.TRUSTED_DAYS).plusHours(1));
        assertEquals("GDK_GL=unset SET=unset", start(Map.of()), "probed over a week ago: probe again");

        probed(false, ":42|", Duration.ZERO);
        assertEquals("GDK_GL=unset SET=unset", start(Map.of()), "a GPU was found");
    }
}
