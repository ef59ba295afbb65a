package dev.notionconsole.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules for running the GUI in a child JVM with a class-data archive, without starting one. */
class ArchivePlanTest {
    @TempDir
    Path dir;
    private Path javaHome;
    private Path jar;
    private Path cache;

    @BeforeEach
    void fakeRuntimeAndJar() throws Exception {
        javaHome = dir.resolve("jdk");
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        Path exe = Files.writeString(javaHome.resolve("bin/java.exe"), "MZ"); // for the Windows rules
        exe.toFile().setExecutable(true);
        jar = Files.writeString(dir.resolve("notion-console.jar"), "not really a jar");
        cache = dir.resolve("cache");
    }

    private ArchivePlan.Inputs inputs(String classPath, List<String> jvmArgs, Map<String, String> env, boolean child,
                                      String switchProperty) {
        return inputs(classPath, jvmArgs, env, child, switchProperty, "Linux", null);
    }

    private ArchivePlan.Inputs inputs(String classPath, List<String> jvmArgs, Map<String, String> env, boolean child,
                                      String switchProperty, String os, String jpackageAppPath) {
        return new ArchivePlan.Inputs(javaHome, "17.0.15+6", classPath, jvmArgs, env, os, dir.resolve("home"),
                child, switchProperty, jpackageAppPath, null);
    }

    private Optional<ArchivePlan> plan(List<String> jvmArgs) {
        return ArchivePlan.forGui(inputs(jar.toString(), jvmArgs, Map.of(ArchivePlan.CACHE_ENV, cache.toString()), false, null),
                "dev.notionconsole.Launcher", List.of());
    }

    @Test
    void firstLaunchRecordsTheArchiveIntoAPendingFileInTheCache() {
        ArchivePlan p = plan(List.of("-Xss2m")).orElseThrow();
        assertFalse(p.usesArchive());
        assertEquals(cache.resolve("cds"), p.archive().getParent());
        assertTrue(p.pending().getFileName().toString().startsWith(p.archive().getFileName() + ".pending-"));
        List<String> cmd = p.command();
        assertEquals(javaHome.resolve("bin/java").toString(), cmd.get(0));
        assertTrue(cmd.indexOf("-Xss2m") > cmd.indexOf("-Xms64m"), "the parent's own JVM options after the defaults: they win");
        assertTrue(cmd.contains("-XX:ArchiveClassesAtExit=" + p.pending()), cmd.toString());
        assertTrue(cmd.contains("-D" + ArchivePlan.CHILD_PROPERTY + "=true"), "so the child never relaunches");
        assertEquals(List.of("-cp", jar.toString(), "dev.notionconsole.Launcher"), cmd.subList(cmd.size() - 3, cmd.size()),
                "the same class path string as when the archive was recorded, which the JVM checks");
    }

    @Test
    void laterLaunchesMapTheArchive() throws Exception {
        Path archive = plan(List.of()).orElseThrow().archive();
        Files.createDirectories(archive.getParent());
        Files.writeString(archive, "recorded");
        ArchivePlan p = plan(List.of()).orElseThrow();
        assertTrue(p.usesArchive());
        assertNull(p.pending());
        assertTrue(p.command().contains("-XX:SharedArchiveFile=" + archive), p.command().toString());
        assertTrue(p.command().contains("-Xshare:auto"), "a stale archive is dropped, never fatal");
    }

    @Test
    void theLaunchersChosenFileIsTheArchiveWhenItNamesOne() throws Exception {
        Path chosen = dir.resolve("elsewhere/cds/notion-console-image-1-2-3.jsa");
        ArchivePlan.Inputs in = new ArchivePlan.Inputs(javaHome, "17.0.15+6", jar.toString(), List.of(), Map.of(ArchivePlan.CACHE_ENV,
                cache.toString()), "Linux", dir.resolve("home"), false, null, null, chosen.toString());
        ArchivePlan first = ArchivePlan.forGui(in, "dev.notionconsole.Launcher", List.of()).orElseThrow();
        assertEquals(chosen, first.archive(), "the image's script looks for the archive there on its next start");
        assertEquals(chosen.getParent(), first.pending().getParent(), "recorded beside it, renamed into place");
        Files.createDirectories(chosen.getParent());
        Files.writeString(chosen, "recorded");
        assertTrue(ArchivePlan.forGui(in, "dev.notionconsole.Launcher", List.of()).orElseThrow().usesArchive());
    }

    /**
     * The Linux app image's script starts the GUI itself, with the image's JVM options, once an archive exists
     * (docs/decisions/0193): those options must be the ones the jar's GUI child gets, in an order the JVM accepts.
     */
    @Test
    void theAppImagesJvmOptionsAreTheGuiChildsOptions() throws Exception {
        String args = Files.readString(Path.of("packaging/jpackage/image.args"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--java-options \"([^\"]*)\"").matcher(args);
        assertTrue(m.find(), args);
        List<String> image = List.of(m.group(1).split(" "));
        List<String> cmd = plan(List.of()).orElseThrow().command();
        List<String> gui = cmd.subList(1, cmd.indexOf("-Xshare:auto"));
        for (String option : gui) {
            assertTrue(image.contains(option), option + " is missing from image.args' --java-options " + image);
        }
        assertTrue(image.indexOf("-XX:+IgnoreUnrecognizedVMOptions") < image.indexOf("-XX:TrimNativeHeapInterval=5000"),
                "options some Java builds lack come after the switch that lets them start anyway");
        assertTrue(image.indexOf("-XX:+UnlockDiagnosticVMOptions") < image.indexOf("-XX:ArchiveRelocationMode=0"));
    }

    @Test
    void aNewBuildOfTheJarGetsANewArchive() throws Exception {
        Path before = plan(List.of()).orElseThrow().archive();
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
        assertNotEquals(before, plan(List.of()).orElseThrow().archive());
    }

    @Test
    void theSerialCollectorUnlessTheUserChoseOne() {
        assertTrue(plan(List.of()).orElseThrow().command().contains("-XX:+UseSerialGC"));
        List<String> g1 = plan(List.of("-XX:+UseG1GC")).orElseThrow().command();
        assertFalse(g1.contains("-XX:+UseSerialGC"), g1.toString());
    }

    @Test
    void archivesAreMappedWhereTheyWereDumpedAndTheRunningJdkAcceptsTheChildsFlags() throws Exception {
        List<String> cmd = plan(List.of("-Xss2m")).orElseThrow().command();
        int mode = cmd.indexOf("-XX:ArchiveRelocationMode=0");
        assertTrue(mode > 0 && cmd.get(mode - 1).equals("-XX:+UnlockDiagnosticVMOptions"), cmd.toString());
        assertTrue(cmd.indexOf("-XX:+IgnoreUnrecognizedVMOptions") < mode, "a JDK without one of the flags still starts");
        // the real JVM starts with the child's options (an unknown or misspelt one, or a compiler thread count the
        // compilers cannot run with, would stop the child before its window), also with the user's C2 back on
        for (List<String> plan : List.of(cmd, plan(List.of("-XX:TieredStopAtLevel=4")).orElseThrow().command())) {
            List<String> jvm = new java.util.ArrayList<>();
            jvm.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            jvm.addAll(plan.subList(1, plan.indexOf("-Xshare:auto")));
            jvm.add("-version");
            Process p = new ProcessBuilder(jvm).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            assertFalse(out.contains("Error"), out);
        }
    }

    @Test
    void theClientCompilerOnlyUnlessTheUserAsksForMore() {
        List<String> cmd = plan(List.of()).orElseThrow().command();
        assertTrue(cmd.contains("-XX:TieredStopAtLevel=1"), cmd.toString());
        List<String> c2 = plan(List.of("-XX:TieredStopAtLevel=4")).orElseThrow().command();
        assertTrue(c2.lastIndexOf("-XX:TieredStopAtLevel=4") > c2.indexOf("-XX:TieredStopAtLevel=1"), "the last one wins");
        assertTrue(cmd.contains("-XX:CICompilerCount=1"), "one compiler thread for C1 alone");
        assertFalse(c2.contains("-XX:CICompilerCount=1"), "C1 and C2 need two: the JVM would refuse to start");
        assertFalse(plan(List.of("-XX:CICompilerCount=3")).orElseThrow().command().contains("-XX:CICompilerCount=1"));
    }

    @Test
    void staysInThisJvmForChildrenDevRunsDebuggersAgentsAndWhenSwitchedOff() throws Exception {
        Map<String, String> env = Map.of(ArchivePlan.CACHE_ENV, cache.toString());
        String main = "dev.notionconsole.Launcher";
        assertTrue(ArchivePlan.forGui(inputs(jar.toString(), List.of(), env, true, null), main, List.of()).isEmpty(), "child");
        assertTrue(ArchivePlan.forGui(inputs(jar.toString(), List.of(), Map.of(ArchivePlan.SWITCH_ENV, "off"), false, null),
                main, List.of()).isEmpty(), "NOTION_CONSOLE_CDS=off");
        assertTrue(ArchivePlan.forGui(inputs(jar.toString(), List.of(), env, false, "off"), main, List.of()).isEmpty(),
                "-Dnotionconsole.cds=off");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertTrue(ArchivePlan.forGui(inputs(classes.toString(), List.of(), env, false, null), main, List.of()).isEmpty(),
                "classes folder (mvn javafx:run, an IDE)");
        assertTrue(ArchivePlan.forGui(inputs(jar + java.io.File.pathSeparator + classes, List.of(), env, false, null),
                main, List.of()).isEmpty(), "several entries");
        for (String arg : List.of("-agentlib:jdwp=transport=dt_socket", "-javaagent:jacoco.jar", "-Xshare:off",
                "-XX:SharedArchiveFile=mine.jsa", "-XX:ArchiveClassesAtExit=mine.jsa")) {
            assertTrue(plan(List.of(arg)).isEmpty(), arg);
        }
        Files.delete(javaHome.resolve("bin/java"));
        assertTrue(plan(List.of()).isEmpty(), "a runtime without bin/java (jlink --strip-native-commands)");
    }

    @Test
    void thePackagedAppRelaunchesOnLinuxButNotInsideAMacOrWindowsBundle() {
        Map<String, String> env = Map.of(ArchivePlan.CACHE_ENV, cache.toString());
        String main = "dev.notionconsole.Launcher";
        String app = "/opt/notion-console/bin/notion-console";
        assertTrue(ArchivePlan.forGui(inputs(jar.toString(), List.of(), env, false, null, "Linux", app), main, List.of())
                .isPresent(), "Linux: the desktop entry finds the child's window by its WM class");
        for (String os : List.of("Mac OS X", "Windows 11")) {
            assertTrue(ArchivePlan.forGui(inputs(jar.toString(), List.of(), env, false, null, os, app), main, List.of())
                    .isEmpty(), os + ": the window must stay the bundle's");
            assertTrue(ArchivePlan.forGui(inputs(jar.toString(), List.of(), env, false, null, os, null), main, List.of())
                    .isPresent(), os + ": java -jar relaunches");
        }
    }

    @Test
    void cacheFolderPerPlatform() {
        Path home = Path.of("/home/ada");
        assertEquals(home.resolve(".cache/notion-console"), ArchivePlan.cacheDir(Map.of(), "Linux", home));
        assertEquals(Path.of("/xdg/notion-console"), ArchivePlan.cacheDir(Map.of("XDG_CACHE_HOME", "/xdg"), "Linux", home));
        assertEquals(home.resolve("Library/Caches/Notion Console"), ArchivePlan.cacheDir(Map.of(), "Mac OS X", home));
        assertEquals(Path.of("C:/Users/ada/AppData/Local", "Notion Console", "cache"),
                ArchivePlan.cacheDir(Map.of("LOCALAPPDATA", "C:/Users/ada/AppData/Local"), "Windows 11", home));
        assertEquals(Path.of("/tmp/c"), ArchivePlan.cacheDir(Map.of(ArchivePlan.CACHE_ENV, "/tmp/c"), "Linux", home));
    }
}
