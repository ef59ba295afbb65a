package dev.notionconsole.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {
    @Test
    void inlineRunnerRunsWorkAndCallbacksInOrder() {
        List<String> events = new CopyOnWriteArrayList<>();
        BackgroundTask.of("t", ctx -> {
                    ctx.progress(0.5, "half");
                    return 42;
                })
                .onRunning(() -> events.add("running"))
                .onProgress(p -> events.add("progress " + p.fraction()))
                .onSuccess(v -> events.add("success " + v))
                .onFinally(() -> events.add("finally"))
                .executeWith(new InlineTaskRunner());
        assertEquals(List.of("running", "progress 0.5", "success 42", "finally"), events);
    }

    @Test
    void inlineRunnerNeverSwallowsAnUnhandledFailure() {
        InlineTaskRunner runner = new InlineTaskRunner();
        BackgroundTask<Object> task = BackgroundTask.of("boom", ctx -> {
            throw new IllegalArgumentException("boom");
        });
        assertThrows(IllegalStateException.class, () -> task.executeWith(runner));
    }

    @Test
    void aHeldRunnerStartsNothingUntilReleasedThenRunsInOrderAndCancelsWhatWasCancelledMeanwhile() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(3);
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner(1, Runnable::run, t -> { })) {
            runner.hold();
            for (String name : List.of("first", "dropped", "second")) {
                TaskHandle h = BackgroundTask.of(name, ctx -> events.add("ran " + name))
                        .onCancelled(() -> events.add("cancelled " + name))
                        .onFinally(finished::countDown)
                        .executeWith(runner);
                if (name.equals("dropped")) {
                    h.cancel();
                }
            }
            assertEquals(3, runner.activity().snapshot().size() + 1, "held tasks show as running, the cancelled one not");
            Thread.sleep(200); // a free worker would have run them by now
            assertEquals(List.of("cancelled dropped"), events, "nothing started while held");
            runner.release();
            assertTrue(finished.await(5, TimeUnit.SECONDS));
            assertEquals(List.of("cancelled dropped", "ran first", "ran second"), events);
        }
    }

    @Test
    void closingAHeldRunnerCancelsWhatItHeld() {
        List<String> events = new CopyOnWriteArrayList<>();
        ExecutorTaskRunner runner = new ExecutorTaskRunner(1, Runnable::run, t -> { });
        runner.hold();
        BackgroundTask.of("held", ctx -> events.add("ran")).onCancelled(() -> events.add("cancelled"))
                .onFinally(() -> events.add("finally")).executeWith(runner);
        runner.close();
        assertEquals(List.of("cancelled", "finally"), events, "every task ends with one outcome, held ones too");
        assertTrue(runner.activity().snapshot().isEmpty());
    }

    @Test
    void executorRunnerDeliversCallbacksOnTheCallbackExecutorAndTracksActivity() throws Exception {
        var callbackThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui"));
        AtomicReference<String> seenOn = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner(2, callbackThread, t -> { })) {
            BackgroundTask.of("slow", ctx -> {
                        release.await(5, TimeUnit.SECONDS);
                        return "v";
                    })
                    .onSuccess(v -> seenOn.set(Thread.currentThread().getName()))
                    .onFinally(done::countDown)
                    .executeWith(runner);
            assertEquals(1, runner.activity().snapshot().size());
            release.countDown();
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertEquals("ui", seenOn.get());
            assertTrue(runner.activity().snapshot().isEmpty());
        } finally {
            callbackThread.shutdownNow();
        }
    }

    @Test
    void cancellingStopsAWaitAndReportsCancelled() throws Exception {
        var callbacks = Executors.newSingleThreadExecutor();
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner(1, callbacks, t -> { })) {
            TaskHandle handle = BackgroundTask.of("wait", ctx -> {
                        started.countDown();
                        ctx.cancellation().sleep(30, TimeUnit.SECONDS);
                        return null;
                    })
                    .onCancelled(cancelled::countDown)
                    .executeWith(runner);
            assertTrue(started.await(5, TimeUnit.SECONDS), "the work is running");
            handle.cancel();
            assertTrue(cancelled.await(5, TimeUnit.SECONDS));
        } finally {
            callbacks.shutdownNow();
        }
    }

    @Test
    void unhandledFailuresReachTheUncaughtHandler() throws Exception {
        var callbacks = Executors.newSingleThreadExecutor();
        AtomicReference<Throwable> uncaught = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner(1, callbacks, uncaught::set)) {
            BackgroundTask.of("fails", ctx -> {
                throw new IllegalStateException("nope");
            }).onFinally(done::countDown).executeWith(runner);
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, uncaught.get());
        } finally {
            callbacks.shutdownNow();
        }
    }

    @Test
    void workSubmittedAfterCloseIsCancelledNotThrown() {
        ExecutorTaskRunner runner = new ExecutorTaskRunner(1, Runnable::run, e -> { throw new AssertionError(e); });
        runner.close();
        java.util.List<String> seen = new java.util.ArrayList<>();
        TaskHandle handle = BackgroundTask.of("late", ctx -> "never")
                .onSuccess(v -> seen.add("success"))
                .onCancelled(() -> seen.add("cancelled"))
                .onFinally(() -> seen.add("finally"))
                .executeWith(runner);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("cancelled", "finally"), seen);
        org.junit.jupiter.api.Assertions.assertTrue(handle.isDone() && handle.cancellation().isCancelled());
        org.junit.jupiter.api.Assertions.assertTrue(runner.activity().snapshot().isEmpty());
    }

    @Test
    void cancellingAQueuedTaskDeliversCancelledAndFinallyAndEndsItsActivity() throws Exception {
        var callbacks = Executors.newSingleThreadExecutor();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch queuedEnded = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner(1, callbacks, t -> { })) {
            BackgroundTask.of("blocker", ctx -> {
                busy.countDown();
                release.await(10, TimeUnit.SECONDS);
                return null;
            }).executeWith(runner);
            assertTrue(busy.await(5, TimeUnit.SECONDS), "the only worker is busy");
            TaskHandle queued = BackgroundTask.of("queued", ctx -> "ran")
                    .onSuccess(v -> seen.add("success"))
                    .onCancelled(() -> seen.add("cancelled"))
                    .onFinally(() -> {
                        seen.add("finally");
                        queuedEnded.countDown();
                    })
                    .executeWith(runner);
            queued.cancel();
            assertTrue(queuedEnded.await(5, TimeUnit.SECONDS), "the queued task's outcome arrives while the worker is still busy");
            assertEquals(List.of("cancelled", "finally"), seen);
            assertTrue(queued.isDone());
            assertEquals(List.of("blocker"), runner.activity().snapshot().stream().map(ActivityTracker.Activity::title).toList(),
                    "the status bar no longer lists the cancelled task");
            release.countDown();
        } finally {
            callbacks.shutdownNow();
        }
        assertEquals(List.of("cancelled", "finally"), seen, "and it never runs later");
    }

    @Test
    void cancellingTheTokenIsCancellingTheHandle() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner(1, Runnable::run, t -> { })) {
            BackgroundTask.of("blocker", ctx -> {
                busy.countDown();
                release.await(10, TimeUnit.SECONDS);
                return null;
            }).executeWith(runner);
            assertTrue(busy.await(5, TimeUnit.SECONDS));
            TaskHandle queued = BackgroundTask.of("queued", ctx -> "ran")
                    .onCancelled(() -> seen.add("cancelled")).onFinally(() -> seen.add("finally")).executeWith(runner);
            queued.cancellation().cancel();
            assertEquals(List.of("cancelled", "finally"), seen);
            release.countDown();
        }
    }

    @Test
    void closingTheRunnerDeliversCancelledToTasksThatNeverRan() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        ExecutorTaskRunner runner = new ExecutorTaskRunner(1, Runnable::run, t -> { });
        BackgroundTask.of("blocker", ctx -> {
            busy.countDown();
            ctx.cancellation().sleep(30, TimeUnit.SECONDS);
            return null;
        }).onCancelled(() -> seen.add("blocker cancelled")).executeWith(runner);
        assertTrue(busy.await(5, TimeUnit.SECONDS));
        BackgroundTask.of("queued", ctx -> "ran").onSuccess(v -> seen.add("queued ran"))
                .onCancelled(() -> seen.add("queued cancelled")).executeWith(runner);
        runner.close();
        assertTrue(seen.contains("queued cancelled"), "seen: " + seen);
        assertTrue(seen.contains("blocker cancelled"), "the running task was interrupted: " + seen);
        assertTrue(runner.activity().snapshot().isEmpty());
    }

    @Test
    void inlineRunnerReportsWorkThatCancelsItselfAsCancelled() {
        List<String> seen = new ArrayList<>();
        TaskHandle handle = BackgroundTask.of("self", ctx -> {
                    ctx.cancellation().cancel();
                    return "late";
                })
                .onSuccess(v -> seen.add("success"))
                .onCancelled(() -> seen.add("cancelled"))
                .onFinally(() -> seen.add("finally"))
                .executeWith(new InlineTaskRunner());
        assertEquals(List.of("cancelled", "finally"), seen);
        assertTrue(handle.isDone());
    }
}
