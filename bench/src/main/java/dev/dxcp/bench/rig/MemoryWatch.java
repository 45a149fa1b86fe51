package dev.dxcp.bench.rig;

/**
 * Samples a process's resident memory a few times a second, so the peak under load is known even
 * after the process has gone (the kernel's high-water mark dies with it).
 */
final class MemoryWatch implements AutoCloseable {
    private static final long INTERVAL_MILLIS = 200;

    private final long pid;
    private final Thread thread;
    private volatile long highestKib = -1;
    private volatile boolean running = true;

    private MemoryWatch(long pid) {
        this.pid = pid;
        this.thread = new Thread(this::sample, "rss-watch-" + pid);
        this.thread.setDaemon(true);
    }

    static MemoryWatch start(long pid) {
        MemoryWatch watch = new MemoryWatch(pid);
        watch.thread.start();
        return watch;
    }

    long highestKib() {
        return highestKib;
    }

    private void sample() {
        while (running) {
            long now = ResidentMemory.currentKib(pid);
            long peak = ResidentMemory.peakKib(pid);
            highestKib = Math.max(highestKib, Math.max(now, peak));
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
