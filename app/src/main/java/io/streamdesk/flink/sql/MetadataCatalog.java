package io.streamdesk.flink.sql;

import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogPartitionSpec;
import org.apache.flink.table.catalog.GenericInMemoryCatalog;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotEmptyException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotExistException;
import org.apache.flink.table.catalog.exceptions.TableAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.catalog.stats.CatalogColumnStatistics;
import org.apache.flink.table.catalog.stats.CatalogTableStatistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One catalog of the app's metadata catalog (M3) as Flink sees it: an in-memory catalog whose tables are created from
 * their stored DDL only when a statement first looks one up, so a check of a script that reads two of 50 catalog
 * tables parses two DDLs, not 50. What the script does to a catalog table (DROP, ALTER) stays in this throw-away copy.
 */
final class MetadataCatalog extends GenericInMemoryCatalog {
    /** Turns a stored DDL into Flink's table; throws a {@link CatalogException} naming the table when it cannot. */
    interface TableMaker {
        CatalogBaseTable make(ObjectPath path, String ddl);
    }

    private final Map<ObjectPath, String> pending = new HashMap<>();
    private final TableMaker maker;
    private int created;

    MetadataCatalog(String name, String defaultDatabase, TableMaker maker) {
        super(name, defaultDatabase);
        this.maker = maker;
    }

    /** A table to create from {@code ddl} on its first look-up; its database must have been created. */
    synchronized void addPending(ObjectPath path, String ddl) {
        pending.put(path, ddl);
    }

    /** How many tables were made from their DDL so far (the rest are still text). */
    synchronized int createdTables() {
        return created;
    }

    private synchronized void materialize(ObjectPath path) {
        String ddl = pending.remove(path);
        if (ddl == null) {
            return;
        }
        CatalogBaseTable table = maker.make(path, ddl);
        try {
            super.createTable(path, table, false);
            created++;
        } catch (TableAlreadyExistException | DatabaseNotExistException e) {
            throw new CatalogException("Catalog table " + getName() + "." + path.getFullName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean tableExists(ObjectPath path) {
        return pending.containsKey(path) || super.tableExists(path);
    }

    @Override
    public CatalogBaseTable getTable(ObjectPath path) throws TableNotExistException {
        materialize(path);
        return super.getTable(path);
    }

    @Override
    public synchronized List<String> listTables(String database) throws DatabaseNotExistException {
        List<String> names = new ArrayList<>(super.listTables(database));
        pending.keySet().stream().filter(p -> p.getDatabaseName().equals(database)).map(ObjectPath::getObjectName)
                .forEach(names::add);
        return names;
    }

    @Override
    public void createTable(ObjectPath path, CatalogBaseTable table, boolean ignoreIfExists)
            throws TableAlreadyExistException, DatabaseNotExistException {
        synchronized (this) {
            if (pending.containsKey(path)) {
                if (ignoreIfExists) {
                    return;
                }
                throw new TableAlreadyExistException(getName(), path);
            }
        }
        super.createTable(path, table, ignoreIfExists);
    }

    @Override
    public void dropTable(ObjectPath path, boolean ignoreIfNotExists) throws TableNotExistException {
        synchronized (this) {
            if (pending.remove(path) != null) {
                return;
            }
        }
        super.dropTable(path, ignoreIfNotExists);
    }

    @Override
    public void alterTable(ObjectPath path, CatalogBaseTable newTable, boolean ignoreIfNotExists)
            throws TableNotExistException {
        materialize(path);
        super.alterTable(path, newTable, ignoreIfNotExists);
    }

    @Override
    public void renameTable(ObjectPath path, String newName, boolean ignoreIfNotExists)
            throws TableNotExistException, TableAlreadyExistException {
        materialize(path);
        super.renameTable(path, newName, ignoreIfNotExists);
    }

    @Override
    public void dropDatabase(String name, boolean ignoreIfNotExists, boolean cascade)
            throws DatabaseNotExistException, DatabaseNotEmptyException {
        synchronized (this) {
            boolean hasPending = pending.keySet().stream().anyMatch(p -> p.getDatabaseName().equals(name));
            if (hasPending && !cascade) {
                throw new DatabaseNotEmptyException(getName(), name);
            }
            pending.keySet().removeIf(p -> p.getDatabaseName().equals(name));
        }
        super.dropDatabase(name, ignoreIfNotExists, cascade);
    }

    @Override
    public CatalogTableStatistics getTableStatistics(ObjectPath path) throws TableNotExistException {
        materialize(path);
        return super.getTableStatistics(path);
    }

    @Override
    public CatalogColumnStatistics getTableColumnStatistics(ObjectPath path) throws TableNotExistException {
        materialize(path);
        return super.getTableColumnStatistics(path);
    }

    @Override
    public List<CatalogPartitionSpec> listPartitions(ObjectPath path)
            throws TableNotExistException, org.apache.flink.table.catalog.exceptions.TableNotPartitionedException {
        materialize(path);
        return super.listPartitions(path);
    }
}
