package dev.notionconsole.launch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Runs the GUI in a child JVM with the app's AppCDS archive ({@link ArchivePlan}), forwarding standard streams
 * and the exit code, and stopping the child when this JVM is stopped. Anything going wrong here falls back to
 * running in this JVM: the archive only ever saves time.
 */
public final class Relauncher {
    private Relauncher() {
    }

    /** The child's exit code, or empty when the caller should start the GUI in this JVM. */
    public static OptionalInt relaunchGui(String mainClass, List<String> args) {
        if (Boolean.getBoolean(ArchivePlan.CHILD_PROPERTY)) {
            // the child itself (or the app image's JVM, which its script started with the archive): reading this JVM's
            // options would start the management API (~25 ms before the toolkit, the child is not started with the
            // jar's manifest) only for the plan to say no
            return OptionalInt.empty();
        }
        Optional<ArchivePlan> plan;
        try {
            ArchivePlan.Inputs in = new ArchivePlan.Inputs(Path.of(System.getProperty("java.home")),
                    System.getProperty("java.vm.version", ""), System.getProperty("java.class.path", ""),
                    jvmArguments(), System.getenv(),
                    System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")),
                    Boolean.getBoolean(ArchivePlan.CHILD_PROPERTY), System.getProperty(ArchivePlan.SWITCH_PROPERTY),
                    System.getProperty("jpackage.app-path"), System.getProperty(ArchivePlan.ARCHIVE_PROPERTY));
            if (!ArchivePlan.mayRelaunch(in)) {
                return OptionalInt.empty(); // a macOS or Windows bundle, switched off, an agent: no child to prepare for
            }
            // the child's start initialises the process classes and bootstraps their lambdas (~30 ms before the fork,
            // docs/decisions/0199): a thread of its own does that while this one reads the files the plan needs
            Thread warm = new Thread(Relauncher::loadProcessClasses, "load-process-classes");
            warm.setDaemon(true);
            warm.start();
            plan = ArchivePlan.forGui(in, mainClass, args);
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
        return plan.isPresent() ? run(plan.get()) : OptionalInt.empty();
    }

    /** What {@code ProcessBuilder.start} first needs; nothing is started. Failing here only costs the head start. */
    private static void loadProcessClasses() {
        try {
            Class.forName("java.lang.ProcessImpl", true, null);
            ProcessHandle.current();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // the start loads them itself
        }
    }

    /**
     * This JVM's own options. {@code jdk.internal.misc.VM} answers in under a millisecond, where the management
     * API took 20-35 ms (its MBean machinery) before the child could start; the jar's manifest exports that
     * package to the app ({@code Add-Exports}). Elsewhere (a launcher that ignores the manifest), the management
     * API: the same list.
     */
    static List<String> jvmArguments() {
        try {
            Object args = Class.forName("jdk.internal.misc.VM").getMethod("getRuntimeArguments").invoke(null);
            return List.of((String[]) args);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return ManagementFactory.getRuntimeMXBean().getInputArguments();
        }
    }

    static OptionalInt run(ArchivePlan plan) {
        Process child;
        try {
            Files.createDirectories(plan.archive().getParent());
            ProcessBuilder pb = new ProcessBuilder(plan.command()).inheritIO();
            // glibc gives each thread that mallocs its own arena; a JVM's dozens of threads leave tens of MB resident
            pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            if (RenderingMemo.forThisUser().skipsGpuProbe()) {
                GtkGl.turnOff(pb.environment()); // and the child sets prism.order=sw from the same memo
            }
            child = pb.start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        Thread stopChild = new Thread(new StopChild(child), "stop-gui");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int code;
        try {
            code = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return OptionalInt.of(130);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopChild);
        } catch (IllegalStateException shuttingDown) {
            // already running: the child is gone anyway
        }
        keepArchive(plan, code);
        return OptionalInt.of(code);
    }

    /** Stops the child when this JVM is stopped (a class, not a lambda: see {@link ArchivePlan}'s loops). */
    private record StopChild(Process child) implements Runnable {
        @Override
        public void run() {
            child.destroy(); // the child's own shutdown hook saves the window settings
            try {
                child.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A recorded archive becomes the archive only if the child ended well; otherwise it is thrown away. */
    private static void keepArchive(ArchivePlan plan, int exitCode) {
        Path pending = plan.pending();
        if (pending == null) {
            return;
        }
        try {
            if (exitCode == 0 && Files.isRegularFile(pending) && Files.size(pending) > 0) {
                Files.move(pending, plan.archive(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(pending);
            }
        } catch (IOException | RuntimeException e) {
            // no archive this time; the next launch records again
        }
    }
}
