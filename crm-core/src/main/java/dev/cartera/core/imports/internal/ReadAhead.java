package dev.cartera.core.imports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads and maps the next chunks of a file on a helper thread while the importing thread writes the
 * current one, so that parsing, checking and normalising rows (pure Java, no database) overlaps with the
 * database's work: a second core is used instead of waiting. At most {@code depth} mapped chunks wait,
 * so the heap holds a few chunks whatever the file's size. A failure while reading (a cell too long in
 * the middle of the file) is handed over in order, after the chunks read before it.
 */
public final class ReadAhead implements AutoCloseable {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile boolean stopped;
    private boolean ended;

    public ReadAhead(TableReader reader, RowMapper mapper, int chunkSize, int depth, String name) {
        this.queue = new ArrayBlockingQueue<>(depth);
        this.thread = new Thread(() -> produce(reader, mapper, chunkSize), name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The next mapped chunk, or null at the end of the file; rethrows what reading failed with. */
    public List<RowMapper.Mapped> next() throws InterruptedException {
        if (ended) {
            return null;
        }
        Object item = queue.take();
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof RuntimeException e) {
            ended = true;
            throw e;
        }
        if (item instanceof Error e) {
            ended = true;
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<RowMapper.Mapped> chunk = (List<RowMapper.Mapped>) item;
        return chunk;
    }

    private void produce(TableReader reader, RowMapper mapper, int chunkSize) {
        try {
            while (!stopped) {
                List<RowMapper.Mapped> chunk = new ArrayList<>(chunkSize);
                SourceRow row;
                while (chunk.size() < chunkSize && (row = reader.next()) != null) {
                    chunk.add(mapper.map(row));
                }
                if (chunk.isEmpty()) {
                    hand(END);
                    return;
                }
                hand(chunk);
            }
        } catch (RuntimeException | Error e) {
            if (!stopped) {
                hand(e);
            }
        }
    }

    private void hand(Object item) {
        try {
            while (!stopped) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops reading and waits for the helper to let go of the reader, which the caller then closes. */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
