package dev.dxcp.command.common;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The most recently used aggregates of one type, for Axon's caching repository (decision 157): a write
 * that loads a quota, a lane, a build version or an idempotency key finds it here instead of reading its
 * snapshot and events again. At most {@code capacity} entries, least recently used first out.
 *
 * <p>An entry can be stale when another instance appended to the aggregate. A write decided on it appends
 * at a sequence number the store already has, loses on the unique (aggregate, sequence) key, and Axon
 * removes the entry when the unit of work rolls back; the command is then re-run from the store. To keep
 * reads (validate) from answering on a stale entry, {@link CachedAggregates} removes every aggregate another
 * instance appended to, and for a short while refuses to keep it again: a load that began before the other
 * instance's append and ends after the removal must not put the old state back.</p>
 */
public final class RecentAggregates implements Cache {
    static final long CHANGED_ELSEWHERE_NANOS = 5_000_000_000L;

    private final int capacity;
    private final Map<Object, Object> entries;
    private final Map<Object, Long> changedElsewhere = new LinkedHashMap<>();

    public RecentAggregates(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > RecentAggregates.this.capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        if (!recentlyChangedElsewhere(key)) {
            entries.put(key, value);
        }
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key) || recentlyChangedElsewhere(key)) {
            return false;
        }
        entries.put(key, value);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        Object present = entries.get(key);
        if (present != null) {
            return (T) present;
        }
        T value = valueSupplier.get();
        put(key, value);
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object present = entries.get(key);
        if (present != null) {
            V updated = update.apply((V) present);
            if (updated == null) {
                entries.remove(key);
            } else {
                entries.put(key, updated);
            }
        }
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Entry listeners are not offered: nothing in DXCP listens, and a silent no-op would mislead. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("RecentAggregates has no entry listeners");
    }

    /** Another instance appended to this aggregate: forget it, and do not keep it again for a while. */
    public synchronized void changedElsewhere(Object key) {
        entries.remove(key);
        long now = System.nanoTime();
        changedElsewhere.remove(key);
        changedElsewhere.put(key, now);
        var oldest = changedElsewhere.entrySet().iterator();
        while (oldest.hasNext() && now - oldest.next().getValue() > CHANGED_ELSEWHERE_NANOS) {
            oldest.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private boolean recentlyChangedElsewhere(Object key) {
        Long at = changedElsewhere.get(key);
        return at != null && System.nanoTime() - at <= CHANGED_ELSEWHERE_NANOS;
    }
}
