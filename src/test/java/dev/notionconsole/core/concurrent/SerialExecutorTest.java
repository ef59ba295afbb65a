package dev.notionconsole.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
    @Test
    void runsOneAtATimeInSubmissionOrderOnAPool() throws Exception {
        try (ExecutorTaskRunner pool = new ExecutorTaskRunner(4, Runnable::run, e -> { })) {
            SerialExecutor serial = new SerialExecutor(pool, "Saving");
            List<Integer> order = new CopyOnWriteArrayList<>();
            AtomicInteger concurrent = new AtomicInteger();
            AtomicInteger maxConcurrent = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(200);
            for (int i = 0; i < 200; i++) {
                int n = i;
                serial.execute(() -> {
                    maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    Thread.onSpinWait();
                    order.add(n);
                    concurrent.decrementAndGet();
                    done.countDown();
                });
            }
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(1, maxConcurrent.get());
            for (int i = 0; i < 200; i++) {
                assertEquals(i, order.get(i));
            }
        }
    }

    @Test
    void heldWorkWaitsForTheReleaseThenRunsInOrderOnThePool() throws Exception {
        try (ExecutorTaskRunner pool = new ExecutorTaskRunner(2, Runnable::run, e -> { })) {
            SerialExecutor serial = new SerialExecutor(pool, "Saving");
            serial.hold();
            List<String> ran = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(3);
            for (String s : List.of("a", "b", "c")) {
                serial.execute(() -> {
                    ran.add(s + "@" + Thread.currentThread().getName());
                    done.countDown();
                });
            }
            assertFalse(done.await(300, TimeUnit.MILLISECONDS), "nothing runs while held: " + ran);
            String caller = Thread.currentThread().getName();
            serial.release(false);
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("a", "b", "c"), ran.stream().map(r -> r.substring(0, 1)).toList());
            assertTrue(ran.stream().noneMatch(r -> r.endsWith("@" + caller)), "on the pool, not the caller: " + ran);

            CountDownLatch after = new CountDownLatch(1);
            serial.execute(after::countDown);
            assertTrue(after.await(10, TimeUnit.SECONDS), "released: later work starts at once");
        }
    }

    @Test
    void aReleaseHereRunsTheHeldWorkBeforeItReturns() throws Exception {
        try (ExecutorTaskRunner pool = new ExecutorTaskRunner(2, Runnable::run, e -> { })) {
            SerialExecutor serial = new SerialExecutor(pool, "Saving");
            serial.hold();
            List<String> ran = new CopyOnWriteArrayList<>();
            serial.execute(() -> ran.add("first"));
            serial.execute(() -> ran.add("second on " + Thread.currentThread().getName()));
            serial.release(true);
            assertEquals(List.of("first", "second on " + Thread.currentThread().getName()), ran,
                    "shutting down: written on the caller's thread, none lost");
            serial.release(true); // not held any more: nothing to do
            assertEquals(2, ran.size());
        }
    }
}
