package cn.wenzhou.renovation.ruleset.engine;

import cn.wenzhou.renovation.kernel.Futures;
import com.github.benmanes.caffeine.cache.Cache;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Something built from content and kept under its content key, built at most once at a time: a second caller for a
 * key under way waits for that build and gets its value, or the very exception it failed with. Not
 * {@code Cache.get(key, loader)}, which would hold a lock of the cache for the seconds a build takes while other
 * keys build side by side. A failed build is not kept.
 */
final class BuiltOncePerKey<V> {

    private final Cache<String, V> kept;
    private final ConcurrentHashMap<String, CompletableFuture<V>> underway = new ConcurrentHashMap<>();

    BuiltOncePerKey(Cache<String, V> kept) {
        this.kept = kept;
    }

    V get(String key, Supplier<V> build) {
        V known = kept.getIfPresent(key);
        if (known != null) {
            return known;
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = underway.putIfAbsent(key, mine);
        if (running != null) {
            return Futures.joined(running);
        }
        try {
            // Another thread may have finished the same build between the first look and now.
            V finished = kept.getIfPresent(key);
            V built = finished != null ? finished : build.get();
            kept.put(key, built);
            mine.complete(built);
            return built;
        } catch (RuntimeException | Error failure) {
            mine.completeExceptionally(failure);
            throw failure;
        } finally {
            underway.remove(key, mine);
        }
    }
}
