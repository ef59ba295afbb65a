package dev.notionconsole.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.ui.FirstFrameProbe;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cold start of {@code java -jar target/notion-console.jar} to the first frame of the main window, against a
 * hello-world JavaFX app launched the same way in the same run (the ratio is what to watch; absolute times
 * depend on the machine). Launches alternate between the two so load on the machine hits both alike.
 *
 * <p>Display: a real X server when there is one ({@code DISPLAY}, or an {@code Xvfb} this test starts), so
 * the GTK glass start-up is measured too; otherwise Monocle headless from the test class path, through
 * wrapper jars whose manifests put the same shaded jar on the class path.
 *
 * <p>Run: {@code mvn -Pbench verify} (after {@code package}, since it needs the jar). Writes
 * {@code target/bench/cold-start.txt}. Launches: {@code -Dbench.coldStart.runs=N} (default 7, plus 1 warm-up).
 */
@Tag("bench")
@Tag("cold-start")
class ColdStartBench {
    private static final Path TARGET = Path.of("target");
    private static final Path JAR = TARGET.resolve("notion-console.jar");
    private static final Path OUT = TARGET.resolve("bench");

    @Test
    void coldStartToFirstFrameComparedWithHelloWorld() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run mvn -Pbench verify (it packages first)");
        Files.createDirectories(OUT);
        int runs = Integer.getInteger("bench.coldStart.runs", 7);

        try (Display display = Display.open()) {
            Launch app;
            Launch hello;
            if (display.monocle) {
                Path monocle = copyFromClassPath("openjfx-monocle");
                app = new Launch("console", List.of("-jar", wrapperJar("console-monocle.jar",
                        "dev.notionconsole.Launcher", List.of("../notion-console.jar", "lib/" + monocle.getFileName()), false)
                        .toString()));
                hello = new Launch("hello", List.of("-jar", wrapperJar("hello-monocle.jar", HelloFx.Main.class.getName(),
                        List.of("../notion-console.jar", "lib/" + monocle.getFileName()), true).toString()));
            } else {
                app = new Launch("console", List.of("-jar", JAR.toString()));
                hello = new Launch("hello", List.of("-jar", wrapperJar("hello.jar", HelloFx.Main.class.getName(),
                        List.of("../notion-console.jar"), true).toString()));
            }

            // one warm-up each (file cache, font cache), not counted
            app.time(display);
            hello.time(display);
            List<Long> appTimes = new ArrayList<>();
            List<Long> helloTimes = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                appTimes.add(app.time(display));
                helloTimes.add(hello.time(display));
            }
            long appMedian = median(appTimes);
            long helloMedian = median(helloTimes);
            double ratio = (double) appMedian / helloMedian;

            String report = String.format(Locale.ROOT, """
                    Cold start to first frame (java -jar, %s)
                    launches per app: %d (+1 warm-up), alternating; fresh NOTION_CONSOLE_HOME each launch
                    machine: %d cores, Java %s

                    notion-console.jar  median %5d ms   min %5d   max %5d   all %s
                    hello-world JavaFX  median %5d ms   min %5d   max %5d   all %s

                    ratio console / hello-world (medians): %.2f
                    """, display.describe(), runs, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    appMedian, appTimes.stream().min(Long::compare).orElseThrow(),
                    appTimes.stream().max(Long::compare).orElseThrow(), appTimes,
                    helloMedian, helloTimes.stream().min(Long::compare).orElseThrow(),
                    helloTimes.stream().max(Long::compare).orElseThrow(), helloTimes, ratio);
            Files.writeString(OUT.resolve("cold-start.txt"), report);
            Files.writeString(OUT.resolve("cold-start.json"), String.format(Locale.ROOT,
                    "{\"display\":\"%s\",\"runs\":%d,\"consoleMedianMs\":%d,\"helloMedianMs\":%d,\"ratio\":%.3f,"
                            + "\"consoleMs\":%s,\"helloMs\":%s}%n",
                    display.describe(), runs, appMedian, helloMedian, ratio, appTimes, helloTimes));
            System.out.print(report);
        }
    }

    /** One kind of launch: its JVM arguments after {@code java}. */
    private record Launch(String name, List<String> args) {
        long time(Display display) throws Exception {
            Path home = Files.createTempDirectory("nc-cold-start-" + name);
            Path frame = home.resolve("first-frame.txt");
            List<String> cmd = new ArrayList<>();
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.addAll(display.jvmOptions());
            cmd.add("-D" + FirstFrameProbe.FILE_PROPERTY + "=" + frame);
            cmd.add("-D" + FirstFrameProbe.EXIT_PROPERTY + "=true");
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(home.resolve("output.log").toFile());
            Map<String, String> env = pb.environment();
            env.put("NOTION_CONSOLE_HOME", home.toString());
            env.put("NOTION_CONSOLE_SECRETS", "session");
            env.remove("NOTION_TOKEN");
            display.environment(env);

            long start = System.currentTimeMillis();
            Process p = pb.start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(name + " did not show a frame within 90 s; see " + home.resolve("output.log"));
            }
            if (!Files.exists(frame)) {
                throw new AssertionError(name + " exited (" + p.exitValue() + ") without a frame: "
                        + Files.readString(home.resolve("output.log")));
            }
            long shown = Long.parseLong(Files.readString(frame).trim());
            return shown - start;
        }
    }

    /** Where the launched apps draw. */
    private static final class Display implements AutoCloseable {
        final boolean monocle;
        final String name;
        final Process xvfb;

        private Display(boolean monocle, String name, Process xvfb) {
            this.monocle = monocle;
            this.name = name;
            this.xvfb = xvfb;
        }

        static Display open() throws Exception {
            if ("monocle".equals(System.getProperty("bench.display"))) {
                return new Display(true, null, null);
            }
            String existing = System.getenv("DISPLAY");
            if (existing != null && !existing.isBlank()) {
                return new Display(false, existing, null);
            }
            Path xvfb = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                    .map(d -> Path.of(d, "Xvfb")).filter(Files::isExecutable).findFirst().orElse(null);
            if (xvfb == null) {
                return new Display(true, null, null);
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
                    return new Display(false, ":" + n, p);
                }
                p.destroyForcibly();
            }
            return new Display(true, null, null);
        }

        List<String> jvmOptions() {
            return monocle
                    ? List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw")
                    : List.of();
        }

        void environment(Map<String, String> env) {
            if (!monocle) {
                env.put("DISPLAY", name);
            }
        }

        String describe() {
            return monocle ? "Monocle headless, software rendering"
                    : "X display " + name + (xvfb != null ? " (Xvfb started by the benchmark)" : "") + ", GTK glass";
        }

        @Override
        public void close() {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    private static long median(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static Path copyFromClassPath(String artifact) throws IOException {
        Path jar = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of).filter(p -> p.getFileName().toString().startsWith(artifact))
                .findFirst().orElseThrow(() -> new IllegalStateException(artifact + " is not on the test class path"));
        Path lib = Files.createDirectories(OUT.resolve("lib"));
        return Files.copy(jar, lib.resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A jar in target/bench whose manifest names the main class and puts the shaded jar (and Monocle) on the
     * class path; with {@code withHello} it also holds the baseline's classes from target/test-classes.
     */
    private static Path wrapperJar(String name, String mainClass, List<String> classPath, boolean withHello)
            throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        Path jar = OUT.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, m)) {
            if (withHello) {
                Path classes = TARGET.resolve("test-classes");
                List<Path> files;
                try (Stream<Path> s = Files.walk(classes.resolve("dev/notionconsole/bench"))) {
                    files = s.filter(p -> p.getFileName().toString().startsWith("HelloFx")).sorted(Comparator.naturalOrder()).toList();
                }
                for (Path f : files) {
                    jos.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    jos.write(Files.readAllBytes(f));
                    jos.closeEntry();
                }
            }
        }
        return jar;
    }

}
