package dev.notionconsole.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.launch.ArchivePlan;
import dev.notionconsole.ui.FirstFrameProbe;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
 * Cold start of the console against a hello-world JavaFX window launched the same way in the same run (the
 * ratios are what to watch; absolute times depend on the machine). Launches alternate between the two so load
 * on the machine hits both alike. Three figures, each as a ratio to the bare window (docs/decisions/0095):
 * <ul>
 *   <li>first frame: the first pulse after the main window is shown;</li>
 *   <li>first useful frame: the connection list filled, the picker set, the status bar live (for the bare
 *       window, its first frame);</li>
 *   <li>idle memory: resident set of the launched process and its children (the console's launcher JVM waits
 *       for the GUI JVM) {@value #IDLE_SECONDS} s after the start, or once settled if that is later; the files
 *       both JVMs map are counted once (the GUI JVM's resident set plus the launcher's private pages). Also
 *       printed: the GUI process alone, and the plain sum of resident sets (docs/decisions/0163).</li>
 * </ul>
 * Also the longest JavaFX pulse gap from the first frame to 1.5 s after the useful one ({@link FirstFrameProbe}),
 * so a first frame followed by a freeze shows, and the GUI JVM's processor time at its first frame (all threads,
 * and the JavaFX thread), which compares start-ups on a loaded machine better than wall time.
 *
 * <p>Pairs: {@code jar} ({@code java -jar target/notion-console.jar}, with its class-data archive recorded by the
 * warm-up launch, as on a user's second start) against {@code java -jar hello.jar}; {@code nocds} (the same jar
 * with {@code NOTION_CONSOLE_CDS=off}); {@code packaged} (the jpackage app image in {@code target/jpackage},
 * against the bare window on the image's own runtime), when the image exists.
 * {@code -Dbench.coldStart.pairs=jar,nocds,packaged} (default: all that can run),
 * {@code -Dbench.coldStart.runs=N} (default 7, plus 1 warm-up), {@code -Dbench.coldStart.rssRuns=N} (default 3).
 *
 * <p>Display: a real X server when there is one ({@code DISPLAY}, or an {@code Xvfb} this test starts), so
 * the GTK glass start-up is measured too; otherwise Monocle headless (jar pairs only).
 *
 * <p>Run: {@code mvn -Pbench verify} (after {@code package}); the packaged pair needs
 * {@code mvn -Pjpackage package} first. Writes {@code target/bench/cold-start.txt} and {@code .json}.
 */
@Tag("bench")
@Tag("cold-start")
class ColdStartBench {
    static final int IDLE_SECONDS = 30;
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path JAR = TARGET.resolve("notion-console.jar");
    private static final Path OUT = TARGET.resolve("bench");
    private static final Path IMAGE = TARGET.resolve("jpackage").resolve("notion-console");

    @Test
    void coldStartComparedWithHelloWorld() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run mvn -Pbench verify (it packages first)");
        Files.createDirectories(OUT);
        int runs = Integer.getInteger("bench.coldStart.runs", 7);
        int rssRuns = Integer.getInteger("bench.coldStart.rssRuns", 3);
        Path cache = OUT.resolve("cds-cache");
        deleteTree(cache);

        try (VirtualDisplay display = VirtualDisplay.open()) {
            List<Pair> pairs = pairs(display, cache);
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                    Cold start (%s)
                    launches per app: %d (+1 warm-up), alternating; idle memory: %d launches, %d s after start
                    fresh NOTION_CONSOLE_HOME each launch; machine: %d cores, Java %s, load average at start %s

                    """, display.describe(), runs, rssRuns, IDLE_SECONDS, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), loadAverage()));
            StringBuilder json = new StringBuilder("{\"display\":\"" + display.describe() + "\",\"runs\":" + runs + ",\"pairs\":{");
            for (Pair pair : pairs) {
                Result r = pair.measure(display, runs, rssRuns);
                report.append(r.describe()).append('\n');
                json.append(pair == pairs.get(0) ? "" : ",").append('"').append(pair.name).append("\":").append(r.json());
            }
            report.append("load average at end ").append(loadAverage()).append('\n');
            json.append("}}\n");
            Files.writeString(OUT.resolve("cold-start.txt"), report);
            Files.writeString(OUT.resolve("cold-start.json"), json);
            System.out.print(report);
        }
    }

    private static List<Pair> pairs(VirtualDisplay display, Path cache) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> wanted = List.of(System.getProperty("bench.coldStart.pairs", "jar,nocds,packaged").split(","));
        List<Pair> pairs = new ArrayList<>();
        Path helloJar;
        List<String> console;
        if (display.monocle) {
            Path monocle = copyFromClassPath("openjfx-monocle");
            console = List.of(java, "-jar", wrapperJar("console-monocle.jar", "dev.notionconsole.Launcher",
                    List.of("../notion-console.jar", "lib/" + monocle.getFileName()), false).toString());
            helloJar = wrapperJar("hello-monocle.jar", HelloFx.Main.class.getName(),
                    List.of("../notion-console.jar", "lib/" + monocle.getFileName()), true);
        } else {
            console = List.of(java, "-jar", JAR.toString());
            helloJar = wrapperJar("hello.jar", HelloFx.Main.class.getName(), List.of("../notion-console.jar"), true);
        }
        Launch hello = new Launch("hello-world JavaFX", List.of(java, "-jar", helloJar.toString()), Map.of());
        if (wanted.contains("jar")) {
            pairs.add(new Pair("jar", new Launch("notion-console.jar", console, Map.of(ArchivePlan.CACHE_ENV, cache.toString())), hello));
        }
        if (wanted.contains("nocds")) {
            pairs.add(new Pair("nocds", new Launch("jar, NOTION_CONSOLE_CDS=off", console, Map.of(ArchivePlan.SWITCH_ENV, "off")), hello));
        }
        Path appLauncher = IMAGE.resolve("bin").resolve("notion-console");
        Path imageJava = IMAGE.resolve("lib").resolve("runtime").resolve("bin").resolve("java");
        if (wanted.contains("packaged") && !display.monocle && Files.isExecutable(appLauncher) && Files.isExecutable(imageJava)) {
            Path packagedCache = OUT.resolve("cds-cache-packaged");
            deleteTree(packagedCache);
            pairs.add(new Pair("packaged", new Launch("app image bin/notion-console", List.of(appLauncher.toString()),
                    Map.of(ArchivePlan.CACHE_ENV, packagedCache.toString())),
                    new Launch("hello-world on the image's runtime", List.of(imageJava.toString(), "-jar", helloJar.toString()), Map.of())));
        }
        return pairs;
    }

    /** The console and its baseline, measured alternately. */
    private record Pair(String name, Launch app, Launch baseline) {
        Result measure(VirtualDisplay display, int runs, int rssRuns) throws Exception {
            // one warm-up each (file cache, font cache, and the console's class-data archive), not counted
            app.time(display);
            baseline.time(display);
            List<Times> appTimes = new ArrayList<>();
            List<Times> baseTimes = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                appTimes.add(app.time(display));
                baseTimes.add(baseline.time(display));
            }
            List<Long> appRss = new ArrayList<>();
            List<Long> baseRss = new ArrayList<>();
            List<Long> appGuiRss = new ArrayList<>();
            List<Long> appSummedRss = new ArrayList<>();
            for (int i = 0; i < rssRuns; i++) {
                // both at once: memory hardly depends on timing, and this halves the wait
                long[][] both = Launch.idleRss(display, app, baseline);
                appRss.add(both[0][0]);
                appGuiRss.add(both[0][1]);
                appSummedRss.add(both[0][2]);
                baseRss.add(both[1][0]);
            }
            return new Result(this, appTimes, baseTimes, appRss, baseRss, appGuiRss, appSummedRss);
        }
    }

    /**
     * Wall times from the launch (ms), the longest pulse gap and when it ended (ms after the first frame), and the GUI
     * JVM's processor time at the first frame.
     */
    private record Times(long first, long useful, long maxGap, long gapEnd, long cpu, long fxCpu) {
    }

    private record Result(Pair pair, List<Times> app, List<Times> base, List<Long> appRss, List<Long> baseRss,
                          List<Long> appGuiRss, List<Long> appSummedRss) {
        String describe() {
            long fa = median(app, Times::first);
            long fb = median(base, Times::first);
            long ua = median(app, Times::useful);
            long ub = median(base, Times::first);
            long ra = median(appRss);
            long rb = median(baseRss);
            long ga = median(appGuiRss);
            long sa = median(appSummedRss);
            long ca = median(app, Times::cpu);
            long cb = median(base, Times::cpu);
            long xa = median(app, Times::fxCpu);
            long xb = median(base, Times::fxCpu);
            return String.format(Locale.ROOT, """
                    [%s] %s  vs  %s
                      first frame         median %5d ms  vs %5d ms   ratio %.2f   (all %s vs %s)
                      first useful frame  median %5d ms  vs %5d ms   ratio %.2f   (all %s)
                      idle RSS at %d s     median %5d MB  vs %5d MB   ratio %.2f   (all %s vs %s; process tree, pages shared by its JVMs counted once)
                        GUI process alone median %5d MB  vs %5d MB   ratio %.2f   (without the launcher JVM that waits for it)
                        RSS summed        median %5d MB  vs %5d MB   ratio %.2f   (shared pages counted in each process)
                      longest pulse gap after the first frame: median %d ms, max %d ms (bare window: median %d, max %d)
                        each launch's: %s ms, ending %s ms after its first frame
                      processor time of the GUI JVM at its first frame (load-independent; the launcher JVM not included):
                        all threads       median %5d ms  vs %5d ms   ratio %.2f
                        JavaFX thread     median %5d ms  vs %5d ms   ratio %.2f
                    """, pair.name, pair.app.name, pair.baseline.name,
                    fa, fb, (double) fa / fb, all(app, Times::first), all(base, Times::first),
                    ua, ub, (double) ua / ub, all(app, Times::useful),
                    IDLE_SECONDS, ra / 1024, rb / 1024, (double) ra / rb, mb(appRss), mb(baseRss),
                    ga / 1024, rb / 1024, (double) ga / rb, sa / 1024, rb / 1024, (double) sa / rb,
                    median(app, Times::maxGap), max(app, Times::maxGap), median(base, Times::maxGap), max(base, Times::maxGap),
                    all(app, Times::maxGap), all(app, Times::gapEnd),
                    ca, cb, (double) ca / cb, xa, xb, (double) xa / xb);
        }

        String json() {
            long fb = median(base, Times::first);
            return String.format(Locale.ROOT, "{\"firstMs\":%d,\"baseFirstMs\":%d,\"firstRatio\":%.3f,\"usefulMs\":%d,"
                            + "\"usefulRatio\":%.3f,\"idleRssKb\":%d,\"baseIdleRssKb\":%d,\"rssRatio\":%.3f,\"maxGapMs\":%d,"
                            + "\"guiIdleRssKb\":%d,\"summedIdleRssKb\":%d,\"cpuMs\":%d,\"baseCpuMs\":%d,\"fxCpuMs\":%d,\"baseFxCpuMs\":%d,"
                            + "\"first\":%s,\"baseFirst\":%s,\"useful\":%s,\"gaps\":%s}",
                    median(app, Times::first), fb, (double) median(app, Times::first) / fb, median(app, Times::useful),
                    (double) median(app, Times::useful) / fb, median(appRss), median(baseRss),
                    (double) median(appRss) / median(baseRss), max(app, Times::maxGap), median(appGuiRss), median(appSummedRss),
                    median(app, Times::cpu), median(base, Times::cpu), median(app, Times::fxCpu), median(base, Times::fxCpu),
                    all(app, Times::first), all(base, Times::first), all(app, Times::useful), all(app, Times::maxGap));
        }
    }

    /** One kind of launch: its command and extra environment. */
    private record Launch(String name, List<String> command, Map<String, String> extraEnv) {
        Times time(VirtualDisplay display) throws Exception {
            Path home = Files.createTempDirectory("nc-cold-start-");
            Path frame = home.resolve("first-frame.txt");
            long start = System.currentTimeMillis();
            Process p = start(display, home, frame, true);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(name + " did not show a frame within 120 s; see " + home.resolve("output.log"));
            }
            if (!Files.exists(frame)) {
                throw new AssertionError(name + " exited (" + p.exitValue() + ") without a frame: "
                        + Files.readString(home.resolve("output.log")));
            }
            Map<String, Long> v = readProbe(frame);
            return new Times(v.get("first") - start, v.get("useful") - start, v.get("maxGapMs"),
                    v.getOrDefault("maxGapEndMs", -1L), v.getOrDefault("cpuMs", -1L), v.getOrDefault("fxCpuMs", -1L));
        }

        Process start(VirtualDisplay display, Path home, Path frame, boolean exit) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(home.resolve("output.log").toFile());
            Map<String, String> env = pb.environment();
            env.put("NOTION_CONSOLE_HOME", home.toString());
            env.put("NOTION_CONSOLE_SECRETS", "session");
            env.put(FirstFrameProbe.FILE_ENV, frame.toString());
            env.put(FirstFrameProbe.EXIT_ENV, Boolean.toString(exit));
            env.remove("NOTION_TOKEN");
            env.remove("JAVA_TOOL_OPTIONS");
            env.putAll(extraEnv);
            display.environment(env);
            return pb.start();
        }

        /**
         * Resident memory (KB) of each launch's process tree and of its largest process (the GUI JVM),
         * {@value #IDLE_SECONDS} s after both started.
         */
        static long[][] idleRss(VirtualDisplay display, Launch... launches) throws Exception {
            List<Process> started = new ArrayList<>();
            List<Path> frames = new ArrayList<>();
            long start = System.currentTimeMillis();
            try {
                for (Launch l : launches) {
                    Path home = Files.createTempDirectory("nc-idle-");
                    frames.add(home.resolve("first-frame.txt"));
                    started.add(l.start(display, home, frames.get(frames.size() - 1), false));
                }
                // at 30 s after the start, or once settled (useful frame + 1.5 s) when a loaded machine is slower
                long settleBy = start + 180_000;
                for (Path f : frames) {
                    while (!Files.exists(f) && System.currentTimeMillis() < settleBy) {
                        Thread.sleep(200);
                    }
                }
                long wait = start + IDLE_SECONDS * 1000L - System.currentTimeMillis();
                if (wait > 0) {
                    // a fixed point in time is what is measured here, not a condition: nothing to wait on instead
                    Thread.sleep(wait);
                }
                long[][] rss = new long[launches.length][];
                for (int i = 0; i < launches.length; i++) {
                    if (!Files.exists(frames.get(i))) {
                        throw new AssertionError(launches[i].name + " had not settled 180 s after start");
                    }
                    rss[i] = treeRssKb(started.get(i).toHandle());
                }
                return rss;
            } finally {
                for (Process p : started) {
                    p.descendants().forEach(ProcessHandle::destroy);
                    p.destroy();
                    p.waitFor(20, TimeUnit.SECONDS);
                }
            }
        }
    }

    /**
     * Three views of a process tree's memory (KB): {@code [0]} its largest process's resident set plus the
     * private pages (USS) of the others, so the JDK's files both JVMs map (libjvm, the base class-data archive)
     * count once, as the kernel holds them once; {@code [1]} its largest process alone; {@code [2]} every
     * process's resident set summed, shared pages counted in each.
     */
    private static long[] treeRssKb(ProcessHandle root) throws IOException {
        List<Long> pids = new ArrayList<>(List.of(root.pid()));
        root.descendants().forEach(d -> pids.add(d.pid()));
        long largestPid = root.pid();
        long largest = -1;
        long summed = 0;
        for (long pid : pids) {
            long rss = rssKb(pid);
            summed += rss;
            if (rss > largest) {
                largest = rss;
                largestPid = pid;
            }
        }
        long deduplicated = largest;
        for (long pid : pids) {
            if (pid != largestPid) {
                deduplicated += privateKb(pid);
            }
        }
        return new long[] {deduplicated, largest, summed};
    }

    /** Private_Clean + Private_Dirty from {@code smaps_rollup}: the pages only this process maps. */
    private static long privateKb(long pid) throws IOException {
        Path rollup = Path.of("/proc", Long.toString(pid), "smaps_rollup");
        if (!Files.exists(rollup)) {
            return rssKb(pid);
        }
        long kb = 0;
        for (String line : Files.readAllLines(rollup)) {
            if (line.startsWith("Private_Clean:") || line.startsWith("Private_Dirty:")) {
                kb += Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return kb;
    }

    private static long rssKb(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static Map<String, Long> readProbe(Path file) throws IOException {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1).trim()));
            }
        }
        return values;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long median(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static long median(List<Times> times, java.util.function.ToLongFunction<Times> f) {
        return median(times.stream().map(t -> f.applyAsLong(t)).toList());
    }

    private static long max(List<Times> times, java.util.function.ToLongFunction<Times> f) {
        return times.stream().mapToLong(f).max().orElse(0);
    }

    private static List<Long> all(List<Times> times, java.util.function.ToLongFunction<Times> f) {
        return times.stream().map(t -> f.applyAsLong(t)).toList();
    }

    private static List<Long> mb(List<Long> kb) {
        return kb.stream().map(k -> k / 1024).toList();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
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
