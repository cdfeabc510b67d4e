package dev.sightline.sink;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares Sightline's tables in an Iceberg catalog before a job starts: creates the namespace
 * and missing tables, and adds columns that a newer Sightline defines (never drops any).
 */
public final class IcebergWarehouse implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(IcebergWarehouse.class);

    private final IcebergCatalogSettings settings;
    private final Catalog catalog;

    public IcebergWarehouse(IcebergCatalogSettings settings) {
        this.settings = settings;
        this.catalog = settings.load();
    }

    /** Creates or upgrades each table; safe to call at every start. */
    public void prepare(List<TableDefinition<?>> tables) {
        if (catalog instanceof SupportsNamespaces namespaces
                && !namespaces.namespaceExists(settings.icebergNamespace())) {
            try {
                namespaces.createNamespace(settings.icebergNamespace());
            } catch (AlreadyExistsException raced) {
                // another client created it first
            }
        }
        for (TableDefinition<?> table : tables) {
            prepare(table);
        }
    }

    /** Whether the table has been created. */
    public boolean exists(String name) {
        return catalog.tableExists(settings.identifier(name));
    }

    /** The live table, for reading back. */
    public Table table(String name) {
        return catalog.loadTable(settings.identifier(name));
    }

    /** Every committed row of a table (for small tables: tests, the demo's progress). */
    public List<Record> readAll(String name) {
        return read(name, Expressions.alwaysTrue());
    }

    /** The committed rows of a table that match {@code filter}; files whose statistics rule it out are not read. */
    public List<Record> read(String name, Expression filter) {
        Table table = table(name);
        table.refresh();
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).where(filter).build()) {
            for (Record record : records) {
                rows.add(record.copy());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read table " + name, e);
        }
        return rows;
    }

    /** The number of committed rows of a table, from its current snapshot's summary. */
    public long rowCount(String name) {
        Table table = table(name);
        table.refresh();
        Snapshot snapshot = table.currentSnapshot();
        if (snapshot == null) {
            return 0;
        }
        return Long.parseLong(snapshot.summary().getOrDefault("total-records", "0"));
    }

    private void prepare(TableDefinition<?> definition) {
        TableIdentifier id = settings.identifier(definition.name());
        if (!catalog.tableExists(id)) {
            try {
                catalog.createTable(id, definition.schema(), definition.partitionSpec(), Map.of(
                        TableProperties.FORMAT_VERSION, "2",
                        TableProperties.DEFAULT_FILE_FORMAT, "parquet",
                        "comment", definition.description()));
                LOG.info("Created table {}", id);
            } catch (AlreadyExistsException raced) {
                // another client created it first
            }
            return;
        }
        addMissingColumns(catalog.loadTable(id), definition.schema());
    }

    private static void addMissingColumns(Table table, Schema wanted) {
        UpdateSchema update = table.updateSchema();
        boolean changed = false;
        for (Types.NestedField field : wanted.columns()) {
            if (table.schema().findField(field.name()) == null) {
                update.addColumn(field.name(), field.type(), field.doc());
                changed = true;
            }
        }
        if (changed) {
            update.commit();
            LOG.info("Added columns to {}", table.name());
        }
    }

    @Override
    public void close() throws IOException {
        if (catalog instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
