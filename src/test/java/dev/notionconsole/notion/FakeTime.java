package dev.notionconsole.notion;

import dev.notionconsole.core.concurrent.CancellationToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time the tests control: a wall clock, a monotonic clock and a sleeper that advances both instead of
 * sleeping, recording every wait. Retry and pacing tests run in milliseconds whatever Retry-After says.
 */
final class FakeTime extends Clock implements Sleeper {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Instant epoch;
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    FakeTime(Instant start) {
        this.epoch = start;
    }

    long nanoTime() {
        return nanos.get();
    }

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Override
    public void sleep(Duration duration, CancellationToken cancel) {
        cancel.throwIfCancelled();
        sleeps.add(duration);
        advance(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return epoch.plusNanos(nanos.get() - 1_000_000_000L);
    }

    ClientSettings.Builder apply(ClientSettings.Builder b) {
        return b.sleeper(this).clock(this).nanoTime(this::nanoTime);
    }
}
