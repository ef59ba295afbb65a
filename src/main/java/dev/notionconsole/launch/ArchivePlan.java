package dev.notionconsole.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether the GUI should run in a child JVM that maps an AppCDS archive of the app's classes
 * (docs/decisions/0096-appcds-relaunch.md), and builds that child's command line. Pure: every input is passed
 * in, so tests need no second JVM to check the rules.
 *
 * <p>The archive is keyed by the Java runtime and the jar (path, size, modification time): a new build or a
 * new JDK gets a new archive, and the JVM itself refuses a stale one and runs without it. No archive yet: the
 * child records one when it exits ({@code -XX:ArchiveClassesAtExit}) into a pending file that the parent
 * renames once the child ended well, so a half-written archive is never used.
 */
public record ArchivePlan(List<String> command, Path archive, Path pending) {
    /** Set on the child, so it never relaunches again. */
    public static final String CHILD_PROPERTY = "notionconsole.cds.child";
    /** {@code NOTION_CONSOLE_CDS=off} (or {@code -Dnotionconsole.cds=off}): run in this JVM, no archive. */
    public static final String SWITCH_ENV = "NOTION_CONSOLE_CDS";
    public static final String SWITCH_PROPERTY = "notionconsole.cds";
    /** Where archives go; default: the platform's cache folder (see {@link #cacheDir}). */
    public static final String CACHE_ENV = "NOTION_CONSOLE_CACHE";
    /**
     * The archive's file, chosen by the launcher that started this JVM: the Linux app image's script names it so it
     * can map it itself on later starts, without this JVM (packaging/linux/launcher.sh, docs/decisions/0193).
     */
    public static final String ARCHIVE_PROPERTY = "notionconsole.cds.archive";

    /** What the running JVM knows about itself. */
    public record Inputs(Path javaHome, String javaVmVersion, String classPath, List<String> jvmArgs,
                         Map<String, String> env, String osName, Path userHome, boolean child, String switchProperty,
                         String jpackageAppPath, String archiveProperty) {
    }

    /** True when an archive is there to map; false when this launch records one. */
    public boolean usesArchive() {
        return pending == null;
    }

    /** The plan for a GUI launch, or empty to run in this JVM (a dev run, a debugger, CDS switched off...). */
    public static Optional<ArchivePlan> forGui(Inputs in, String mainClass, List<String> args) {
        if (!mayRelaunch(in)) {
            return Optional.empty();
        }
        Path jar = singleJar(in.classPath());
        Path java = javaExecutable(in.javaHome(), in.osName());
        if (jar == null || java == null) {
            return Optional.empty();
        }
        long size;
        long modified;
        try {
            size = Files.size(jar);
            modified = Files.getLastModifiedTime(jar).toMillis();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        String key = in.javaHome().toAbsolutePath() + "|" + in.javaVmVersion() + "|" + jar.toAbsolutePath() + "|" + size
                + "|" + modified;
        Path archive = in.archiveProperty() != null && !in.archiveProperty().isBlank() ? Path.of(in.archiveProperty())
                : cacheDir(in.env(), in.osName(), in.userHome()).resolve("cds").resolve("notion-console-" + fnv64(key) + ".jsa");
        Path dir = archive.toAbsolutePath().getParent();
        Path pending = Files.isRegularFile(archive) ? null : dir.resolve(archive.getFileName() + ".pending-" + ProcessHandle.current().pid());

        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        // a desktop app's defaults, before the parent's own options so that those win: a heap that starts small
        // and grows with the live data (the JVM's default starts at 1/64 of the machine's memory, all of whose
        // young generation gets touched, so resident, within minutes)
        cmd.add("-Xms64m");
        // with the serial collector a metadata-triggered collection is a full one; the app's class metadata
        // crosses the default threshold (about 21 MB) during start-up (seen with -Xlog:gc)
        cmd.add("-XX:MetaspaceSize=96m");
        // the client compiler only: at start-up the server compiler (C2) spent as much processor time as the app
        // itself on a 2-core machine (4.6-5.5 s vs 2.5-3.2 s to the first frame, docs/decisions/0162); a
        // desktop window waits on people and HTTP, not on hot loops. -XX:TieredStopAtLevel=4 restores it.
        cmd.add("-XX:TieredStopAtLevel=1");
        if (!choosesCompilers(in.jvmArgs())) {
            // one compiler thread instead of two: on two cores the second competed with the JavaFX and render
            // threads, and the processor time to the first frame fell by ~300 ms without it (docs/decisions/0188).
            // Only with C1 alone: with the user's TieredStopAtLevel=4 the JVM needs two and would refuse to start.
            cmd.add("-XX:CICompilerCount=1");
        }
        if (!choosesCollector(in.jvmArgs())) {
            // the serial collector starts faster and keeps less memory for one window's worth of objects
            // (jpackage's options use it too); two collectors would be an error, so only when none was chosen
            cmd.add("-XX:+UseSerialGC");
        }
        // the flags below are not in every Java 17+ build; the JVM ignores those it does not know instead of
        // refusing to start. The parent's own options are unaffected: this same JVM has already accepted them.
        cmd.add("-XX:+IgnoreUnrecognizedVMOptions");
        // map the archives where they were dumped instead of relocating them: since 17.0.9 (JDK-8294323) the JVM
        // relocates by default, which rewrote every pointer of our ~30 MB archive before main (0.2-0.3 s on this
        // machine) and made its pages private (docs/decisions/0185). If that address is taken, it still relocates.
        cmd.add("-XX:+UnlockDiagnosticVMOptions");
        cmd.add("-XX:ArchiveRelocationMode=0");
        // give freed C heap back to the system every few seconds: start-up's native buffers (GTK, fonts, compiler
        // arenas) stay resident after free otherwise (about 5 MB measured, docs/decisions/0186)
        cmd.add("-XX:TrimNativeHeapInterval=5000");
        cmd.addAll(in.jvmArgs());
        cmd.add("-Xshare:auto");
        // a stale or foreign archive is dropped silently; dumping warns about classes it skips (picocli's old ones)
        cmd.add("-Xlog:cds=off");
        cmd.add("-Xlog:cds+dynamic=off");
        cmd.add(pending == null ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + pending);
        cmd.add("-D" + CHILD_PROPERTY + "=true");
        cmd.add("-cp");
        cmd.add(in.classPath());
        cmd.add(mainClass);
        cmd.addAll(args);
        return Optional.of(new ArchivePlan(List.copyOf(cmd), archive, pending));
    }

    /**
     * What can be told without touching a file: not the child, not switched off, not inside a macOS or Windows bundle,
     * no option of the user's that needs this JVM. {@link #forGui} then also needs the jar and the Java executable.
     */
    public static boolean mayRelaunch(Inputs in) {
        return !in.child() && !off(in.env().get(SWITCH_ENV)) && !off(in.switchProperty()) && !bundledApp(in)
                && !anyConflict(in.jvmArgs());
    }

    /** The platform's cache folder for the console, or {@value #CACHE_ENV}. */
    static Path cacheDir(Map<String, String> env, String osName, Path userHome) {
        String override = env.get(CACHE_ENV);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return (local != null ? Path.of(local) : userHome.resolve("AppData").resolve("Local"))
                    .resolve("Notion Console").resolve("cache");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library").resolve("Caches").resolve("Notion Console");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".cache")).resolve("notion-console");
    }

    /**
     * Inside a macOS or Windows app bundle the window must belong to the bundle's own executable (Dock entry,
     * taskbar pinning, the app's name and icon); a child {@code java} would show as another app. Linux matches
     * windows to the desktop entry by WM class, which the child keeps.
     */
    private static boolean bundledApp(Inputs in) {
        String os = in.osName().toLowerCase(Locale.ROOT);
        return in.jpackageAppPath() != null && (os.contains("mac") || os.contains("win"));
    }

    private static boolean off(String value) {
        return value != null && List.of("off", "false", "0", "no").contains(value.strip().toLowerCase(Locale.ROOT));
    }

    // loops rather than streams and lambdas in this class and in Relauncher: they run in the launcher JVM before
    // the child starts, where each first use of a lambda or a format costs milliseconds (docs/decisions/0185)

    private static boolean anyConflict(List<String> jvmArgs) {
        for (String a : jvmArgs) {
            if (conflicts(a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean choosesCompilers(List<String> jvmArgs) {
        for (String a : jvmArgs) {
            if (a.startsWith("-XX:TieredStopAtLevel") || a.startsWith("-XX:CICompilerCount") || a.contains("TieredCompilation")
                    || a.contains("JVMCI")) {
                return true;
            }
        }
        return false;
    }

    private static boolean choosesCollector(List<String> jvmArgs) {
        for (String a : jvmArgs) {
            if (a.startsWith("-XX:+Use") && a.endsWith("GC")) {
                return true;
            }
        }
        return false;
    }

    /** The user's own CDS choice, a debugger or an agent (coverage, profilers) keeps the launch in this JVM. */
    private static boolean conflicts(String jvmArg) {
        return jvmArg.startsWith("-XX:SharedArchiveFile") || jvmArg.startsWith("-XX:ArchiveClassesAtExit")
                || jvmArg.startsWith("-Xshare") || jvmArg.startsWith("-agentlib") || jvmArg.startsWith("-agentpath")
                || jvmArg.startsWith("-javaagent") || jvmArg.startsWith("-Xdebug") || jvmArg.startsWith("-Xrun");
    }

    private static Path singleJar(String classPath) {
        if (classPath == null || classPath.isBlank() || classPath.contains(java.io.File.pathSeparator)) {
            return null;
        }
        Path p = Path.of(classPath);
        return p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p) ? p : null;
    }

    private static Path javaExecutable(Path javaHome, String osName) {
        if (javaHome == null) {
            return null;
        }
        Path java = javaHome.resolve("bin").resolve(osName.toLowerCase(Locale.ROOT).contains("win") ? "java.exe" : "java");
        return Files.isExecutable(java) ? java : null;
    }

    private static String fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0000000000000000".substring(hex.length()) + hex;
    }
}
