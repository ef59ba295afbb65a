package dev.notionconsole.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
