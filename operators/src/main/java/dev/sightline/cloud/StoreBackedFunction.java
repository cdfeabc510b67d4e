package dev.sightline.cloud;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;

/**
 * A Flink process function that reads objects: it holds only the serializable factory, opens its
 * own {@link ObjectStore} in each parallel task and closes it with the task.
 */
public abstract class StoreBackedFunction<I, O> extends ProcessFunction<I, O> {
    private static final long serialVersionUID = 1L;

    private final ObjectStoreFactory stores;
    private transient ObjectStore store;

    protected StoreBackedFunction(ObjectStoreFactory stores) {
        this.stores = stores;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        store = stores.create();
    }

    /** This task's store (after {@link #open}). */
    protected ObjectStore store() {
        return store;
    }

    @Override
    public void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }
}
