package dev.notionconsole.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relaunch for real: {@code java -jar} on a jar whose main class relaunches itself as the GUI does. The first
 * start records the archive (kept only because the child exited 0), the second maps it, a failing child's
 * recording is thrown away, and the exit code comes through.
 */
class RelauncherTest {
    @TempDir
    Path dir;

    @Test
    void recordsOnceThenMapsTheArchiveAndForwardsTheExitCode() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "the child reads its memory map (Linux)");
        Path jar = probeJar();
        Path cache = dir.resolve("cache");
        Path out = dir.resolve("probe.txt");

        assertEquals(0, launch(jar, cache, out, 0));
        assertEquals("child=true mapsAppArchive=false GDK_GL=null", Files.readString(out), "the first start records, maps nothing");
        assertEquals(1, archives(cache).size(), "recorded on exit: " + archives(cache));

        assertEquals(0, launch(jar, cache, out, 0));
        assertEquals("child=true mapsAppArchive=true GDK_GL=null", Files.readString(out), "the second start maps it");

        assertEquals(7, launch(jar, cache, out, 7), "the child's exit code is the launcher's");
    }

    @Test
    void aChildThatFailsLeavesNoArchive() throws Exception {
        Path cache = dir.resolve("cache");
        assertEquals(3, launch(probeJar(), cache, dir.resolve("probe.txt"), 3));
        assertEquals(List.of(), archives(cache));
        try (Stream<Path> s = Files.list(cache.resolve("cds"))) {
            assertEquals(List.of(), s.toList(), "and no pending file either");
        }
    }

    @Test
    void aChildOnADisplayWhereTheLastProbeFoundNoGpuStartsWithoutGtksOpenGl() throws Exception {
        Path cache = dir.resolve("cache");
        Files.createDirectories(cache);
        Files.writeString(cache.resolve(RenderingMemo.FILE_NAME), "software :42|\n"); // as RenderingMemo writes it
        Path out = dir.resolve("probe.txt");

        assertEquals(0, launch(probeJar(), cache, out, 0));
        assertTrue(Files.readString(out).endsWith(" GDK_GL=disable"), Files.readString(out));

        Files.writeString(cache.resolve(RenderingMemo.FILE_NAME), "software :7|\n"); // found on another display
        assertEquals(0, launch(probeJar(), cache, out, 0));
        assertTrue(Files.readString(out).endsWith(" GDK_GL=null"), Files.readString(out));
    }

    @Test
    void theChildGoesStraightToTheGuiWithoutReadingItsOwnOptions() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("class-logs"));
        Path out = dir.resolve("probe.txt");
        // both JVMs log the classes they load, each to its own file
        long parent = start(probeJar(), dir.resolve("cache"), out, 0,
                "-Xlog:class+load=info:file=" + logs.resolve("classes-%p.txt")).pid();
        assertTrue(Files.readString(out).startsWith("child=true "), Files.readString(out));
        List<Path> files;
        try (Stream<Path> s = Files.list(logs)) {
            files = s.sorted().toList();
        }
        assertEquals(2, files.size(), "a log per JVM: " + files);
        String management = "java.lang.management.ManagementFactory ";
        for (Path f : files) {
            boolean isParent = f.getFileName().toString().equals("classes-" + parent + ".txt");
            // the probe jar has no Add-Exports: the parent reads its options through the management API
            assertEquals(isParent, Files.readString(f).contains(management), f + " loads the management API");
        }
    }

    private int launch(Path jar, Path cache, Path out, int exit) throws Exception {
        return start(jar, cache, out, exit, null).exitValue();
    }

    /** {@code java -jar} on the jar; {@code jdkJavaOptions}, when given, reach both JVMs through the environment. */
    private Process start(Path jar, Path cache, Path out, int exit, String jdkJavaOptions) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar.toString()).inheritIO();
        pb.environment().put(ArchivePlan.CACHE_ENV, cache.toString());
        pb.environment().put("PROBE_OUT", out.toString());
        pb.environment().put("PROBE_EXIT", Integer.toString(exit));
        pb.environment().remove(ArchivePlan.SWITCH_ENV);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("GDK_GL");
        pb.environment().remove("WAYLAND_DISPLAY");
        if (jdkJavaOptions != null) {
            pb.environment().put("JDK_JAVA_OPTIONS", jdkJavaOptions);
        } else {
            pb.environment().remove("JDK_JAVA_OPTIONS");
        }
        pb.environment().put("DISPLAY", ":42"); // nothing is drawn: only the memo's display key
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launch ends");
        return p;
    }

    private static List<Path> archives(Path cache) throws Exception {
        if (!Files.isDirectory(cache.resolve("cds"))) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache.resolve("cds"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    /** The launch package's classes and the probe main class, as a runnable jar. */
    private Path probeJar() throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, RelaunchProbeMain.class.getName());
        Path jar = dir.resolve("probe.jar");
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(o, m)) {
            for (String root : List.of("target/classes", "target/test-classes")) {
                Path base = Path.of(root);
                try (Stream<Path> s = Files.walk(base.resolve("dev/notionconsole/launch"))) {
                    for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                        jos.putNextEntry(new JarEntry(base.relativize(f).toString().replace('\\', '/')));
                        jos.write(Files.readAllBytes(f));
                        jos.closeEntry();
                    }
                }
            }
        }
        return jar;
    }
}
