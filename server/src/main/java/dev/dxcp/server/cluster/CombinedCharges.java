package dev.dxcp.server.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToIntBiFunction;

/**
 * Charges of one counter and minute made on this instance at the same moment, sent as one statement that adds
 * their number and returns the new count. While one statement for a counter is in flight, the requests that
 * arrive queue behind it; when it returns, the oldest of them sends the whole queue. Each request still gets
 * a number of its own, so the n-th request of the minute sees n, on this instance or across several (the row
 * lock orders the statements). Sixteen clients of one actor made sixteen upserts of the same row, each
 * waiting for the previous one's lock; now they make a few (decision 170).
 */
final class CombinedCharges {
    private static final int WAITING = 0;
    private static final int LEADING = 1;
    private static final int ANSWERED = 2;

    /** Adds the given number of requests to (counter, minute) and returns the count after them. */
    private final ToIntBiFunction<Key, Integer> addAndCount;
    private final Map<Key, Turn> turns = new ConcurrentHashMap<>();

    record Key(String counter, long minute) {
    }

    CombinedCharges(ToIntBiFunction<Key, Integer> addAndCount) {
        this.addAndCount = addAndCount;
    }

    int charge(String counter, long minute) {
        Key key = new Key(counter, minute);
        Turn turn = turns.computeIfAbsent(key, k -> new Turn());
        Request mine = new Request(Thread.currentThread());
        turn.queue.add(mine);
        if (turn.busy.compareAndSet(false, true)) {
            mine.state = LEADING;
        }
        while (mine.state != ANSWERED) {
            if (mine.state == LEADING) {
                sendQueue(key, turn);
            } else {
                LockSupport.park(this);
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.count;
    }

    /** Forgets the turns of minutes before this one (their rows are deleted too). */
    void forgetBefore(long minute) {
        turns.keySet().removeIf(key -> key.minute() < minute);
    }

    int turnsHeld() {
        return turns.size();
    }

    /** Run by the one request leading the turn: its own is in the queue, so it is answered here too. */
    private void sendQueue(Key key, Turn turn) {
        List<Request> batch = new ArrayList<>();
        for (Request next; (next = turn.queue.poll()) != null; ) {
            batch.add(next);
        }
        int[] counts = new int[batch.size()];
        RuntimeException failure = null;
        try {
            int after = addAndCount.applyAsInt(key, batch.size());
            for (int i = 0; i < counts.length; i++) {
                counts[i] = after - counts.length + 1 + i;
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int i = 0; i < batch.size(); i++) {
            Request request = batch.get(i);
            request.count = counts[i];
            request.failure = failure;
            request.state = ANSWERED;
            LockSupport.unpark(request.thread);
        }
        handOver(turn);
    }

    /** The oldest waiting request leads next; with none waiting, the next to arrive leads itself. */
    private static void handOver(Turn turn) {
        Request next = turn.queue.peek();
        if (next == null) {
            turn.busy.set(false);
            // A request queued after the peek but before the flag cleared found the turn busy and waits.
            if (turn.queue.isEmpty() || !turn.busy.compareAndSet(false, true)) {
                return;
            }
            next = turn.queue.peek();
            if (next == null) {
                turn.busy.set(false);
                return;
            }
        }
        next.state = LEADING;
        LockSupport.unpark(next.thread);
    }

    private static final class Turn {
        final AtomicBoolean busy = new AtomicBoolean();
        final Queue<Request> queue = new ConcurrentLinkedQueue<>();
    }

    private static final class Request {
        final Thread thread;
        int count;
        RuntimeException failure;
        /** Written last: count and failure are visible to whoever reads it as ANSWERED. */
        volatile int state = WAITING;

        Request(Thread thread) {
            this.thread = thread;
        }
    }
}
